import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { runOnlyIn, SessionPage, warmUp } from './support/session-page';

/** The history finds sessions by Login ID, Request ID and Tag, and a filtered URL is a shareable view. */
test.beforeEach(runOnlyIn('sessions'));
test.beforeAll(warmUp);

test('history filters by Login ID, Request ID and Tag, and the filtered URL reproduces the view', async ({ inspector, page, browser, baseURL }) => {
  const tag = `history-${Date.now()}`;
  await inspector.openCached(SAMPLE_LOGIN_ID, tag);
  const first = await SessionPage.openFrom(inspector);
  const firstRequestId = await first.requestId();
  await inspector.goto();
  await inspector.openCached(SAMPLE_LOGIN_ID, tag);
  const second = await SessionPage.openFrom(inspector);
  const secondId = second.id;

  await page.getByRole('link', { name: 'History' }).click();
  await expect(page).toHaveURL(/\/sessions$/);
  const rows = page.getByTestId('history-row');

  // Tag: both of ours, newest first.
  await page.getByLabel('Tag').fill(tag);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`tag=${tag}`));
  await expect(rows).toHaveCount(2);
  await expect(rows.first().getByRole('link')).toHaveAttribute('href', `/sessions/${secondId}`);

  // Request ID: exactly the first one.
  await page.getByLabel('Tag').fill('');
  await page.getByLabel('Request ID').fill(firstRequestId);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(firstRequestId);

  // Login ID (+ mode): every row is that login, ours among them.
  await page.getByLabel('Request ID').fill('');
  await page.getByLabel('Login ID').fill(SAMPLE_LOGIN_ID);
  await page.getByLabel('Mode').selectOption('cached');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('history-table')).toContainText(firstRequestId);
  for (const text of await rows.allInnerTexts()) expect(text).toContain(SAMPLE_LOGIN_ID);

  // A shared link shows the same view in a fresh browser.
  await page.getByLabel('Login ID').fill('');
  await page.getByLabel('Mode').selectOption('');
  await page.getByLabel('Tag').fill(tag);
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(rows).toHaveCount(2);
  const shared = page.url();
  const mine = await rows.allInnerTexts();
  const other = await browser.newContext({ baseURL });
  const theirs = await other.newPage();
  await theirs.goto(shared);
  await expect(theirs.getByLabel('Tag')).toHaveValue(tag);
  await expect(theirs.getByTestId('history-row')).toHaveCount(2);
  expect(await theirs.getByTestId('history-row').allInnerTexts()).toEqual(mine);
  await other.close();

  // Each row links to its session page.
  await rows.nth(1).getByRole('link').click();
  await expect(page.getByTestId('request-id')).toHaveText(firstRequestId);
});

test('history ignores bad filter values instead of failing', async ({ page }) => {
  await page.goto('/sessions?mode=sideways&from=yesterday');
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Ignored' })).toContainText('mode');
});
