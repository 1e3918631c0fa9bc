import { readFile } from 'node:fs/promises';
import { expect, test } from './support/fixtures';
import { HOLDERS } from '@/lib/simulator/fixtures/holders';
import { runOnlyIn, SessionPage, warmUp } from './support/session-page';

/**
 * A QA engineer logs in live as Greatday (one MFA round), opens the session page, and follows each
 * Link. Runs on the server with POLL_INTERVAL_MS=300 so the 202 → 200 polling takes a second.
 */
test.beforeEach(runOnlyIn('sessions'));
test.beforeAll(warmUp);

test('the timeline lists every round of a live MFA session, and each Link shows its table', async ({ inspector, page }) => {
  await inspector.loginLive({ username: 'Greatday', institution: 'FlinksCapital' });
  await inspector.answerToolboxQuestion();
  const session = await SessionPage.openFrom(inspector);

  await expect(session.steps).toHaveCount(3);
  expect(await session.stepSummaries()).toEqual(['GenerateAuthorizeToken 200', 'Authorize 203', 'Authorize 200']);
  const login = session.steps.nth(1);
  await login.getByText('Request and response').click();
  await expect(login).toContainText('"Password": "$PASSWORD"');
  await expect(login).not.toContainText('Everyday');
  await expect(login).toContainText('SecurityChallenges');
  await expect(page.getByRole('timer')).toHaveText(/^[78]:\d\d$/);

  await session.follow('Accounts summary');
  await expect(session.table('Accounts summary').getByRole('row', { name: /Chequing CAD/ })).toBeVisible();
  await expect(session.table('Accounts summary')).toContainText('••••');

  await session.follow('Accounts detail');
  await expect(session.polling).toBeVisible();
  await expect(page.getByRole('button', { name: 'Stop polling' })).toBeVisible();
  await expect(session.table('Accounts detail')).toBeVisible({ timeout: 15_000 });
  await expect(session.polling).toBeHidden();
  await expect(session.steps).toHaveCount(8);
  expect((await session.stepSummaries()).slice(3)).toEqual([
    'GetAccountsSummary 200',
    'GetAccountsDetail 202 OPERATION_PENDING',
    'GetAccountsDetailAsync 202 OPERATION_PENDING',
    'GetAccountsDetailAsync 202 OPERATION_PENDING',
    'GetAccountsDetailAsync 200',
  ]);

  // Holder details stay masked until revealed with a reason, and the page never holds them in clear.
  const holders = page.getByTestId('holder-table');
  await expect(holders.locator('tbody td').first()).toContainText('•');
  const holderNames = HOLDERS.map((h) => h.Name!);
  const before = await page.content();
  for (const name of holderNames) expect(before).not.toContain(name);
  await session.steps.nth(7).getByText('Request and response').click();
  await expect(session.steps.nth(7)).toContainText('"Name": "');
  for (const name of holderNames) await expect(session.steps.nth(7)).not.toContainText(name);
  await session.revealHolderDetails('TICKET-1');
  await expect(holders.locator('tbody td').first()).not.toContainText('•');
  expect(holderNames).toContain((await holders.locator('tbody td').first().innerText()).trim());
  await expect(page.getByTestId('reveal-countdown')).toHaveText(/Masked again in \d+ s/);
  await page.getByRole('button', { name: 'Hide holder details' }).click();
  await expect(holders.locator('tbody td').first()).toContainText('•');

  // Transactions: paging and the text filter.
  const tx = page.getByTestId('transactions-table');
  await expect(page.getByText(/page 1 of \d+/)).toBeVisible();
  await page.getByRole('button', { name: 'Next page' }).click();
  await expect(page.getByText(/page 2 of \d+/)).toBeVisible();
  const description = (await tx.locator('tbody tr').first().locator('td').nth(2).innerText()).trim();
  await page.getByLabel('Filter transactions').fill(description);
  await expect(page.getByText(/page 1 of/)).toBeVisible();
  for (const cell of await tx.locator('tbody tr td:nth-child(3)').allInnerTexts()) expect(cell.toLowerCase()).toContain(description.toLowerCase());
  await page.getByLabel('Filter transactions').fill('no such transaction zzz');
  await expect(tx).toContainText('No transaction matches.');

  // Statements: real PDFs, downloadable.
  await session.follow('Statements');
  const link = page.getByRole('link', { name: /^Download statement/ }).first();
  await expect(link).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  await expect(session.steps).toHaveCount(9);
  await session.steps.nth(8).getByText('Request and response').click();
  await expect(session.steps.nth(8)).toContainText('bytes of PDF not stored');
});

test('polling a pending detail shows the count and the next poll, and stops on request', async ({ inspector, page }) => {
  await inspector.loginLive({ username: 'test_pending' });
  await inspector.answerToolboxQuestion();
  const session = await SessionPage.openFrom(inspector);

  await session.follow('Accounts detail');
  await expect(session.polling).toContainText(/Next poll in \d+\.\d s|Polling GetAccountsDetailAsync/);
  // Polls come every 300 ms here: wait for the count to pass 1 rather than catch one exact value.
  await expect(page.getByTestId('poll-count')).toHaveText(/^([2-9]|\d{2,})$/);
  await page.getByRole('button', { name: 'Stop polling' }).click();
  await expect(session.polling).toContainText(/Polling stopped after \d+ polls?/);
  const stoppedAt = await page.getByTestId('poll-count').innerText();
  await page.waitForTimeout(1000);
  await expect(page.getByTestId('poll-count')).toHaveText(stoppedAt);
  await expect(page.getByRole('button', { name: 'Poll again' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Accounts detail', exact: true })).toBeDisabled();
});
