import { expect, test } from './support/fixtures';
import { SessionPage } from './support/session-page';

/**
 * A support agent re-runs a failed cached session from its page: same Login ID and tag, a new
 * inspection linked to the first. A double click opens one, not two.
 */
test('support: Run again on a failed cached session opens one linked session with the same inputs', async ({ inspector, page }) => {
  const tag = `rerun-${Date.now()}`;
  const unknown = '00000000-0000-4000-8000-000000000000';
  await inspector.openCached(unknown, tag);
  await inspector.expectFlinksError('INVALID_LOGIN');
  await page.getByRole('link', { name: /^Inspection / }).click();
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  const parentId = new SessionPage(page).id;
  await expect(page.getByRole('heading', { name: 'Repeat this session' })).toBeVisible();

  await page.getByRole('button', { name: 'Run again' }).dblclick();
  await expect(page).not.toHaveURL(new RegExp(parentId));
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('link', { name: `session ${parentId.slice(0, 8)}` })).toHaveAttribute('href', `/sessions/${parentId}`);
  await expect(page.getByTestId('login-id')).toHaveText(unknown);
  await expect(page.locator('dt:text-is("Tag") + dd')).toHaveText(tag);
  const child = new SessionPage(page);
  expect(await child.stepSummaries()).toEqual(['GenerateAuthorizeToken 200', 'Authorize 401 INVALID_LOGIN']);
  await expect(page.getByRole('heading', { level: 3, name: 'Step 2 · POST Authorize · 401 INVALID_LOGIN' })).toBeVisible();

  // One click, one inspection: the original and its one re-run under the tag.
  await page.goto(`/sessions?tag=${tag}`);
  await expect(page.getByTestId('history-row')).toHaveCount(2);
});

test('Run again on a cached session that worked opens it again at once', async ({ inspector, page }) => {
  const tag = `rerun-ok-${Date.now()}`;
  await inspector.openCached('5e115eac-1209-4f19-641c-08d6d484e2fe', tag);
  const session = await SessionPage.openFrom(inspector);
  const parentId = session.id;
  await page.getByRole('button', { name: 'Run again' }).click();
  await expect(page).not.toHaveURL(new RegExp(parentId));
  await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}$/);
  expect(await new SessionPage(page).stepSummaries()).toEqual(['GenerateAuthorizeToken 200', 'Authorize 200']);
  await expect(page.getByRole('button', { name: 'Accounts summary', exact: true })).toBeEnabled();
});
