import { expect, SAMPLE_LOGIN_ID, test, TOOLBOX_ANSWERS } from './support/fixtures';
import { runOnlyIn, SessionPage, warmUp } from './support/session-page';

/**
 * A support agent comes back to a session after its RequestId died (D3: 8 minutes idle). The
 * simulator's clock jumps 9 minutes; our countdown uses the real clock, so the page learns it from
 * Flinks' SESSION_NONEXISTENT and offers Reopen. Runs on its own server: the clock jump would
 * expire every other spec's sessions on a shared simulator.
 */
test.beforeEach(runOnlyIn('session-clock'));
// One at a time: each moves the shared simulator's clock, which would expire the other's sessions.
test.describe.configure({ mode: 'serial' });
test.beforeAll(warmUp);

test('an expired session offers Reopen, which opens a linked cached session that works', async ({ inspector, page, baseURL }) => {
  const tag = `expiry-${Date.now()}`;
  await inspector.openCached(SAMPLE_LOGIN_ID, tag);
  const session = await SessionPage.openFrom(inspector);
  const oldId = session.id;
  await expect(page.getByRole('timer')).toBeVisible();

  const clock = await page.request.post(`${baseURL}/simulator/_control/clock`, { data: { advanceMs: 9 * 60_000 } });
  expect(clock.ok()).toBe(true);

  await session.follow('Accounts summary');
  await expect(page.getByRole('alert').filter({ hasText: 'SESSION_NONEXISTENT' })).toBeVisible();
  await expect(session.expiry).toContainText('This session has expired');
  await expect(page.getByRole('button', { name: 'Accounts summary', exact: true })).toBeDisabled();
  expect((await session.stepSummaries()).at(-1)).toBe('GetAccountsSummary 400 SESSION_NONEXISTENT');

  await page.getByRole('button', { name: 'Reopen' }).click();
  await expect(page).not.toHaveURL(new RegExp(oldId));
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByText('Reopened from')).toBeVisible();
  await expect(page.getByRole('link', { name: `session ${oldId.slice(0, 8)}` })).toHaveAttribute('href', `/sessions/${oldId}`);
  await expect(page.getByTestId('login-id')).toHaveText(SAMPLE_LOGIN_ID);

  const reopened = new SessionPage(page);
  expect(await reopened.stepSummaries()).toEqual(['GenerateAuthorizeToken 200', 'Authorize 200']);
  await reopened.follow('Accounts summary');
  await expect(reopened.table('Accounts summary').getByRole('row', { name: /Chequing CAD/ })).toBeVisible();

  // Both are in the history under the same tag, the reopened one marked as such.
  await page.goto(`/sessions?tag=${tag}`);
  await expect(page.getByTestId('history-row')).toHaveCount(2);
  await expect(page.getByTestId('history-row').first()).toContainText('reopened');
});

test('an expired live session reopens live: the stored inputs are shown and the password asked again', async ({ inspector, page, baseURL }) => {
  const tag = `expiry-live-${Date.now()}`;
  await inspector.loginLive({ username: 'Greatday', tag });
  await inspector.answerToolboxQuestion();
  const session = await SessionPage.openFrom(inspector);
  const oldId = session.id;
  await expect(page.getByRole('timer')).toBeVisible();

  const clock = await page.request.post(`${baseURL}/simulator/_control/clock`, { data: { advanceMs: 9 * 60_000 } });
  expect(clock.ok()).toBe(true);
  await session.follow('Accounts summary');
  await expect(session.expiry).toContainText('This session has expired');

  await page.getByRole('button', { name: 'Reopen' }).click();
  const form = page.getByRole('form', { name: 'Reopen live' });
  await expect(page.getByRole('heading', { name: 'Reopen live' })).toBeFocused();
  await expect(form).toContainText('Greatday');
  await expect(form).toContainText('FlinksCapital');
  await expect(form).toContainText(tag);
  await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? 'test-results/rerun-shots'}/desktop-reopen-live.png`, fullPage: true });
  await form.getByLabel('Password', { exact: true }).fill('Everyday');
  await form.getByRole('button', { name: 'Reopen' }).click();

  await expect(page).not.toHaveURL(new RegExp(oldId));
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: `session ${oldId.slice(0, 8)}` })).toHaveAttribute('href', `/sessions/${oldId}`);
  // Live again: the bank asks its question on the new session's page.
  const mfa = page.getByRole('form', { name: 'Security questions' });
  await expect(mfa).toBeVisible();
  const prompt = (await mfa.locator('label[for^="mfa-"]').first().innerText()).trim();
  await mfa.getByRole('textbox', { name: prompt, exact: true }).fill(TOOLBOX_ANSWERS[prompt] ?? '');
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(mfa).toHaveCount(0);
  const reopened = new SessionPage(page);
  await expect.poll(() => reopened.stepSummaries()).toEqual(['GenerateAuthorizeToken 200', 'Authorize 203', 'Authorize 200']);
  // The password typed is in no step: the request shows the placeholder.
  await reopened.steps.nth(1).getByText('Request and response').click();
  await expect(reopened.steps.nth(1)).toContainText('"Password": "$PASSWORD"');
  await expect(reopened.steps.nth(1)).not.toContainText('Everyday');
});

test('two sessions of one Login ID days apart: Compare shows the transactions each one has alone', async ({ inspector, page, baseURL }) => {
  const tag = `drift-${Date.now()}`;
  await inspector.openCached(SAMPLE_LOGIN_ID, tag);
  const first = await SessionPage.openFrom(inspector);
  const a = first.id;
  await first.follow('Accounts detail');
  await expect(first.table('Accounts detail')).toBeVisible({ timeout: 20_000 });

  // A week later (the simulator's clock): the customer's newest days appear, the oldest fall out of the window.
  const clock = await page.request.post(`${baseURL}/simulator/_control/clock`, { data: { advanceMs: 7 * 86_400_000 } });
  expect(clock.ok()).toBe(true);
  await inspector.goto();
  await inspector.openCached(SAMPLE_LOGIN_ID, tag);
  const second = await SessionPage.openFrom(inspector);
  const b = second.id;
  await second.follow('Accounts detail');
  await expect(second.table('Accounts detail')).toBeVisible({ timeout: 20_000 });

  await page.goto(`/compare?a=${a}&b=${b}`);
  await expect(page.getByRole('heading', { name: 'Compare sessions' })).toBeVisible();
  await expect(page.getByTestId('compare-fields').getByRole('row', { name: /Login ID/ })).not.toContainText('differs');
  const chequing = page.getByTestId('compare-accounts').getByRole('row', { name: /Chequing/ });
  await expect(chequing).toContainText('differs');
  const alone = page.getByRole('region', { name: /^Transactions of Chequing.* in one session only$/ });
  await expect(alone.getByRole('heading', { name: /^Only in A \(\d+\)$/ })).toBeVisible();
  await expect(alone.getByRole('heading', { name: /^Only in B \(\d+\)$/ })).toBeVisible();
  // A alone has the oldest days (out of B's window now), B alone the week A could not have seen.
  const dates = (n: number) => alone.getByRole('table').nth(n).locator('tbody tr td:first-child').allTextContents();
  const [onlyA, onlyB] = [await dates(0), await dates(1)];
  expect(onlyA.length).toBeGreaterThan(0);
  expect(onlyB.length).toBeGreaterThan(0);
  expect([...onlyB].sort()[0]! > [...onlyA].sort().at(-1)!).toBe(true);
});
