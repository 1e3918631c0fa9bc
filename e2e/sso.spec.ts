import { expect, test } from '@playwright/test';

/**
 * Single sign-on through a real OpenID provider on loopback (oidc-provider, e2e/support/oidc-server.ts):
 * its development login form accepts any login name; `qa-*` logins carry the role claim `qa`.
 */
test('a QA engineer signs in through the OpenID provider and gets the role its claim names', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with Loopback OpenID' }).click();
  // oidc-provider's development interaction: a login form, then (first time) a consent prompt.
  const login = `qa-${Date.now().toString(36)}`;
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  const consent = page.getByRole('button', { name: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
  await expect(page.getByRole('heading', { name: 'Open a Flinks session' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(`${login}@sso.example`)).toBeVisible();
  // qa: live mode is offered.
  await expect(page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Live' })).toBeEnabled();
});

test('a new SSO user without a role claim starts as support: live mode is not offered', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with Loopback OpenID' }).click();
  const login = `agent-${Date.now().toString(36)}`;
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  const consent = page.getByRole('button', { name: /continue/i });
  if (await consent.isVisible().catch(() => false)) await consent.click();
  await expect(page.getByRole('heading', { name: 'Open a Flinks session' })).toBeVisible();
  await expect(page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Live' })).toBeDisabled();
});
