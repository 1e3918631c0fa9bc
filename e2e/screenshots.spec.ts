import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';

/**
 * Not part of the suite: `SCREENSHOTS=1 npx playwright test --project screenshots` writes full-page
 * screenshots (desktop 1280 and narrow 390) of every state of the authorize UI, for a human to look at.
 */
const DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

for (const [label, width] of [['desktop', 1280], ['narrow', 390]] as const) {
  test.describe(label, () => {
    test.use({ viewport: { width, height: 900 } });
    const shot = (page: import('@playwright/test').Page, name: string) => page.screenshot({ path: `${DIR}/${label}-${name}.png`, fullPage: true });

    test('form, result, errors', async ({ inspector, page }) => {
      await shot(page, '01-form-cached');
      await inspector.openCached('nope');
      await shot(page, '02-form-field-error');
      await page.getByLabel('Test persona').selectOption('Greatday');
      await shot(page, '03-form-live-persona');
      await inspector.goto();
      await inspector.openCached(SAMPLE_LOGIN_ID, 'ticket-4242');
      await inspector.expectSessionOpened();
      await shot(page, '04-result');
      await inspector.startOver();
      await inspector.loginLive({ username: 'test_disabled_account' });
      await inspector.expectFlinksError('DISABLED_LOGIN');
      await shot(page, '05-error-flinks');
      await inspector.startOver();
      await inspector.loginLive({ username: 'sim_garbage' });
      await inspector.alert.getByText('Raw response').click();
      await shot(page, '06-error-transport');
    });

    test('MFA types', async ({ inspector, page }) => {
      for (const username of ['Greatday', 'sim_choice', 'sim_multi', 'sim_image', 'sim_text_or_call', 'sim_pick_question', 'sim_all_types']) {
        await inspector.goto();
        await inspector.loginLive({ username });
        await expect(inspector.mfaForm).toBeVisible();
        await shot(page, `10-mfa-${username}`);
      }
      await inspector.goto();
      await inspector.loginLive({ username: 'Greatday' });
      await inspector.answerToolboxQuestion({ wrong: true });
      await inspector.expectFlinksError('INVALID_SECURITY_RESPONSE');
      await shot(page, '11-mfa-wrong-answer');
      await inspector.submitAnswers();
      await shot(page, '12-mfa-unanswered');
      await inspector.goto();
      await inspector.loginLive({ username: 'sim_pick_question' });
      await inspector.submitAnswers();
      await shot(page, '13-mfa-pick-question-unanswered');
      await inspector.answerChosenQuestion('Choose a security question and answer it.', 'What shape do people like most?', 'Triangle');
      await shot(page, '14-mfa-pick-question-filled');
    });

    test('work in progress', async ({ inspector, page }) => {
      await inspector.loginLive({ username: 'sim_slow' });
      await expect(page.getByRole('status')).toContainText('elapsed', { timeout: 5_000 }).catch(() => undefined);
      await shot(page, '20-working');
    });
  });
}
