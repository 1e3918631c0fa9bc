import { expect, test, TOOLBOX_ANSWERS } from './support/fixtures';

test.describe('Every MFA type becomes the right form field (simulator personas)', () => {
  test('MultipleChoice is a radio group (sim_choice: Blue)', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'sim_choice' });
    const group = page.getByRole('radiogroup', { name: 'Which colour is your card?' });
    await group.getByRole('radio', { name: 'Blue' }).check();
    await inspector.submitAnswers();
    await inspector.expectSessionOpened();
  });

  test('MultipleChoiceMultipleAnswers is a checkbox group (sim_multi: Red and Green)', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'sim_multi' });
    const group = page.getByRole('group', { name: 'Select every colour in your security flag.' });
    await group.getByRole('checkbox', { name: 'Red' }).check();
    await group.getByRole('checkbox', { name: 'Green' }).check();
    await inspector.submitAnswers();
    await inspector.expectSessionOpened();
  });

  test('ImageSelection shows the images as choices (sim_image: the second image)', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'sim_image' });
    const group = page.getByRole('radiogroup', { name: 'Select your security image.' });
    await expect(group.getByRole('img', { name: 'Image 1' })).toHaveAttribute('src', /^data:image\/png;base64,/);
    const loaded = await group.getByRole('img', { name: 'Image 2' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
    expect(loaded).toBe(true);
    await group.getByRole('radio', { name: 'Image 2' }).check();
    await inspector.submitAnswers();
    await inspector.expectSessionOpened();
  });

  test('TextOrCall offers the delivery options, then asks for the code (sim_text_or_call)', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'sim_text_or_call' });
    const group = page.getByRole('radiogroup', { name: 'How would you like to receive your security code?' });
    await group.getByRole('radio').first().check();
    await inspector.submitAnswers();
    await page.getByRole('textbox', { name: 'Enter the security code we sent you.' }).fill('123456');
    await inspector.submitAnswers();
    await inspector.expectSessionOpened();
  });

  test('a QuestionAndAnswer with Iterables lets the user pick the question to answer (sim_pick_question)', async ({ inspector, page }) => {
    const prompt = 'Choose a security question and answer it.';
    await inspector.loginLive({ username: 'sim_pick_question' });
    const select = page.getByLabel(prompt, { exact: true });
    await expect(select.getByRole('option')).toHaveText(['Choose a question…', ...Object.keys(TOOLBOX_ANSWERS)]);
    await inspector.answerChosenQuestion(prompt, 'What shape do people like most?', 'Triangle');
    await expect(inspector.answerBoxFor(prompt)).toHaveAccessibleDescription(/What shape do people like most\?/);
    await inspector.submitAnswers();
    await inspector.expectSessionOpened();
  });

  test('several challenges of different types are one form (sim_all_types)', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'sim_all_types' });
    await expect(page.getByRole('button', { name: 'Submit answers' })).toHaveCount(1);
    const prompt = await inspector.askedPrompt();
    await page.getByRole('textbox', { name: prompt, exact: true }).fill(TOOLBOX_ANSWERS[prompt] ?? '');
    await page.getByRole('radiogroup', { name: 'Which colour is your card?' }).getByRole('radio', { name: 'Blue' }).check();
    const flag = page.getByRole('group', { name: 'Select every colour in your security flag.' });
    await flag.getByRole('checkbox', { name: 'Red' }).check();
    await flag.getByRole('checkbox', { name: 'Green' }).check();
    await page.getByRole('radiogroup', { name: 'Select your security image.' }).getByRole('radio', { name: 'Image 2' }).check();
    await page.getByRole('radiogroup', { name: 'How would you like to receive your security code?' }).getByRole('radio').first().check();
    await inspector.submitAnswers();
    await inspector.expectSessionOpened();
  });

  test('an unanswered question is flagged next to the field instead of being sent', async ({ inspector, page }) => {
    await inspector.loginLive({ username: 'sim_multi' });
    await inspector.submitAnswers();
    await expect(page.getByText('Choose at least one answer.')).toBeVisible();
    await expect(inspector.alert).toHaveCount(0);
  });
});
