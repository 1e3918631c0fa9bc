import { expect, test } from '@playwright/test';
import { ADMIN, signedInState } from './support/staff';

/** Staff sign-in as a person does it, on a server with the default limit of 5 sign-in posts a minute per address. */
test.describe.configure({ mode: 'serial' });

test('a visitor is sent to sign in, signs in with email and password, sees who they are, and signs out', async ({ page }) => {
  await page.goto('/sessions');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fsessions$/);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(page.getByRole('banner').getByText(ADMIN.email)).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in/);
});

test('Sign out works as a plain form too (before the page hydrates, or without JavaScript)', async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL!;
  const state = await signedInState(baseURL, ADMIN, info.outputPath('admin.json'));
  const context = await browser.newContext({ baseURL, storageState: state, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/sessions');
  await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/sessions');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await context.close();
});

test('a wrong password is refused without saying which field was wrong, and repeated attempts are throttled', async ({ page }) => {
  await page.goto('/sign-in');
  const alert = page.getByRole('main').getByRole('alert');
  await page.getByLabel('Email').fill(ADMIN.email);
  let throttled = false;
  // The limit is 5 posts a minute from one address: within a few more attempts the server says to wait.
  for (let attempt = 0; attempt < 8 && !throttled; attempt++) {
    await page.getByLabel('Password').fill(`wrong-password-${attempt}`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(alert).toBeVisible();
    const text = (await alert.textContent()) ?? '';
    if (/too many/i.test(text)) throttled = true;
    else expect(text).toBe('Email or password is incorrect.');
  }
  expect(throttled).toBe(true);
  // Even the right password is refused while throttled.
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(alert).toContainText(/too many/i);
});
