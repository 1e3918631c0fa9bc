import { expect, TOOLBOX_ANSWERS, test } from './support/fixtures';
import { runOnlyIn, SessionPage, warmUp } from './support/session-page';

/**
 * A QA engineer starts a live login, then reloads or switches tabs before answering: the open MFA
 * round lives on the server (its questions, never the answers), so the session page offers the
 * same form; answering there opens the session, and the first tab learns it without a second
 * answer reaching Flinks.
 */
test.beforeEach(runOnlyIn('sessions'));
test.beforeAll(warmUp);

test('an MFA round started on the home page is answered from the session page in another tab', async ({ inspector, page, context }) => {
  await inspector.loginLive({ username: 'Greatday', institution: 'FlinksCapital' });
  const prompt = await inspector.askedPrompt();
  const href = await page.getByRole('link', { name: /^Inspection / }).getAttribute('href');
  expect(href).toMatch(/^\/sessions\/[0-9a-f-]{36}$/);

  const other = await context.newPage();
  await other.goto(href!);
  const form = other.getByRole('form', { name: 'Security questions' });
  await expect(other.getByRole('heading', { name: 'Security questions' })).toBeVisible();
  await expect(other.getByText('Round 1')).toBeVisible();
  // A reload keeps the round: it is read from the server each time.
  await other.reload();
  await form.getByRole('textbox', { name: prompt, exact: true }).fill(TOOLBOX_ANSWERS[prompt] ?? '');
  await other.getByRole('button', { name: 'Submit answers' }).click();
  await expect(form).toHaveCount(0);
  await expect(other.getByText('authorized', { exact: true })).toBeVisible();
  const session = new SessionPage(other);
  expect((await session.stepSummaries())).toEqual(['GenerateAuthorizeToken 200', 'Authorize 203', 'Authorize 200']);

  // The first tab still shows the form; its (late) answer is told the session is open, with no new call.
  await inspector.answerToolboxQuestion();
  await inspector.expectSessionOpened();
  await other.reload();
  expect((await session.stepSummaries())).toEqual(['GenerateAuthorizeToken 200', 'Authorize 203', 'Authorize 200']);
});
