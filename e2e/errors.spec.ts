import { expect, test } from './support/fixtures';

const FLINKS_ERRORS = [
  { username: 'test_disabled_account', code: 'DISABLED_LOGIN', who: 'The customer' },
  { username: 'test_service_unavailable', code: 'RETRY_LATER', who: 'Flinks' },
  { username: 'sim_500', code: 'AGGREGATION_ERROR', who: 'Flinks' },
  { username: 'sim_new_account', code: 'NEW_ACCOUNT', who: 'The customer' },
  { username: 'sim_rate_limited', code: 'TOO_MANY_REQUESTS', who: 'Our team' },
] as const;

test.describe('Every Flinks error says what it means, who acts and whether retrying helps', () => {
  for (const { username, code, who } of FLINKS_ERRORS) {
    test(`${username} shows ${code}`, async ({ inspector }) => {
      await inspector.loginLive({ username });
      await inspector.expectFlinksError(code);
      await expect(inspector.alert).toContainText(who);
      await expect(inspector.alert).toContainText(/Retry/);
    });
  }

  test('a wrong password shows the FlinksCode, and the form stays usable for another try', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'Greatday', password: 'wrong-password' });
    await expect(inspector.alert).toContainText(/INVALID_PASSWORD|INVALID_LOGIN/);
    await expect(page.getByLabel('Username', { exact: true })).toHaveValue('Greatday');
    await page.getByLabel('Username', { exact: true }).fill('greatday_nomfa');
    await page.getByLabel('Password', { exact: true }).fill('Everyday');
    await inspector.authorize();
    await inspector.expectSessionOpened();
  });

  test('a body that is not JSON (sim_garbage) is explained in words, with the raw response one click away', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'sim_garbage' });
    await expect(inspector.alert).toContainText('not JSON');
    const raw = inspector.alert.getByText('Raw response');
    await expect(raw).toBeVisible();
    await raw.click();
    await expect(inspector.alert.locator('pre')).toBeVisible();
    await expect(inspector.alert.locator('pre')).not.toBeEmpty();
    await inspector.startOver();
    // Start over keeps the mode and the persona (issue 11 item 5), and clears the error.
    await expect(page.getByRole('radio', { name: 'Live' })).toBeChecked();
    await expect(inspector.alert).toHaveCount(0);
  });
});
