/** Better Auth routes the browser may call: sign in (password, SSO and its callback) and read the session. Sign-out is a server action, so it is audited. */
const ALLOWED: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'POST', path: /^\/api\/auth\/sign-in\/email$/ },
  { method: 'POST', path: /^\/api\/auth\/sign-in\/social$/ },
  { method: 'GET', path: /^\/api\/auth\/callback\/sso$/ },
  { method: 'GET', path: /^\/api\/auth\/get-session$/ },
  { method: 'GET', path: /^\/api\/auth\/error$/ },
];

export function authRouteAllowed(method: string, pathname: string): boolean {
  return ALLOWED.some((r) => r.method === method && r.path.test(pathname));
}
