import { getAuth } from '@/lib/auth/auth';
import { authRouteAllowed } from '@/lib/auth/auth-routes';

/**
 * Better Auth's own HTTP routes, so its rate limiter and CSRF checks apply to sign-in. Only the
 * routes the dashboard uses are exposed: user management goes through our server actions (which
 * check permissions and write the audit trail), never straight to Better Auth's admin endpoints.
 */
async function handle(request: Request): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!authRouteAllowed(request.method, pathname)) {
    return Response.json({ message: 'Not found' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  }
  const response = await (await getAuth()).handler(request);
  return withoutSessionToken(response);
}

/**
 * Better Auth echoes the session token in the sign-in JSON; the browser already holds it in an
 * HttpOnly cookie, and a copy readable by scripts would be a gift to any XSS.
 */
async function withoutSessionToken(response: Response): Promise<Response> {
  if (!response.headers.get('content-type')?.includes('application/json')) return response;
  const body = (await response.clone().json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body !== 'object' || !('token' in body)) return response;
  const rest = { ...body };
  delete rest.token;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(JSON.stringify(rest), { status: response.status, headers });
}

export { handle as GET, handle as POST };
