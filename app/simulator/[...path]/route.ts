import { getEnv } from '@/lib/env';
import { TOOLBOX } from '@/lib/flinks/toolbox';
import { createSimulator, type Simulator } from '@/lib/simulator';

/**
 * Mounts the toolbox simulator at /simulator/* while it is the Flinks upstream
 * (getEnv().flinks.usesEmbeddedSimulator); otherwise the path does not exist (404).
 * One instance per process, kept on globalThis so dev-mode module reloads keep tokens and sessions.
 */

export const dynamic = 'force-dynamic';

const globalRef = globalThis as typeof globalThis & { __flinksSimulator?: Simulator };

function simulator(): Simulator {
  if (!globalRef.__flinksSimulator) {
    const env = getEnv();
    globalRef.__flinksSimulator = createSimulator({
      ...env.simulator,
      basePath: '/simulator',
      // Accept whatever the app's client is configured to send (toolbox values by default).
      customerId: env.flinks.customerId,
      secretKey: env.flinks.secretKey,
      apiKeys: [env.flinks.apiKey, TOOLBOX.legacyApiKey],
    });
  }
  return globalRef.__flinksSimulator;
}

async function handle(request: Request): Promise<Response> {
  if (!getEnv().flinks.usesEmbeddedSimulator) {
    return Response.json({ HttpStatusCode: 404, FlinksCode: 'NOT_FOUND', Message: 'The simulator is not enabled.' }, { status: 404 });
  }
  return simulator().handle(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE };
