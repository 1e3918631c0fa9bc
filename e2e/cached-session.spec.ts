import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';

test.describe('Support opens a customer session from its LoginId (cached mode)', () => {
  test('the documented sample LoginId opens a session with its Login, Institution and Links', async ({ inspector, page }) => {
    await expect(page.getByRole('radio', { name: 'Cached' })).toBeChecked();
    await inspector.openCached(SAMPLE_LOGIN_ID, 'ticket-4242');

    await inspector.expectSessionOpened();
    await expect(inspector.resultValue('Login ID')).toContainText(SAMPLE_LOGIN_ID);
    await expect(inspector.resultValue('Username')).toHaveText('Greatday');
    await expect(inspector.resultValue('Institution')).toHaveText('FlinksCapital');
    await expect(inspector.resultValue('Institution ID')).toHaveText('14');
    await expect(inspector.resultValue('Tag')).toHaveText('ticket-4242');
    await expect(page.getByRole('heading', { name: 'Links', exact: true })).toBeVisible();
    await expect(page.getByRole('listitem').filter({ hasText: 'AccountsDetail' })).toContainText('/GetAccountsDetail');
    await expect(page.getByRole('button', { name: 'Copy Request ID' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Copy Login ID' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Open session page' })).toHaveAttribute('href', /^\/sessions\/.+/);
  });

  test('copying the Request ID puts it on the clipboard', async ({ inspector, page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await inspector.openCached(SAMPLE_LOGIN_ID);
    await inspector.expectSessionOpened();
    const requestId = (await inspector.resultValue('Request ID').innerText()).replace(/Copy.*/s, '').trim();
    await page.getByRole('button', { name: 'Copy Request ID' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(requestId);
  });

  test('a Login ID that is not a GUID is refused next to the field, without calling Flinks', async ({ inspector, page }) => {
    await inspector.openCached('not-a-login-id');
    const field = page.getByLabel('Login ID', { exact: true });
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/GUID/);
    await expect(page.getByRole('button', { name: 'Start over' })).toHaveCount(0);
  });

  test('an unknown LoginId shows INVALID_LOGIN with who acts, and Start over returns a clean form', async ({ inspector, page }) => {
    await inspector.openCached('00000000-0000-4000-8000-000000000000');
    await inspector.expectFlinksError('INVALID_LOGIN');
    await expect(inspector.alert).toContainText('The customer');
    await expect(inspector.alert).toContainText('Retrying the same call will not help');

    await page.getByLabel('Login ID', { exact: true }).fill(SAMPLE_LOGIN_ID);
    await inspector.authorize();
    await inspector.expectSessionOpened();

    await inspector.startOver();
    await expect(page.getByRole('radio', { name: 'Cached' })).toBeChecked();
    await expect(page.getByLabel('Login ID', { exact: true })).toHaveValue('');
    await expect(inspector.alert).toHaveCount(0);
    await expect(inspector.sessionOpened).toHaveCount(0);
  });
});
