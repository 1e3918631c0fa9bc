import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { SAMPLE_LOGIN_ID } from './support/inspector-page';
import { runOnlyIn, warmUp } from './support/session-page';
import { ADMIN, signedInState } from './support/staff';

/**
 * A support agent answers the ticket "transactions missing, balance looks wrong", keyboard only, at
 * 1280 and 390 px: opens the customer's cached session, asks Flinks for 365 days of one account,
 * narrows the transactions to the last closed month (October when this was written) with From/To,
 * then to large amounts, sorts them, reads the totals, exports them as CSV (and checks the file),
 * reads why Available exceeds Current, and checks the month's statement closes on the same balance
 * as the transactions. Runs on the sessions server (POLL_INTERVAL_MS=300: 202 → 200 in a second).
 */
test.beforeEach(runOnlyIn('sessions'));
test.beforeAll(warmUp);
test.describe.configure({ mode: 'serial' });

const SUPPORT = { email: `support-tx-${Date.now().toString(36)}@example.test`, password: 'support-tx-password-1' };
const DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

async function signedIn(browser: Browser, baseURL: string, who: { email: string; password: string }, file: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ storageState: await signedInState(baseURL, who, file), baseURL, viewport: { width, height: 900 }, acceptDownloads: true });
  return context.newPage();
}

/** Moves the focus with Tab (or Shift+Tab when the target comes earlier in the page) until `target` has it. */
async function tabTo(page: Page, target: Locator, limit = 150) {
  await expect(target).toBeVisible();
  for (let i = 0; i < limit; i++) {
    const where = await target.evaluate((el) => {
      const active = document.activeElement;
      if (active === el) return 'here';
      if (!active || active === document.body) return 'after';
      return el.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING ? 'before' : 'after';
    });
    if (where === 'here') return;
    await page.keyboard.press(where === 'before' ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`could not reach ${target.toString()} with the keyboard`);
}

/** Types a day into a date input the way a person does (Chromium's en-US segments: month, day, year). */
async function typeDate(page: Page, input: Locator, iso: string) {
  await tabTo(page, input);
  const [y, m, d] = iso.split('-');
  await page.keyboard.type(`${m}${d}${y}`);
  await expect(input).toHaveValue(iso);
}

const amount = (shown: string) => Number(shown.replace(/[^0-9.-]/g, ''));
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

test('an admin creates the support agent', async ({ browser }, info) => {
  const page = await signedIn(browser, info.project.use.baseURL!, ADMIN, info.outputPath('admin.json'));
  await page.goto('/admin/users');
  await page.getByLabel('Email', { exact: true }).fill(SUPPORT.email);
  await page.getByLabel('Name', { exact: true }).fill('Support agent');
  await page.getByLabel('Role', { exact: true }).selectOption('support');
  await page.getByLabel('Password', { exact: true }).fill(SUPPORT.password);
  await page.getByRole('button', { name: 'Create user' }).click();
  await expect(page.getByRole('cell', { name: SUPPORT.email, exact: true })).toBeVisible();
  await page.context().close();
});

for (const [label, width] of [['desktop', 1280], ['narrow', 390]] as const) {
  test(`support answers "transactions missing, balance looks wrong" at ${width} px, keyboard only`, async ({ browser }, info) => {
    test.setTimeout(120_000);
    const page = await signedIn(browser, info.project.use.baseURL!, SUPPORT, info.outputPath(`support-${label}.json`), width);
    const shot = (name: string) => page.screenshot({ path: `${DIR}/${label}-transactions-${name}.png`, fullPage: true });
    const press = async (target: Locator, key = 'Enter') => {
      await tabTo(page, target);
      await page.keyboard.press(key);
    };

    // The customer's cached session.
    await page.goto('/');
    await tabTo(page, page.getByLabel('Login ID', { exact: true }));
    await page.keyboard.type(SAMPLE_LOGIN_ID);
    await press(page.getByRole('button', { name: 'Authorize' }));
    await expect(page.getByRole('heading', { name: 'Session opened' })).toBeVisible();
    await press(page.getByRole('link', { name: 'Open session page' }));
    await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);

    // The accounts first, so one can be chosen; then 365 days of that account only.
    await press(page.getByRole('button', { name: 'Accounts summary', exact: true }));
    const summary = page.getByRole('table', { name: 'Accounts summary' });
    await expect(summary.getByRole('row', { name: /Chequing CAD/ })).toBeVisible();
    await press(page.getByTestId('fetch-options').locator('summary'));
    const days = page.getByLabel('Days of transactions');
    await tabTo(page, days);
    await page.keyboard.press('ArrowDown');
    await expect(days).toHaveValue('Days365');
    const chequing = page.getByRole('checkbox', { name: /^Chequing CAD ••••\d{4}$/ });
    await press(chequing, 'Space');
    await expect(chequing).toBeChecked();
    await expect(page.getByTestId('fetch-options').locator('summary')).toContainText('Days365, 1 account');
    await shot('01-fetch-options');
    await page.getByTestId('fetch-options').screenshot({ path: `${DIR}/${label}-transactions-01b-options.png` });
    await press(page.getByRole('button', { name: 'Accounts detail', exact: true }));
    const detail = page.getByRole('table', { name: 'Accounts detail' });
    await expect(detail).toBeVisible({ timeout: 30_000 });
    await expect(detail.locator('tbody tr')).toHaveCount(1);
    await expect(detail).toContainText('Chequing CAD');

    // "Balance looks wrong": Available exceeds Current by the overdraft limit.
    await expect(page.getByRole('region', { name: 'Accounts detail: Available − Current' })).toContainText(
      /Chequing CAD ••••\d{4}: Available exceeds current by \$5,000\.00: the overdraft limit of \$5,000\.00\./,
    );

    // 365 days arrived (the pager counts every row; the oldest is about a year back).
    const table = page.getByTestId('transactions-table');
    const pager = page.getByRole('navigation', { name: 'Transaction pages' });
    await expect(pager).toContainText(/^\d{3} transactions · page 1 of \d+/);
    const all = Number((await pager.innerText()).match(/^(\d+)/)![1]);

    // The last closed month, with From and To.
    const now = new Date();
    const first = isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
    const last = isoDay(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
    await typeDate(page, page.getByLabel('From', { exact: true }), first);
    await typeDate(page, page.getByLabel('To', { exact: true }), last);
    await expect(pager).toContainText(new RegExp(`^\\d+ of ${all} transactions match the filters`));
    const inMonth = Number((await pager.innerText()).match(/^(\d+)/)![1]);
    expect(inMonth).toBeGreaterThan(5);
    for (const d of await table.locator('tbody tr td:nth-child(1)').allInnerTexts()) expect(d >= first && d <= last, d).toBe(true);

    // The month's statement closes on the balance after the month's last transaction.
    const closing = amount(await table.locator('tbody tr').first().locator('td').last().innerText());
    // Fetch options stay open once opened.
    const statementsWanted = page.getByLabel('Number of statements');
    await tabTo(page, statementsWanted);
    await page.keyboard.press('ArrowDown');
    await expect(statementsWanted).toHaveValue('Months3');
    await press(page.getByRole('button', { name: 'Statements', exact: true }));
    const statements = page.getByRole('table', { name: 'Statements' });
    await expect(statements.locator('tbody tr')).toHaveCount(3);
    const monthName = new Intl.DateTimeFormat('en-CA', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${first}T00:00:00Z`));
    const row = statements.getByRole('row', { name: new RegExp(`${monthName} \\(${first} to ${last}\\)`) });
    await expect(row).toContainText(/Chequing CAD\s*••••\d{4}/);
    const pdfLink = row.getByRole('link', { name: /^Download statement/ });
    await tabTo(page, pdfLink);
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const pdfText = (await readFile((await pdf.path())!)).toString('latin1');
    expect(pdfText).toContain(`Period: ${first} to ${last}`);
    expect(Number(/\(Closing balance: (-?[0-9.]+)\)/.exec(pdfText)?.[1])).toBeCloseTo(closing, 2);
    await shot('02-statements');

    // Large amounts only, sorted largest first.
    await tabTo(page, page.getByLabel('Min amount'));
    await page.keyboard.type('100');
    await expect(pager).toContainText(/^\d+ of \d+ transactions match the filters/);
    const big = Number((await pager.innerText()).match(/^(\d+)/)![1]);
    expect(big).toBeLessThan(inMonth);
    expect(big).toBeGreaterThan(0);
    // Phones show one signed Amount column instead of Debit and Credit.
    const sortBy = width < 640 ? 'Amount' : 'Debit';
    await press(page.getByRole('button', { name: sortBy, exact: true }));
    await expect(page.getByRole('columnheader', { name: sortBy })).toHaveAttribute('aria-sort', 'descending');
    const shown = await table.locator('tbody tr').evaluateAll((rows, col) => rows.map((r) => (r.querySelectorAll('td')[col] as HTMLElement).innerText), width < 640 ? 5 : 3);
    const values = shown.map(amount);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    for (const v of values) if (v !== 0) expect(Math.abs(v)).toBeGreaterThanOrEqual(100);

    // The totals of the filtered rows, then the same rows as CSV.
    const totals = page.getByTestId('transaction-totals');
    await expect(totals).toContainText(`Totals of the ${big} filtered transactions`);
    const debits = amount(await totals.locator('dt', { hasText: 'Debits' }).locator('xpath=following-sibling::dd').innerText());
    const credits = amount(await totals.locator('dt', { hasText: 'Credits' }).locator('xpath=following-sibling::dd').innerText());
    await shot('03-filtered-sorted');
    await page.getByRole('region', { name: 'Transactions' }).screenshot({ path: `${DIR}/${label}-transactions-03b-section.png` });
    await page.getByRole('table', { name: 'Statements' }).locator('xpath=..').screenshot({ path: `${DIR}/${label}-transactions-03c-statements.png` });
    await tabTo(page, page.getByRole('button', { name: 'Export CSV' }));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/^transactions-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('Date,Account,Description,Code,Debit,Credit,Balance,Currency');
    const records = lines.slice(1).map((l) => l.split(','));
    expect(records).toHaveLength(big);
    let sumDebits = 0;
    let sumCredits = 0;
    for (const [date, account, description, , debit, credit] of records) {
      expect(date! >= first && date! <= last, date).toBe(true);
      expect(account).toMatch(/^Chequing CAD ••••\d{4}$/);
      expect(description).toContain('•'); // masked as on screen
      expect(Math.max(Number(debit || 0), Number(credit || 0))).toBeGreaterThanOrEqual(100);
      sumDebits += Number(debit || 0);
      sumCredits += Number(credit || 0);
    }
    expect(sumDebits).toBeCloseTo(debits, 2);
    expect(sumCredits).toBeCloseTo(credits, 2);

    // At 390 px the amounts stay in view while the table scrolls sideways, and the page does not.
    if (width < 640) {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const wrapper = table.locator('xpath=..');
      expect(await wrapper.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      for (const scrollLeft of [0, 10_000]) {
        await wrapper.evaluate((el, x) => el.scrollTo({ left: x }), scrollLeft);
        for (const cell of [table.locator('tbody tr').first().locator('td').nth(5), table.locator('tbody tr').first().locator('td').nth(6)]) {
          const box = (await cell.boundingBox())!;
          expect(box.x).toBeGreaterThanOrEqual(0);
          expect(box.x + box.width).toBeLessThanOrEqual(width);
          // Nothing scrolled over it: the cell is what is drawn at its centre.
          expect(await cell.evaluate((el) => { const r = el.getBoundingClientRect(); return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)); })).toBe(true);
        }
      }
      await wrapper.evaluate((el) => el.scrollTo({ left: 10_000 }));
      await shot('04-scrolled');
    }
    await page.context().close();
  });
}
