import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { runOnlyIn, SessionPage, warmUp } from './support/session-page';

/**
 * A support agent comes back to a session after its RequestId died (D3: 8 minutes idle). The
 * simulator's clock jumps 9 minutes; our countdown uses the real clock, so the page learns it from
 * Flinks' SESSION_NONEXISTENT and offers Reopen. Runs on its own server: the clock jump would
 * expire every other spec's sessions on a shared simulator.
 */
test.beforeEach(runOnlyIn('session-clock'));
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
