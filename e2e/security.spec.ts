import type { APIRequestContext, Response } from '@playwright/test';
import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { PORTS, SENTINEL } from './support/servers';

/**
 * Runs against the server started with sentinel FLINKS_SECRET_KEY / FLINKS_API_KEY. Everything the
 * browser receives (documents, RSC payloads, JS chunks, server-action responses) must contain
 * neither of them nor any authorize token the simulator issued.
 */
test('no secret key, API key or authorize token ever reaches the browser', async ({ page, inspector, request }) => {
  test.setTimeout(60_000);
  const bodies: { url: string; text: string }[] = [];
  const pending: Promise<void>[] = [];
  const unread: string[] = [];
  page.on('response', (res: Response) => {
    // A router prefetch the page abandons may never finish its body: give each body a few seconds.
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 5_000));
    pending.push(
      Promise.race([res.body(), timeout])
        .then((b) => void (b === 'timeout' ? unread.push(res.url()) : bodies.push({ url: res.url(), text: b.toString('utf8') })))
        .catch(() => undefined),
    );
  });

  await inspector.goto();
  await inspector.openCached(SAMPLE_LOGIN_ID);
  await inspector.expectSessionOpened();
  await inspector.startOver();
  await inspector.loginLive({ username: 'Greatday' });
  await inspector.answerToolboxQuestion({ wrong: true });
  await inspector.expectFlinksError('INVALID_SECURITY_RESPONSE');
  await inspector.answerToolboxQuestion();
  await inspector.expectSessionOpened();
  await inspector.startOver();
  await inspector.loginLive({ username: 'sim_garbage' });
  await expect(inspector.alert).toBeVisible();
  await Promise.all(pending);
  // Only abandoned router prefetches may go unread; every document, action answer and chunk is read.
  for (const url of unread) expect(url, 'an unread response').toMatch(/[?&]_rsc=/);

  // Every JS chunk the page references, fetched directly (some may have come from cache).
  const scripts = await page.$$eval('script[src]', (els) => els.map((e) => (e as HTMLScriptElement).src));
  for (const src of scripts) bodies.push({ url: src, text: await (await request.get(src)).text() });

  // The authorize tokens the simulator issued during this test, straight from its own API.
  const tokens = await issuedTokens(request);
  expect(tokens.length).toBeGreaterThanOrEqual(3);

  expect(bodies.some((b) => b.text.includes('Session opened') || b.text.includes('RequestId') || b.url.includes('/_next/'))).toBe(true);
  expect(bodies.length).toBeGreaterThan(5);
  for (const { url, text } of bodies) {
    expect(text, `secret key in ${url}`).not.toContain(SENTINEL.secretKey);
    expect(text, `API key in ${url}`).not.toContain(SENTINEL.apiKey);
    for (const t of tokens) expect(text, `authorize token in ${url}`).not.toContain(t);
    expect(text, `Flinks answers in ${url}`).not.toMatch(new RegExp(`flinks-auth-key"\\s*:\\s*"(?!\\$)`));
  }
});

/** Every authorize token the recording simulator issued during the run. */
async function issuedTokens(request: APIRequestContext): Promise<string[]> {
  const res = await request.get(`http://127.0.0.1:${PORTS.recordingSimulator}/_issued-tokens`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as string[];
}
