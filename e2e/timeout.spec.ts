import { expect, test } from './support/fixtures';

// Runs against the server started with FLINKS_TIMEOUT_MS=2000 (playwright.config.ts).
test('an upstream that never answers (sim_hang) ends in a clear timeout message, with progress shown meanwhile', async ({ inspector, page }) => {
  await inspector.loginLive({ username: 'sim_hang' });
  await expect(page.getByRole('status')).toContainText(/\d+ s elapsed/);
  await expect(inspector.alert).toContainText('Timed out waiting for Flinks');
  await expect(inspector.alert).toContainText('within 2 s');
  await expect(page.getByRole('button', { name: 'Authorize' })).toBeEnabled();
  await expect(page.getByRole('status')).not.toContainText('elapsed');
});
