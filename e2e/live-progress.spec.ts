import { expect, test } from './support/fixtures';
import type { Page, TestInfo } from '@playwright/test';

/**
 * Issue 11 item 6: a QA run on a bank that does not answer (sim_hang; FLINKS_TIMEOUT_MS is 60 s on
 * this server) shows "N s of 60 s", a Cancel that aborts the call, and "Open the inspection" while
 * it waits. Keyboard only, at 1280 and 390 px.
 */

const shot = (page: Page, info: TestInfo, name: string) => page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });

for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
  test.describe(`live progress (${label})`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('Cancel on / aborts the call; the step and the inspection say cancelled, History names it', async ({ inspector, page }, info) => {
      const tag = `cancel-${label}-${Date.now()}`;
      await inspector.loginLive({ username: 'sim_hang', tag });
      await expect(page.getByRole('status').filter({ hasText: 'Talking to Flinks' })).toContainText(/\d+ s of 60 s elapsed/);
      await expect(page.getByRole('link', { name: 'Open the inspection' })).toBeVisible();
      await shot(page, info, `${label}-home-waiting`);
      await page.getByRole('button', { name: 'Cancel' }).press('Enter');
      await expect(inspector.alert).toContainText('The request was cancelled');
      await expect(inspector.alert).toContainText('Nobody: wait');
      await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0);
      await shot(page, info, `${label}-home-cancelled`);

      await page.getByRole('link', { name: /^Inspection [0-9a-f]{8}$/ }).press('Enter');
      await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
      await expect(page.getByTestId('timeline-step').last()).toHaveAttribute('data-outcome', 'cancelled');
      await expect(page.getByTestId('last-failure')).toContainText('The request was cancelled');
      await expect(page.getByText('failed', { exact: true })).toBeVisible();

      await page.goto(`/sessions?tag=${tag}`);
      await expect(page.getByRole('row', { name: /Cancelled/ })).toBeVisible();
    });

    test('Open the inspection while it waits: the session page counts against the limit and can Cancel', async ({ inspector, page }, info) => {
      await inspector.loginLive({ username: 'sim_hang' });
      await page.getByRole('link', { name: 'Open the inspection' }).press('Enter');
      await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
      const waiting = page.getByRole('region', { name: 'Waiting for Flinks' });
      await expect(waiting.getByRole('status')).toContainText(/\d+ s of 60 s elapsed/);
      await shot(page, info, `${label}-session-waiting`);
      await waiting.getByRole('button', { name: 'Cancel' }).press('Enter');
      await expect(waiting).toHaveCount(0);
      await expect(page.getByText('failed', { exact: true })).toBeVisible();
      await expect(page.getByTestId('last-failure')).toContainText('The request was cancelled');
      await expect(page.getByTestId('timeline-step').last()).toHaveAttribute('data-outcome', 'cancelled');
      await shot(page, info, `${label}-session-cancelled`);
    });
  });
}
