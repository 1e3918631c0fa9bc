import { expect, type Locator, type Page } from '@playwright/test';

/** The admin the e2e servers start with (INSPECTOR_ADMIN_EMAIL/PASSWORD, set by playwright.config.ts). */
export const E2E_ADMIN = {
  email: process.env.E2E_ADMIN_EMAIL ?? 'admin@example.test',
  password: process.env.E2E_ADMIN_PASSWORD ?? 'correct-horse-battery',
};

export type NewUser = { email: string; name: string; role: 'support' | 'qa' | 'admin'; password: string };

/** The sign-in page as a person uses it: by labels and roles only. */
export class SignInPage {
  // Scoped to <main>: Next's route announcer is also role=alert.
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.alert = page.getByRole('main').getByRole('alert');
  }

  async goto(next?: string) {
    await this.page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in');
    await expect(this.page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();
  }

  async signIn(email: string, password: string) {
    await this.page.getByLabel('Email', { exact: true }).fill(email);
    await this.page.getByLabel('Password', { exact: true }).fill(password);
    await this.page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  /** Signed in: the header names the account. */
  async expectSignedInAs(email: string) {
    await expect(this.page.getByRole('banner').getByRole('link', { name: email, exact: true })).toBeVisible();
  }
}

/** /admin/users: the create form, and one row per staff account with its controls. */
export class AdminUsersPage {
  readonly createForm: Locator;
  readonly table: Locator;

  constructor(readonly page: Page) {
    this.createForm = page.getByRole('form', { name: 'Create a user' });
    this.table = page.getByRole('table', { name: 'Staff users' });
  }

  async goto() {
    await this.page.goto('/admin/users');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  }

  async createUser(u: NewUser) {
    await this.createForm.getByLabel('Email', { exact: true }).fill(u.email);
    await this.createForm.getByLabel('Name', { exact: true }).fill(u.name);
    await this.createForm.getByLabel('Role', { exact: true }).selectOption(u.role);
    await this.createForm.getByLabel('Password', { exact: true }).fill(u.password);
    await this.createForm.getByRole('button', { name: 'Create user' }).click();
  }

  row(email: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: email, exact: true }) });
  }

  /** A column's cell in a user's row, by the column's header. */
  async cell(email: string, column: 'Email' | 'Name' | 'Role' | 'Status' | 'Last sign-in'): Promise<Locator> {
    const headers = await this.table.getByRole('columnheader').allInnerTexts();
    const index = headers.findIndex((h) => h.trim().toLowerCase() === column.toLowerCase());
    expect(index, `no column ${column}`).toBeGreaterThanOrEqual(0);
    return this.row(email).getByRole('cell').nth(index);
  }

  status(email: string): Locator {
    return this.row(email).getByRole('status');
  }

  async changeRole(email: string, role: NewUser['role']) {
    const row = this.row(email);
    await row.getByLabel(`Role for ${email}`, { exact: true }).selectOption(role);
    await row.getByRole('button', { name: 'Change role', exact: true }).click();
  }

  async resetPassword(email: string, password: string) {
    const row = this.row(email);
    await row.getByRole('button', { name: 'Reset password', exact: true }).click();
    await row.getByLabel(`New password for ${email}`, { exact: true }).fill(password);
    await row.getByRole('button', { name: 'Set password', exact: true }).click();
  }

  async deactivate(email: string) {
    const row = this.row(email);
    await row.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await row.getByRole('button', { name: 'Confirm deactivation' }).click();
  }
}
