import { expect, test, type Page } from '@playwright/test';

/**
 * Single sign-on through a real OpenID provider on loopback (oidc-provider, e2e/support/oidc-server.ts):
 * its development login form accepts any login name; `qa-*` logins carry the role claim `qa`.
 */

/** Signs in through the provider's development login form; returns the email the provider gives. */
async function signInThroughProvider(page: Page, login: string): Promise<string> {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'Sign in with Loopback OpenID' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  await expect(page.getByRole('heading', { name: 'Open a Flinks session' })).toBeVisible();
  return `${login}@sso.example`;
}

const liveRadio = (page: Page) => page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Live' });

test('a QA engineer signs in through the OpenID provider and gets the role its claim names', async ({ page }) => {
  const email = await signInThroughProvider(page, `qa-${Date.now().toString(36)}`);
  await expect(page.getByRole('banner').getByText(email)).toBeVisible();
  await expect(liveRadio(page)).toBeEnabled();
});

test('a new SSO user without a role claim starts as support: live mode is not offered', async ({ page }) => {
  const email = await signInThroughProvider(page, `agent-${Date.now().toString(36)}`);
  await expect(page.getByRole('banner').getByText(email)).toBeVisible();
  await expect(liveRadio(page)).toBeDisabled();
});
