import { getEnv } from '@/lib/env';
import { embeddedSimulator } from '@/lib/simulator/embedded';

/**
 * Mounts the toolbox simulator at /simulator/* while it is the Flinks upstream
 * (getEnv().flinks.usesEmbeddedSimulator); otherwise the path does not exist (404). The instance is
 * the one the app's own Flinks client calls in process (lib/simulator/embedded.ts): this HTTP
 * surface is for outside clients (QA tools, the test controls).
 */

export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  if (!getEnv().flinks.usesEmbeddedSimulator) {
    return Response.json({ HttpStatusCode: 404, FlinksCode: 'NOT_FOUND', Message: 'The simulator is not enabled.' }, { status: 404 });
  }
  return uncompressed(await embeddedSimulator().handle(request));
}

/**
 * Small JSON answers on loopback: gzip costs more CPU than the bytes it saves. `no-transform` is what
 * tells Next's compression to leave a response alone (only this route; pages stay compressed).
 */
function uncompressed(response: Response): Response {
  const cacheControl = response.headers.get('cache-control');
  const value = cacheControl ? (/no-transform/i.test(cacheControl) ? cacheControl : `${cacheControl}, no-transform`) : 'no-store, no-transform';
  try {
    response.headers.set('cache-control', value);
    return response;
  } catch {
    // Immutable headers (a Response that came from elsewhere): copy it.
    const headers = new Headers(response.headers);
    headers.set('cache-control', value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
