import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every door of the app checks the caller first. This walks app/ and finds every page, route
 * handler and server action, so a new one cannot be forgotten: each must call requireViewer (or the
 * page's own guard) before anything else, unless it is on the short, reasoned public list below.
 * The e2e spec doors.spec.ts knocks on the same doors over HTTP as a signed-out visitor.
 */

const APP = path.resolve(__dirname, '..', 'app');

/** Public by design, each for a reason. */
const PUBLIC = new Map<string, string>([
  ['sign-in/page.tsx', 'the way in'],
  ['setup/page.tsx', 'first-admin setup, guarded by the one-time token printed on the console'],
  ['setup/actions.ts#claimFirstAdminAction', 'spends the one-time setup token first'],
  ['api/auth/[...all]/route.ts', "Better Auth's own routes (sign-in with its rate limiter); an allowlist of paths inside"],
  ['simulator/[...path]/route.ts', 'the Flinks simulator authenticates like Flinks (secret key, tokens); exists only while it is the upstream'],
  ['api/health/route.ts', 'liveness for a process manager: no data'],
  ['api/ready/route.ts', 'readiness for a load balancer: no data'],
  ['forbidden.tsx', 'the 403 page'],
  ['unauthorized.tsx', 'the 401 page'],
  ['layout.tsx', 'renders around every page; each page checks its own permission'],
  ['not-found.tsx', 'the 404 page'],
  ['error.tsx', 'the error page'],
]);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const files = walk(APP)
  .filter((f) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f))
  .map((f) => ({ rel: path.relative(APP, f).split(path.sep).join('/'), src: readFileSync(f, 'utf8') }));

const GUARD = /^\s*(const \w+ = )?await (requireViewer|requirePageViewer)\(/;

/** The body of an exported function, from its opening brace, first statement only. */
function firstStatement(src: string, name: string | 'default'): string | null {
  const pattern = name === 'default' ? /export default (async )?function \w*\s*\([^)]*(\([^)]*\)[^)]*)*\)[^{]*\{/ : new RegExp(`export async function ${name}\\s*\\([^)]*\\)[^{]*\\{`);
  const m = pattern.exec(src);
  if (!m) return null;
  const rest = src.slice(m.index + m[0].length);
  const line = rest.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('//'));
  return line ?? null;
}

describe('every door checks the caller first', () => {
  const pages = files.filter((f) => /(^|\/)page\.tsx$/.test(f.rel));
  const routes = files.filter((f) => /(^|\/)route\.ts$/.test(f.rel));
  const actionFiles = files.filter((f) => /^\s*['"]use server['"]/.test(f.src));

  it('finds the doors it knows about (the walk works)', () => {
    expect(pages.map((p) => p.rel)).toEqual(expect.arrayContaining(['page.tsx', 'sessions/page.tsx', 'sessions/[id]/page.tsx', 'sign-in/page.tsx']));
    expect(routes.map((r) => r.rel)).toEqual(expect.arrayContaining(['sessions/[id]/bundle/route.ts', 'api/auth/[...all]/route.ts', 'api/v1/[[...path]]/route.ts']));
    expect(actionFiles.map((a) => a.rel)).toEqual(expect.arrayContaining(['actions/inspection.ts', 'sessions/actions.ts']));
  });

  it.each(pages.filter((p) => !PUBLIC.has(p.rel)).map((p) => [p.rel, p.src]))('page %s calls requireViewer first', (_rel, src) => {
    expect(firstStatement(src, 'default')).toMatch(GUARD);
  });

  it.each(routes.filter((r) => !PUBLIC.has(r.rel)).flatMap((r) => [...r.src.matchAll(/export async function (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => [`${r.rel}#${m[1]}`, r.src, m[1]!])))(
    'route handler %s calls requireViewer first',
    (_id, src, method) => {
      expect(firstStatement(src, method)).toMatch(GUARD);
    },
  );

  const actions = actionFiles.flatMap((f) => [...f.src.matchAll(/export async function (\w+)/g)].map((m) => ({ id: `${f.rel}#${m[1]}`, src: f.src, name: m[1]! })));

  it('finds the server actions', () => {
    expect(actions.map((a) => a.id)).toEqual(expect.arrayContaining(['actions/inspection.ts#startInspectionAction', 'sessions/actions.ts#followLinkAction']));
  });

  it.each(actions.filter((a) => !PUBLIC.has(a.id)).map((a) => [a.id, a.src, a.name]))('server action %s calls requireViewer first', (_id, src, name) => {
    expect(firstStatement(src, name)).toMatch(GUARD);
  });

  it('a route file exports handlers only as async functions the walk can see', () => {
    for (const r of routes) {
      const reexports = /export \{[^}]*\bas (GET|POST|PUT|PATCH|DELETE)\b/.test(r.src);
      if (reexports) expect(PUBLIC.has(r.rel), `${r.rel} re-exports handlers: list it as public with a reason, or export async functions`).toBe(true);
    }
  });
});
