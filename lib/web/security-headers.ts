/**
 * The headers every response carries, and the Host allowlist. Pure functions so proxy.ts stays a few
 * lines and the rules are unit-tested.
 */

// What a Host header may hold (RFC 9110): a name or an IP literal, and a port. The URL parser alone
// would also take "localhost/evil" or "user@localhost" and answer "localhost".
const HOST_HEADER = /^(?:\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::\d{1,5})?$/i;

/** The host name of a Host header (port dropped, IPv6 kept in brackets), lower-cased; null when unparsable. */
export function hostNameOf(hostHeader: string | null): string | null {
  if (!hostHeader || !HOST_HEADER.test(hostHeader)) return null;
  try {
    const { hostname } = new URL(`http://${hostHeader}`);
    return hostname.toLowerCase() || null;
  } catch {
    return null;
  }
}

/**
 * DNS rebinding: a page on attacker.example that re-points its name at 127.0.0.1 reaches us with
 * `Host: attacker.example`. Only names we serve are answered.
 */
export function hostAllowed(hostHeader: string | null, allowed: readonly string[]): boolean {
  const name = hostNameOf(hostHeader);
  return name !== null && allowed.includes(name);
}

/**
 * Strict CSP: scripts only from us and with this request's nonce (Next adds it to its own inline
 * bootstrap scripts when it finds the policy on the request); images only from us or inline data
 * (remote MFA images are fetched by the server); no framing. Styles allow inline attributes, which
 * React emits for computed widths; scripts do not.
 */
export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; upgradeInsecure: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.upgradeInsecure ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // same-origin, not no-referrer: URLs (inspection ids, Login IDs in filters) never leave for another
  // site, but our own forms keep their Origin. Under no-referrer a browser sends `Origin: null` with a
  // native form post (a Sign out pressed before hydration), which the request guard rightly refuses.
  'Referrer-Policy': 'same-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
};

/** Request ids from a proxy in front are kept when they look like ids; anything else is replaced. */
export function requestIdFrom(incoming: string | null): string {
  return incoming && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming) ? incoming : crypto.randomUUID();
}
