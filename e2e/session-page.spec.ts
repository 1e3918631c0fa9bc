import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { SessionPage } from './support/session-page';
import type { Page, TestInfo } from '@playwright/test';

/**
 * Issue 11 item 1: the session page as the place to work. A support agent on a "transactions
 * missing, balance looks wrong" ticket opens the cached session, reloads and still sees the data
 * (no call to Flinks), with LastRefresh; failed attempts show the full card (who acts, next step,
 * Retry-After, a reply for the customer where the customer acts). Keyboard only, at 1280 and 390 px.
 */

const shot = (page: Page, info: TestInfo, name: string) => page.screenshot({ path: info.outputPath(`${name}.png`), fullPage: true });

/** From / after a failure: the inspection link the home page shows once it has an id. */
async function openInspectionFromHome(page: Page): Promise<SessionPage> {
  await page.getByRole('link', { name: /^Inspection [0-9a-f]{8}$/ }).press('Enter');
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  return new SessionPage(page);
}

for (const [label, width] of [['desktop', 1280], ['phone', 390]] as const) {
  test.describe(`session page (${label})`, () => {
    test.use({ viewport: { width, height: 900 } });

    test('a cached session: data fetched once renders again after a reload, with LastRefresh; Refresh says its cost', async ({ inspector, page }, info) => {
      await inspector.openCached(SAMPLE_LOGIN_ID, `page-${label}`);
      const session = await SessionPage.openFrom(inspector);
      await expect(page.getByTestId('last-refresh')).toHaveText(/(ago|in \d+ \w+) · |UTC/);
      await page.getByRole('button', { name: 'Accounts summary', exact: true }).press('Enter');
      await expect(session.table('Accounts summary').getByRole('row', { name: /Chequing CAD/ })).toBeVisible();
      await expect(session.steps).toHaveCount(3);

      await page.reload();
      // From the store: the table is there and no step was added.
      await expect(session.table('Accounts summary').getByRole('row', { name: /Chequing CAD/ })).toBeVisible();
      await expect(session.steps).toHaveCount(3);
      const summary = page.getByRole('region', { name: 'Accounts summary' });
      await expect(summary.getByTestId('accounts-summary-fetched')).toHaveText(/ago · /);
      const refresh = summary.getByRole('button', { name: 'Refresh' });
      await expect(refresh).toHaveAccessibleDescription(/Calls Flinks again: GetAccountsSummary, may take up to 60 s/);
      // LastRefresh: relative and local, exact UTC on hover.
      const lastRefresh = page.getByTestId('last-refresh');
      await expect(lastRefresh).toHaveText(/(ago|in \d+ \w+) · /);
      await expect(lastRefresh).toHaveAttribute('title', /UTC$/);
      await expect(page.getByText('cached', { exact: true })).toBeVisible();
      await shot(page, info, `${label}-session-stored-data`);

      await refresh.press('Enter');
      await expect(session.steps).toHaveCount(4);
      await expect(summary.getByTestId('accounts-summary-fetched')).toHaveText(/^\d+ s ago · /);
    });

    test('TOO_MANY_REQUESTS: Retry after N s on / and on the session page after a reload, no customer reply', async ({ inspector, page }, info) => {
      await inspector.loginLive({ username: 'sim_rate_limited' });
      await inspector.expectFlinksError('TOO_MANY_REQUESTS');
      await expect(inspector.alert.getByTestId('retry-after')).toHaveText(/Retry after 30 s/);
      const session = await openInspectionFromHome(page);
      await page.reload();
      const card = page.getByTestId('last-failure');
      await expect(card.getByRole('alert')).toContainText('TOO_MANY_REQUESTS');
      await expect(card).toContainText('Authorize failed at');
      await expect(card.getByTestId('retry-after')).toHaveText(/Retry after 30 s/);
      await expect(card).toContainText('Who must act');
      await expect(card.getByRole('button', { name: 'Copy reply for the customer' })).toHaveCount(0);
      await expect(session.steps).toHaveCount(2);
      await expect(page.getByText('sim_rate_limited', { exact: true }).first()).toBeVisible();
      await shot(page, info, `${label}-session-rate-limited`);
    });

    test('a customer-side failure offers a reply for the customer to copy', async ({ inspector, page }, info) => {
      await inspector.loginLive({ username: 'test_disabled_account' });
      await inspector.expectFlinksError('DISABLED_LOGIN');
      await expect(inspector.alert.getByRole('button', { name: 'Copy reply for the customer' })).toBeVisible();
      await openInspectionFromHome(page);
      const card = page.getByTestId('last-failure');
      await expect(card).toContainText('The customer');
      await expect(card.getByTestId('customer-reply')).toContainText('contact your bank');
      await expect(card.getByRole('button', { name: 'Copy reply for the customer' })).toBeVisible();
      await shot(page, info, `${label}-session-customer-reply`);
    });
  });
}
