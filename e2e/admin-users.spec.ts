import { expect, test, type Browser } from '@playwright/test';
import { AdminUsersPage, E2E_ADMIN, SignInPage, type NewUser } from './support/admin-users-page';

/*
 * Staff accounts end to end: an admin creates people, changes a role, resets a password and
 * deactivates someone, who then cannot sign in. Emails are unique per run: the server's database
 * outlives a run. One test, so one admin sign-in: sign-in is rate limited per IP
 * (INSPECTOR_SIGN_IN_MAX_PER_MINUTE) and this spec signs in three times.
 */

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function signedInAdmin(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const signIn = new SignInPage(page);
  await signIn.goto('/admin/users');
  await signIn.signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  // Not a regex on the whole URL: the sign-in page's own ?next=/admin/users would match it.
  await expect(page).toHaveURL((url) => url.pathname === '/admin/users');
  return { context, users: new AdminUsersPage(page) };
}

test('an admin manages staff users; a deactivated user cannot sign in', async ({ browser }) => {
  // Three sign-ins and three new passwords, each a deliberately slow password hash: the longest spec
  // that had no budget of its own, and the one that ran out of the default on a busy CI machine.
  test.setTimeout(90_000);
  const support: NewUser = { email: `support-${run}@example.test`, name: 'Sam Support', role: 'support', password: 'support-password-1' };
  const qa: NewUser = { email: `qa-${run}@example.test`, name: 'Quinn QA', role: 'qa', password: 'qa-password-0001' };
  const { context, users } = await signedInAdmin(browser);
  await users.goto();

  // The admin's own row has no controls: nobody demotes or deactivates themself.
  await expect(users.row(E2E_ADMIN.email)).toContainText('This is you');
  await expect(users.row(E2E_ADMIN.email).getByRole('button', { name: 'Deactivate' })).toHaveCount(0);

  // A refused form names each field's problem, tied to the field (aria-describedby).
  await users.createForm.getByLabel('Email', { exact: true }).fill('not-an-email');
  await users.createForm.getByLabel('Password', { exact: true }).fill('short');
  await users.createForm.getByRole('button', { name: 'Create user' }).click();
  await expect(users.createForm.getByRole('alert')).toHaveText('Fix the highlighted fields.');
  await expect(users.createForm.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(users.createForm.getByLabel('Email', { exact: true })).toHaveAccessibleDescription('Enter an email address.');
  await expect(users.createForm.getByLabel('Name', { exact: true })).toHaveAccessibleDescription('Enter a name.');
  await expect(users.createForm.getByLabel('Password', { exact: true })).toHaveAccessibleDescription(/Use at least 12 characters\./);

  await users.createUser(support);
  await expect(users.createForm.getByRole('status')).toContainText(`Created ${support.email} (support)`);
  await users.createUser(qa);
  await expect(users.createForm.getByRole('status')).toContainText(`Created ${qa.email} (qa)`);
  await expect(await users.cell(support.email, 'Role')).toHaveText('support');
  await expect(await users.cell(qa.email, 'Status')).toHaveText('active');
  await expect(await users.cell(qa.email, 'Last sign-in')).toHaveText('never');

  // Role change: support → qa.
  await users.changeRole(support.email, 'qa');
  await expect(users.status(support.email)).toHaveText(`${support.email} is now qa.`);
  await expect(await users.cell(support.email, 'Role')).toHaveText('qa');

  // Password reset: they sign in with the new password.
  await users.resetPassword(qa.email, 'qa-password-reset-2');
  await expect(users.status(qa.email)).toContainText(`New password set for ${qa.email}`);
  const qaContext = await browser.newContext();
  const qaSignIn = new SignInPage(await qaContext.newPage());
  await qaSignIn.goto();
  await qaSignIn.signIn(qa.email, 'qa-password-reset-2');
  await qaSignIn.expectSignedInAs(qa.email);
  await qaContext.close();

  // Deactivation: shown in the table, and sign-in refuses them.
  await users.deactivate(support.email);
  await expect(users.status(support.email)).toContainText('deactivated');
  await expect(await users.cell(support.email, 'Status')).toHaveText('deactivated');
  await expect(users.row(support.email).getByRole('button', { name: 'Reactivate' })).toBeVisible();
  const supportContext = await browser.newContext();
  const supportSignIn = new SignInPage(await supportContext.newPage());
  await supportSignIn.goto();
  await supportSignIn.signIn(support.email, support.password);
  await expect(supportSignIn.alert).toContainText('deactivated');
  await expect(supportSignIn.page).toHaveURL((url) => url.pathname === '/sign-in');
  await supportContext.close();

  // The qa user's sign-in shows on the page.
  await users.goto();
  await expect(await users.cell(qa.email, 'Last sign-in')).toHaveText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC$/);
  await context.close();
});
