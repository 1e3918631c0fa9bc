import { NextResponse, type NextRequest } from 'next/server';
import { getEnv } from '@/lib/env';
import { contentSecurityPolicy, hostAllowed, requestIdFrom, STATIC_SECURITY_HEADERS } from '@/lib/web/security-headers';

/**
 * First thing on every request: refuse Host names we do not serve (DNS rebinding), then give the
 * request an id (logs, audit) and the page a per-request CSP nonce. Who may do what is not decided
 * here: every page, action and route handler calls lib/auth's requireViewer itself.
 */
export function proxy(request: NextRequest) {
  const env = getEnv();
  if (!hostAllowed(request.headers.get('host'), env.web.allowedHosts)) {
    return new NextResponse('Misdirected request: this host name is not served here (INSPECTOR_ALLOWED_HOSTS).\n', {
      status: 421,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
  const csp = contentSecurityPolicy(nonce, { dev: env.web.dev, upgradeInsecure: env.web.secureCookies });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-id', requestIdFrom(request.headers.get('x-request-id')));
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('x-request-id', requestHeaders.get('x-request-id')!);
  for (const [name, value] of Object.entries(STATIC_SECURITY_HEADERS)) response.headers.set(name, value);
  if (env.web.secureCookies) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = {
  // Everything, static files included: the Host check must come before anything is served.
  matcher: '/:path*',
};
