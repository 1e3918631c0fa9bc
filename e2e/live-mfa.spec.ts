import { expect, TOOLBOX_ANSWERS, test } from './support/fixtures';

test.describe('QA logs in live to Flinks Capital and answers the bank\'s questions', () => {
  test('Greatday answers its security question and gets a LoginId', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'Greatday' });
    const prompt = await inspector.answerToolboxQuestion();
    expect(Object.keys(TOOLBOX_ANSWERS)).toContain(prompt);
    await inspector.expectSessionOpened();
    await expect(inspector.resultValue('Username')).toHaveText('Greatday');
    await expect(inspector.resultValue('Login ID')).toContainText(/[0-9a-f-]{36}/);
    await expect(page.getByRole('button', { name: 'Start over' })).toBeVisible();
  });

  test('a wrong answer shows the error and a new question in place; the right answer then opens the session', async ({ inspector }) => {
    await inspector.loginLive({ username: 'Greatday' });
    const first = await inspector.answerToolboxQuestion({ wrong: true });
    await inspector.expectFlinksError('INVALID_SECURITY_RESPONSE');
    await expect(inspector.mfaForm).toBeVisible();
    const second = await inspector.askedPrompt();
    expect(second).not.toBe(first);
    await inspector.answerToolboxQuestion();
    await inspector.expectSessionOpened();
  });

  test('two MFA rounds (sim_two_rounds): a toolbox question, then the favourite colour', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'sim_two_rounds' });
    await inspector.answerToolboxQuestion();
    await expect(page.getByText('Round 2')).toBeVisible();
    await page.getByRole('textbox', { name: 'What is your favourite colour?' }).fill('Blue');
    await inspector.submitAnswers();
    await inspector.expectSessionOpened();
  });

  test('in French the bank asks in French', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'Greatday', language: 'fr' });
    const prompt = await inspector.askedPrompt();
    expect(prompt).toMatch(/Où|Quel|Quelle|Dans quelle/);
    await expect(page.getByRole('textbox', { name: prompt, exact: true })).toBeVisible();
  });

  test('greatday_nomfa opens the session without questions', async ({ inspector }) => {
    await inspector.loginLive({ username: 'greatday_nomfa' });
    await inspector.expectSessionOpened();
    await expect(inspector.mfaForm).toHaveCount(0);
  });

  test('a live refresh of a saved login takes a Login ID instead of credentials', async ({ inspector, page }) => {
    await inspector.chooseMode('Live');
    await page.getByLabel('Login ID', { exact: true }).fill('5e115eac-1209-4f19-641c-08d6d484e2fe');
    await inspector.authorize();
    await expect(inspector.mfaForm.or(inspector.sessionOpened)).toBeVisible();
  });

  test('live mode without credentials or Login ID shows errors next to Username and Password', async ({ inspector, page }) => {
    await inspector.chooseMode('Live');
    await inspector.authorize();
    await expect(page.getByLabel('Username', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Password', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByLabel('Institution', { exact: true })).toHaveValue('FlinksCapital');
  });
});
