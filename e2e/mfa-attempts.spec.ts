import { expect, TOOLBOX_ANSWERS, test } from './support/fixtures';

/**
 * A QA engineer on a phone (390 px), keyboard only: a persona run with two wrong answers (the counter
 * moves, the last attempt is announced), the right answer, Start over (mode, persona and tag kept,
 * never the password), then Run again live from the session page, typing the password again.
 * Screenshots of each state go to test-results/rerun-shots/ for a human to look at.
 */
const SHOTS = process.env.SCREENSHOT_DIR ?? 'test-results/rerun-shots';

test.use({ viewport: { width: 390, height: 844 } });

async function noSideways(page: import('@playwright/test').Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'content wider than the phone').toBeLessThanOrEqual(0);
}

test('QA: wrong answer twice (counter, last-attempt warning), right answer, Start over, Run again live', async ({ inspector, page }) => {
  const tag = `qa-run-${Date.now()}`;
  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/narrow-${name}.png`, fullPage: true });

  // The persona picker by keyboard: the first persona is Greatday; choosing it switches to Live.
  const picker = page.getByLabel('Test persona');
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await expect(picker).toHaveValue('Greatday');
  await expect(page.getByRole('radio', { name: 'Live' })).toBeChecked();
  await page.getByLabel('Tag', { exact: true }).focus();
  await page.keyboard.type(tag);
  await page.keyboard.press('Enter');

  const attempt = page.getByTestId('mfa-attempt');
  const hint = page.getByTestId('persona-hint');
  const warning = page.getByTestId('mfa-last-attempt');
  await expect(page.getByRole('heading', { name: 'Security questions' })).toBeFocused();
  await expect(attempt).toHaveText('Attempt 1 of 3');
  await expect(hint).toContainText('Greatday: MFA: one security question (Montreal / Canada / Triangle).');
  await expect(warning).toHaveCount(0);

  async function answer(wrong: boolean) {
    const prompt = await inspector.askedPrompt();
    const box = inspector.mfaForm.getByRole('textbox', { name: prompt, exact: true });
    await box.focus();
    await page.keyboard.type(wrong ? 'Atlantis' : (TOOLBOX_ANSWERS[prompt] ?? ''));
    await page.keyboard.press('Enter');
    return prompt;
  }

  await answer(true);
  await inspector.expectFlinksError('INVALID_SECURITY_RESPONSE');
  await expect(attempt).toHaveText('Attempt 2 of 3');
  await expect(warning).toHaveCount(0);
  await expect(hint).toBeVisible();
  await expect(page.getByTestId('inspector-announcer')).toContainText('Try 2 of 3 next.');
  await shot('mfa-attempt-2');

  await answer(true);
  await inspector.expectFlinksError('INVALID_SECURITY_RESPONSE');
  // The second wrong answer's card differs from the first: the counter and the warning.
  await expect(attempt).toHaveText('Attempt 3 of 3');
  await expect(warning).toHaveText(/^Last attempt: another wrong answer ends this session/);
  await expect(hint).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Problem with the answers' })).toBeFocused();
  await expect(page.getByTestId('inspector-announcer')).toContainText('the final one: one more wrong answer ends the session');
  await noSideways(page);
  await shot('mfa-last-attempt');

  await answer(false);
  await inspector.expectSessionOpened();
  await expect(inspector.resultValue('Tag')).toHaveText(tag);
  const sessionHref = await page.getByRole('link', { name: 'Open session page' }).getAttribute('href');

  // Start over keeps mode, persona and tag; the password is typed again.
  await page.getByRole('button', { name: 'Start over' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('radio', { name: 'Live' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Live' })).toBeFocused();
  await expect(page.getByLabel('Test persona')).toHaveValue('Greatday');
  await expect(page.getByLabel('Username', { exact: true })).toHaveValue('Greatday');
  await expect(page.getByLabel('Tag', { exact: true })).toHaveValue(tag);
  await expect(page.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(inspector.sessionOpened).toHaveCount(0);
  await noSideways(page);
  await shot('start-over');

  // The timeline of that session: each entry a heading; the 203 names its question, never an answer.
  await page.goto(sessionHref!);
  const steps = page.getByRole('list', { name: 'Exchanges with Flinks' });
  await expect(steps.getByRole('heading', { level: 3 })).toHaveCount(5);
  await expect(steps.getByRole('heading', { level: 3, name: 'Step 2 · POST Authorize · 203 MFA required' })).toBeVisible();
  await expect(steps.getByRole('heading', { level: 3, name: 'Step 3 · POST Authorize · 401 INVALID_SECURITY_RESPONSE' })).toBeVisible();
  const asked = page.getByTestId('timeline-step').nth(1).getByTestId('questions-asked');
  await expect(asked).toContainText(/What city were you born in\?|What is the best country on earth\?|What shape do people like most\?/);
  await expect(page.getByTestId('timeline-step').nth(1)).not.toContainText('Atlantis');
  await noSideways(page);
  await shot('timeline');

  // Run again live: the stored inputs are shown, the password asked again.
  const parentId = sessionHref!.split('/').pop()!;
  await page.getByRole('button', { name: 'Run again' }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByRole('form', { name: 'Run again live' });
  await expect(page.getByRole('heading', { name: 'Run again live' })).toBeFocused();
  await expect(form).toContainText('FlinksCapital');
  await expect(form).toContainText('Greatday');
  await expect(form).toContainText(tag);
  await expect(form).toContainText('English (en)');
  await noSideways(page);
  await shot('run-again-form');
  // Without the password: told so next to the field, nothing opened.
  await form.getByRole('button', { name: 'Run again' }).focus();
  await page.keyboard.press('Enter');
  await expect(form.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(/Enter the password again: it is never stored\./);
  await form.getByLabel('Password', { exact: true }).focus();
  await page.keyboard.type('Everyday');
  await page.keyboard.press('Enter');

  await expect(page).not.toHaveURL(new RegExp(parentId));
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: `session ${parentId.slice(0, 8)}` })).toHaveAttribute('href', `/sessions/${parentId}`);
  // The new session waits for MFA on its own page, with a fresh counter and the hint.
  await expect(page.getByRole('form', { name: 'Security questions' })).toBeVisible();
  await expect(attempt).toHaveText('Attempt 1 of 3');
  await expect(hint).toContainText('Greatday');
  const prompt = (await page.getByRole('form', { name: 'Security questions' }).locator('label[for^="mfa-"]').first().innerText()).trim();
  const box = page.getByRole('textbox', { name: prompt, exact: true });
  await box.focus();
  await page.keyboard.type(TOOLBOX_ANSWERS[prompt] ?? '');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('form', { name: 'Security questions' })).toHaveCount(0);
  await expect(page.getByTestId('request-id')).toHaveText(/[0-9a-f-]{36}/);
  await expect(page.locator('dt:text-is("Tag") + dd')).toHaveText(tag);
  await shot('run-again-done');
});

test('the session page keeps counting after a reload (from the stored steps)', async ({ inspector, page }) => {
  await inspector.loginLive({ username: 'Greatday' });
  await inspector.answerToolboxQuestion({ wrong: true });
  await expect(page.getByTestId('mfa-attempt')).toHaveText('Attempt 2 of 3');
  const href = await page.getByRole('link', { name: /^Inspection / }).getAttribute('href');
  await page.goto(href!);
  await expect(page.getByTestId('mfa-attempt')).toHaveText('Attempt 2 of 3');
  await expect(page.getByTestId('persona-hint')).toContainText('Greatday');
  const prompt = (await page.getByRole('form', { name: 'Security questions' }).locator('label[for^="mfa-"]').first().innerText()).trim();
  await page.getByRole('textbox', { name: prompt, exact: true }).fill('Atlantis');
  await page.getByRole('button', { name: 'Submit answers' }).click();
  await expect(page.getByTestId('mfa-attempt')).toHaveText('Attempt 3 of 3');
  await expect(page.getByTestId('mfa-last-attempt')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/narrow-session-mfa-last-attempt.png`, fullPage: true });
});

test('image choices are named by their place among the choices', async ({ inspector, page }) => {
  await inspector.loginLive({ username: 'sim_image' });
  const group = page.getByRole('radiogroup', { name: 'Select your security image.' });
  await expect(group.getByRole('radio').first()).toBeVisible();
  const count = await group.getByRole('radio').count();
  expect(count).toBeGreaterThan(1);
  for (let i = 1; i <= count; i++) await expect(group.getByRole('radio', { name: `Image ${i} of ${count}`, exact: true })).toHaveCount(1);
  await expect(page.getByTestId('persona-hint')).toContainText('the second image');
});

test.describe('at 1280 px', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('the last attempt, then the session page with its timeline and Run again', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'Greatday', tag: 'desktop-shot' });
    await inspector.answerToolboxQuestion({ wrong: true });
    await expect(page.getByTestId('mfa-attempt')).toHaveText('Attempt 2 of 3');
    await inspector.answerToolboxQuestion({ wrong: true });
    await expect(page.getByTestId('mfa-last-attempt')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/desktop-mfa-last-attempt.png`, fullPage: true });
    await inspector.answerToolboxQuestion();
    await inspector.expectSessionOpened();
    await page.getByRole('link', { name: 'Open session page' }).click();
    await page.getByRole('button', { name: 'Run again' }).click();
    await expect(page.getByRole('heading', { name: 'Run again live' })).toBeFocused();
    await page.screenshot({ path: `${SHOTS}/desktop-session-run-again.png`, fullPage: true });
  });
});
