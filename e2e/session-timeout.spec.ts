import { expect, test } from './support/fixtures';
import type { Page, TestInfo } from '@playwright/test';

// Runs against the server started with FLINKS_TIMEOUT_MS=2000 (playwright.config.ts, project timeout).
const shot = (page: Page, info: TestInfo, name: string) => page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });

for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
  test.describe(`timeout on the session page (${label})`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('a timeout gets the full card, with who acts and the next step, on / and after a reload of its session page', async ({ inspector, page }, info) => {
      await inspector.loginLive({ username: 'sim_hang' });
      await expect(page.getByRole('status').filter({ hasText: 'Talking to Flinks' })).toContainText(/\d+ s of 2 s elapsed/);
      await expect(inspector.alert).toContainText('Timed out waiting for Flinks');
      await expect(inspector.alert).toContainText('Who must act');
      await page.getByRole('link', { name: /^Inspection [0-9a-f]{8}$/ }).press('Enter');
      await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
      await page.reload();
      const card = page.getByTestId('last-failure');
      await expect(card).toContainText('Authorize failed at');
      await expect(card).toContainText('Timed out waiting for Flinks');
      await expect(card).toContainText('within 2 s');
      await expect(card).toContainText('Who must act');
      await expect(card).toContainText('Flinks');
      await expect(card).toContainText('Next step');
      await expect(card).toContainText('support bundle');
      await shot(page, info, `${label}-session-timeout`);
    });
  });
}
