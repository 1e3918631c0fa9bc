/** Where to go after signing in: only a path on this site (an open redirect would hand sessions to phishing pages). */
export function safeNextPath(next: unknown): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in') || next.startsWith('/api/')) return '/';
  return next;
}
