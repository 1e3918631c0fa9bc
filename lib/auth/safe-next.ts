// Any origin would do as long as no real site has it: a path that resolves elsewhere leaves us.
const BASE = 'http://inspector.invalid';

/**
 * Where to go after signing in: only a path on this site (an open redirect would hand sessions to
 * phishing pages). Judged as the browser will read it, not as typed: browsers drop tabs and line
 * breaks and read \ as /, so "/\t/evil.example" is "//evil.example" to them, and dot segments can
 * collapse to a "//host" path ("/.//evil.example"). What comes back is the normalised path.
 */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//')) return '/';
  if (url.pathname.startsWith('/sign-in') || url.pathname.startsWith('/api/')) return '/';
  return path;
}
