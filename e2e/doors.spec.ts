import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { listActions } from './support/actions';

/**
 * Knocks on every door of the built app as a signed-out visitor: every page, route handler and
 * server action listed in the build's own manifests (so a new one is knocked on without editing
 * this file). Pages send the visitor to sign in; handlers and actions answer 401. The public ones
 * are named, with the reason, in test/doors.test.ts.
 */

const NEXT = path.resolve('.next');
// The icons (app/favicon.ico, app/icon.svg) are static files Next serves as routes: no data, shown on the sign-in page too.
const PUBLIC_ROUTES = new Set(['/sign-in', '/setup', '/api/auth/[...all]', '/simulator/[...path]', '/api/health', '/api/ready', '/_not-found', '/favicon.ico', '/icon.svg']);
const PUBLIC_ACTIONS = new Set(['claimFirstAdminAction']);
const SOME_UUID = '11111111-2222-4333-8444-555555555555';

// Optional catch-alls ([[...path]], the API) first, so they become one segment like the others.
const concrete = (route: string) => route.replace(/\[\[\.\.\.\w+\]\]/g, 'x').replace(/\[\.\.\.\w+\]/g, 'x').replace(/\[\w+\]/g, SOME_UUID);

function appEntries(): { route: string; kind: 'page' | 'route' }[] {
  const manifest = JSON.parse(readFileSync(path.join(NEXT, 'server', 'app-paths-manifest.json'), 'utf8')) as Record<string, string>;
  return Object.keys(manifest).map((key) => {
    const kind = key.endsWith('/route') ? ('route' as const) : ('page' as const);
    const route = key.replace(/\/(page|route)$/, '') || '/';
    return { route, kind };
  });
}

let visitor: APIRequestContext;
test.beforeAll(async ({}, info) => {
  visitor = await playwrightRequest.newContext({ baseURL: info.project.use.baseURL });
});
test.afterAll(async () => visitor.dispose());

test('the manifests list the doors we know of (the enumeration works)', () => {
  expect(appEntries().map((e) => e.route)).toEqual(expect.arrayContaining(['/', '/sessions', '/sessions/[id]', '/sessions/[id]/bundle', '/api/v1/[[...path]]']));
  expect(listActions().map((a) => a.name)).toEqual(expect.arrayContaining(['startInspectionAction', 'answerMfaAction', 'followLinkAction', 'reopenSessionAction']));
});

test('every page sends a signed-out visitor to sign in, and every route handler answers 401', async () => {
  // Routes starting with /_ are Next's own (not-found, global error).
  for (const { route, kind } of appEntries().filter((e) => !PUBLIC_ROUTES.has(e.route) && !e.route.startsWith('/_'))) {
    const url = concrete(route);
    const res = await visitor.get(url, { maxRedirects: 0 });
    if (kind === 'page') {
      expect(res.status(), `${url}`).toBe(307);
      expect(res.headers().location, `${url}`).toMatch(/^\/sign-in\?next=/);
    } else {
      expect(res.status(), `${url}`).toBe(401);
    }
  }
});

test('every server action refuses a signed-out caller with 401 and does nothing', async () => {
  for (const action of listActions().filter((a) => !PUBLIC_ACTIONS.has(a.name))) {
    const res = await visitor.post(action.page, {
      headers: { 'Next-Action': action.id, 'Content-Type': 'text/plain;charset=UTF-8', Accept: 'text/x-component' },
      data: JSON.stringify([{ inspectionId: SOME_UUID, mode: 'cached', loginId: '5e115eac-1209-4f19-641c-08d6d484e2fe', link: 'summary' }]),
      maxRedirects: 0,
    });
    expect(res.status(), `${action.name}`).toBe(401);
  }
});

test('a rebinding Host name is refused before anything runs; allowed names get a strict CSP', async ({}, info) => {
  const { port } = new URL(info.project.use.baseURL!);
  const get = (host: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/sign-in', headers: { Host: host } }, (res) => {
        res.resume();
        resolve({ status: res.statusCode ?? 0, headers: res.headers });
      });
      req.on('error', reject);
      req.end();
    });
  expect((await get(`rebind.attacker.example:${port}`)).status).toBe(421);
  expect((await get(`rebind.attacker.example`)).status).toBe(421);
  const ok = await get(`localhost:${port}`);
  expect(ok.status).toBe(200);
  const csp = String(ok.headers['content-security-policy']);
  expect(csp).toContain("img-src 'self' data:");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(ok.headers['referrer-policy']).toBe('same-origin');
  expect(ok.headers['x-content-type-options']).toBe('nosniff');
});

test('pages run under the CSP: every script carries the nonce and the page works', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  const res = await page.goto('/sign-in');
  const nonce = /'nonce-([^']+)'/.exec(res!.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonce).toBeTruthy();
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);
  await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
  expect(violations).toEqual([]);
});
