import { expect, TOOLBOX_ANSWERS, test } from './support/fixtures';
import { PORTS } from './support/servers';
import { SessionPage } from './support/session-page';

/**
 * Two dashboards behind one load balancer, one PostgreSQL, one Flinks (the standalone simulator):
 * an MFA round started on one is answered on the other, and a double submit that lands on both
 * (two tabs, a retry routed elsewhere) reaches Flinks once and ends authorized on both.
 * Runs only with E2E_DATABASE_URL (see playwright.config.ts).
 */
const B = `http://127.0.0.1:${PORTS.instanceB}`;
const ROUNDS = Number(process.env.E2E_DOUBLE_SUBMITS ?? 50);
const ONE_ANSWER = ['GenerateAuthorizeToken 200', 'Authorize 203', 'Authorize 200'];

test('an MFA round started on instance A is answered on instance B', async ({ inspector, page, context }) => {
  await inspector.loginLive({ username: 'Greatday', institution: 'FlinksCapital' });
  const prompt = await inspector.askedPrompt();
  const href = await page.getByRole('link', { name: /^Inspection / }).getAttribute('href');

  const onB = await context.newPage();
  await onB.goto(`${B}${href}`);
  const form = onB.getByRole('form', { name: 'Security questions' });
  await form.getByRole('textbox', { name: prompt, exact: true }).fill(TOOLBOX_ANSWERS[prompt] ?? '');
  await onB.getByRole('button', { name: 'Submit answers' }).click();
  await expect(form).toHaveCount(0);
  await expect(onB.getByText('authorized', { exact: true })).toBeVisible();
  expect(await new SessionPage(onB).stepSummaries()).toEqual(ONE_ANSWER);
});

test(`${ROUNDS} double submits across both instances each reach Flinks once and end authorized`, async ({ inspector, page, context }) => {
  test.setTimeout(ROUNDS * 8_000 + 30_000);
  const onB = await context.newPage();
  for (let i = 0; i < ROUNDS; i += 1) {
    if (i > 0) await inspector.startOver();
    await inspector.loginLive({ username: 'Greatday', institution: 'FlinksCapital' });
    const prompt = await inspector.askedPrompt();
    const href = await page.getByRole('link', { name: /^Inspection / }).getAttribute('href');
    await onB.goto(`${B}${href}`);
    const answer = TOOLBOX_ANSWERS[prompt] ?? '';
    await inspector.mfaForm.getByRole('textbox', { name: prompt, exact: true }).fill(answer);
    await onB.getByRole('form', { name: 'Security questions' }).getByRole('textbox', { name: prompt, exact: true }).fill(answer);
    // Both at once: one reaches Flinks, the other waits for it (on the other instance) and is told the outcome.
    await Promise.all([inspector.submitAnswers(), onB.getByRole('button', { name: 'Submit answers' }).click()]);
    await inspector.expectSessionOpened();
    await expect(onB.getByText('authorized', { exact: true })).toBeVisible();
    await onB.reload();
    expect(await new SessionPage(onB).stepSummaries(), `round ${i + 1}`).toEqual(ONE_ANSWER);
  }
});
