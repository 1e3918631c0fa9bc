import { expect, type Locator, type Page } from '@playwright/test';

/** The toolbox's three Canadian questions and their answers (docs/flinks-api.md §7). */
export const TOOLBOX_ANSWERS: Record<string, string> = {
  'What city were you born in?': 'Montreal',
  'What is the best country on earth?': 'Canada',
  'What shape do people like most?': 'Triangle',
};
export const SAMPLE_LOGIN_ID = '5e115eac-1209-4f19-641c-08d6d484e2fe';

type LiveLogin = { username: string; password?: string; institution?: string; language?: 'en' | 'fr'; save?: boolean; tag?: string };

/** The home page as a user sees it: by labels and roles only. */
export class InspectorPage {
  readonly alert: Locator;
  readonly sessionOpened: Locator;
  readonly mfaForm: Locator;

  constructor(readonly page: Page) {
    // Scoped to <main>: Next's route announcer is also role=alert.
    this.alert = page.getByRole('main').getByRole('alert');
    this.sessionOpened = page.getByRole('heading', { name: 'Session opened' });
    this.mfaForm = page.getByRole('form', { name: 'Security questions' });
  }

  async goto() {
    await this.page.goto('/');
    await expect(this.page.getByRole('button', { name: 'Authorize' })).toBeEnabled();
  }

  async chooseMode(mode: 'Cached' | 'Live') {
    await this.page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: mode }).check();
  }

  async openCached(loginId: string, tag?: string) {
    await this.chooseMode('Cached');
    await this.page.getByLabel('Login ID', { exact: true }).fill(loginId);
    if (tag) await this.page.getByLabel('Tag', { exact: true }).fill(tag);
    await this.authorize();
  }

  async loginLive({ username, password = 'Everyday', institution, language, save, tag }: LiveLogin) {
    await this.chooseMode('Live');
    if (institution) await this.page.getByLabel('Institution', { exact: true }).fill(institution);
    await this.page.getByLabel('Username', { exact: true }).fill(username);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    if (language) await this.page.getByLabel('Language', { exact: true }).selectOption(language);
    if (save !== undefined) await this.page.getByLabel('Save', { exact: true }).setChecked(save);
    if (tag) await this.page.getByLabel('Tag', { exact: true }).fill(tag);
    await this.authorize();
  }

  async authorize() {
    await this.page.getByRole('button', { name: 'Authorize' }).click();
  }

  /** The prompt of the (single) text question on screen. */
  async askedPrompt(): Promise<string> {
    await expect(this.mfaForm).toBeVisible();
    const label = this.mfaForm.locator('label[for^="mfa-"]').first();
    return (await label.innerText()).trim();
  }

  /** Answer whichever of the three toolbox questions is asked; `wrong` sends a wrong answer. */
  async answerToolboxQuestion({ wrong = false } = {}): Promise<string> {
    const prompt = await this.askedPrompt();
    const answer = TOOLBOX_ANSWERS[prompt];
    expect(answer, `unexpected prompt: ${prompt}`).toBeDefined();
    await this.mfaForm.getByRole('textbox', { name: prompt, exact: true }).fill(wrong ? 'Atlantis' : (answer ?? ''));
    await this.submitAnswers();
    return prompt;
  }

  /** A QuestionAndAnswer with Iterables: choose `question` in the select named by `prompt`, then answer it. */
  async answerChosenQuestion(prompt: string, question: string, answer: string) {
    await this.mfaForm.getByRole('combobox', { name: prompt, exact: true }).selectOption(question);
    await this.answerBoxFor(prompt).fill(answer);
  }

  /** The answer box that goes with a question select (its name carries the select's prompt). */
  answerBoxFor(prompt: string): Locator {
    return this.mfaForm.getByRole('textbox', { name: `Answer to the question chosen for “${prompt}”`, exact: true });
  }

  async submitAnswers() {
    await this.page.getByRole('button', { name: 'Submit answers' }).click();
  }

  /** A term's value in the result's description list. */
  resultValue(term: string): Locator {
    return this.page.locator('dl').locator(`div:has(> dt:text-is("${term}")) > dd`);
  }

  async expectSessionOpened() {
    await expect(this.sessionOpened).toBeVisible();
    await expect(this.resultValue('Request ID')).toHaveText(/[0-9a-f-]{36}/);
  }

  async expectFlinksError(code: string) {
    await expect(this.alert).toContainText(code);
  }

  async startOver() {
    await this.page.getByRole('button', { name: 'Start over' }).click();
  }
}
