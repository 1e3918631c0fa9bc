import type { APIRequestContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { HOLDERS } from '@/lib/simulator/fixtures/holders';
import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { PORTS, SENTINEL } from './support/servers';
import { SessionPage, warmUp } from './support/session-page';

/**
 * Runs on the server configured with sentinel FLINKS_SECRET_KEY / FLINKS_API_KEY (security project).
 * Every cURL copy and the support bundle must carry placeholders only: no key, no authorize token.
 */
test.beforeAll(warmUp);

test('copy as cURL and the support bundle contain no secret', async ({ inspector, page, request }) => {
  await inspector.loginLive({ username: 'Greatday' });
  await inspector.answerToolboxQuestion();
  const session = await SessionPage.openFrom(inspector);
  await session.follow('Accounts summary');
  await expect(session.table('Accounts summary')).toBeVisible();
  await expect(session.steps).toHaveCount(4);

  const curls: string[] = [];
  for (let n = 0; n < 4; n++) curls.push(await session.copyCurl(n));
  expect(curls[0]).toContain(`'flinks-auth-key: '"$FLINKS_SECRET_KEY"`);
  expect(curls[1]).toContain(`'flinks-auth-key: '"$FLINKS_AUTHORIZE_TOKEN"`);
  expect(curls[1]).toContain(`"$PASSWORD"`);
  expect(curls[2]).toContain('"$MFA_ANSWER"');
  expect(curls[3]).toContain(`'x-api-key: '"$FLINKS_API_KEY"`);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download support bundle' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^flinks-session-.*\.json$/);
  const bundleText = await readFile((await download.path())!, 'utf8');
  const bundle = JSON.parse(bundleText);
  expect(bundle.inspection.requestId).toBe(await session.requestId());
  expect(bundle.inspection.loginId).toBe(`${SAMPLE_LOGIN_ID.slice(0, 8)}…`);
  expect(bundle.steps).toHaveLength(4);
  expect(bundleText).not.toContain(SAMPLE_LOGIN_ID);

  const tokens = await issuedTokens(request);
  expect(tokens.length).toBeGreaterThan(0);
  const html = await page.content();
  for (const [what, text] of [['cURL', curls.join('\n')], ['bundle', bundleText], ['page', html]] as const) {
    expect(text, `secret key in ${what}`).not.toContain(SENTINEL.secretKey);
    expect(text, `API key in ${what}`).not.toContain(SENTINEL.apiKey);
    // The page may hold the home page's persona list (public toolbox passwords, shown on purpose).
    if (what !== 'page') expect(text, `password in ${what}`).not.toContain('Everyday');
    for (const t of tokens) expect(text, `authorize token in ${what}`).not.toContain(t);
    for (const h of HOLDERS) for (const v of [h.Name!, h.Email!, h.PhoneNumber!]) expect(text, `holder data in ${what}`).not.toContain(v);
  }
});

async function issuedTokens(request: APIRequestContext): Promise<string[]> {
  const port = process.env.E2E_RECORDING_SIMULATOR_PORT ?? PORTS.recordingSimulator;
  const res = await request.get(`http://127.0.0.1:${port}/_issued-tokens`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as string[];
}
