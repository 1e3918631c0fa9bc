import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { runOnlyIn, SessionPage, warmUp } from './support/session-page';

/**
 * Issue 11: find anything from the header's Search, History's total and Problem column, and two
 * sessions compared side by side. Runs on the sessions server (its own simulator and history).
 */
test.beforeEach(runOnlyIn('sessions'));
test.beforeAll(warmUp);

test('keyboard only: a support agent skips to the header Search, pastes a Request ID and lands on the session', async ({ inspector, page }) => {
  // "Use sample" fills the documented LoginId; the result's heading takes focus and is announced.
  await page.getByRole('button', { name: 'Use sample' }).click();
  await expect(page.getByLabel('Login ID', { exact: true })).toHaveValue(SAMPLE_LOGIN_ID);
  await page.getByLabel('Tag', { exact: true }).fill(`find-${Date.now()}`);
  await inspector.authorize();
  await expect(page.getByRole('heading', { name: 'Session opened' })).toBeFocused();
  await expect(page.getByTestId('inspector-announcer')).toContainText('Session opened');
  const session = await SessionPage.openFrom(inspector);
  const requestId = await session.requestId();
  const id = session.id;

  await page.goto('/sessions');
  // The skip link is the first thing Tab reaches, and it moves focus to <main>.
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();

  // Back to the top, then Tab through the header to Search.
  await page.goto('/sessions');
  const search = page.getByRole('searchbox', { name: 'Search' });
  for (let i = 0; i < 12 && !(await search.evaluate((el) => el === document.activeElement)); i += 1) await page.keyboard.press('Tab');
  await expect(search).toBeFocused();
  await page.keyboard.type(requestId);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/sessions/${id}$`));
  await expect(page.getByTestId('request-id')).toHaveText(requestId);
});

test('Search with a tag prefix opens History filtered, with the total; History names the problem of a failed session', async ({ inspector, page }) => {
  const family = `fam${Date.now()}`;
  await inspector.openCached(SAMPLE_LOGIN_ID, `${family}-a`);
  await inspector.expectSessionOpened();
  await inspector.goto();
  await inspector.loginLive({ username: 'sim_garbage', tag: `${family}-b` });
  await expect(inspector.alert).toBeVisible();
  // Focus lands on the error's heading.
  await expect(page.getByRole('heading', { name: 'The session did not open' })).toBeFocused();

  await page.getByRole('searchbox', { name: 'Search' }).fill(family);
  await page.getByRole('searchbox', { name: 'Search' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`/sessions\\?q=${family}`));
  await expect(page.getByTestId('history-total')).toContainText('2 sessions match');
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByTestId('history-problem')).toHaveText(/Not JSON/);
  await expect(rows.first()).toContainText('sim_garbage');
  await expect(rows.nth(1).getByTestId('history-problem')).toHaveText('');

  // Tag is a prefix filter too, and the shortcuts keep it.
  await page.goto('/sessions');
  await page.getByLabel('Tag').fill(family);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('history-total')).toContainText('2 sessions match');
  await page.getByRole('link', { name: 'Today' }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${family}&from=`));
  await expect(rows).toHaveCount(2);
});

test('compare two cached sessions of the same Login ID, one of which followed Accounts detail', async ({ inspector, page }) => {
  const tag = `cmp-${Date.now()}`;
  await inspector.openCached(SAMPLE_LOGIN_ID, tag);
  const first = await SessionPage.openFrom(inspector);
  const firstId = first.id;
  await first.follow('Accounts detail');
  await expect(first.table('Accounts detail')).toBeVisible({ timeout: 15_000 });

  await inspector.goto();
  await inspector.openCached(SAMPLE_LOGIN_ID, tag);
  const second = await SessionPage.openFrom(inspector);
  const secondId = second.id;

  // From History: one ticked row is not enough.
  await page.goto(`/sessions?tag=${tag}`);
  const rows = page.getByTestId('history-row');
  await expect(rows).toHaveCount(2);
  await rows.nth(0).getByRole('checkbox', { name: 'Select' }).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page.getByText('Select exactly two sessions to compare (1 selected).')).toBeVisible();
  await rows.nth(1).getByRole('checkbox', { name: 'Select' }).check();
  await page.getByRole('button', { name: 'Compare' }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${secondId}&b=${firstId}$`));
  await expect(page.getByRole('heading', { name: 'Compare sessions' })).toBeVisible();

  const fields = page.getByTestId('compare-fields');
  await expect(fields.getByRole('row', { name: /Login ID/ })).toContainText(SAMPLE_LOGIN_ID);
  await expect(fields.getByRole('row', { name: /Institution name/ })).not.toContainText('differs');
  await expect(page.getByText('B: GetAccountsDetail')).toBeVisible();
  await expect(page.getByText(/A: not fetched/)).toBeVisible();
  const accounts = page.getByTestId('compare-accounts');
  await expect(accounts.getByRole('row').filter({ hasText: 'not fetched' }).first()).toContainText('differs');
  // The step sequences differ after the common start (B followed the Links).
  const steps = page.getByTestId('compare-steps');
  await expect(steps.getByRole('row').nth(1)).not.toContainText('differs');
  await expect(steps.getByRole('row').nth(3)).toContainText('no step');
  await expect(steps.getByRole('row').nth(3)).toContainText('differs');

  // From the session page: Compare with… takes the other one's Request ID.
  await page.goto(`/sessions/${firstId}`);
  const firstRequestId = await first.requestId();
  await page.goto(`/sessions/${secondId}`);
  await page.getByLabel('Compare with…').fill(firstRequestId);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?a=${secondId}&b=${firstRequestId}`));
  await expect(page.getByRole('heading', { name: 'Compare sessions' })).toBeVisible();
  await expect(page.getByText('B: GetAccountsDetail')).toBeVisible();
});
