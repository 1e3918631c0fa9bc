import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { SessionPage } from './support/session-page';

/**
 * Not part of the suite: `SCREENSHOTS=1 npx playwright test --project screenshots` also writes the
 * session page (timeline, each table, polling, expired) and the history, at 1280 and 390 wide.
 * The expired state moves the simulator's clock: run it alone, not beside other specs.
 */
// One after the other: each moves the shared simulator's clock at its end.
test.describe.configure({ mode: 'serial' });
const DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

for (const [label, width] of [['desktop', 1280], ['narrow', 390]] as const) {
  test.describe(`session ${label}`, () => {
    test.use({ viewport: { width, height: 900 } });
    test.setTimeout(90_000);
    const shot = (page: import('@playwright/test').Page, name: string) => page.screenshot({ path: `${DIR}/${label}-session-${name}.png`, fullPage: true });

    test('session page states and history', async ({ inspector, page }) => {
      const tag = `screens-${label}`;
      await inspector.loginLive({ username: 'Greatday', tag });
      await inspector.answerToolboxQuestion();
      const session = await SessionPage.openFrom(inspector);
      await shot(page, '01-timeline');
      await session.follow('Accounts summary');
      await expect(session.table('Accounts summary')).toBeVisible();
      await shot(page, '02-summary');
      await session.follow('Accounts detail');
      await expect(session.polling).toBeVisible();
      await shot(page, '03-polling');
      await expect(session.table('Accounts detail')).toBeVisible({ timeout: 60_000 });
      await session.revealHolderDetails('TICKET-1');
      await shot(page, '04-detail');
      await session.follow('Statements');
      await expect(page.getByTestId('statements-table')).toBeVisible();
      await session.steps.nth(1).getByText('Request and response').click();
      await session.copyCurl(1);
      await shot(page, '05-statements-curl');
      await page.request.post('/simulator/_control/clock', { data: { advanceMs: 9 * 60_000 } });
      await session.follow('Accounts summary');
      await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
      await shot(page, '06-expired');
      await page.goto(`/sessions?tag=${tag}&loginId=${SAMPLE_LOGIN_ID}`);
      await shot(page, '07-history-filtered');
    });
  });
}
