import { expect, test, type Browser, type Page } from '@playwright/test';
import { callAction } from './support/actions';
import { SAMPLE_LOGIN_ID } from './support/inspector-page';
import { ADMIN, signedInState } from './support/staff';

/**
 * Each role gets exactly its table (lib/auth/permissions.ts), through the UI and by calling the
 * server actions directly: support reads cached sessions; qa adds live mode; only the owner of an
 * MFA round (or an admin) may answer it; admins manage users and read the audit trail.
 */
test.describe.configure({ mode: 'serial' });

const stamp = Date.now().toString(36);
const STAFF = {
  support: { email: `support-${stamp}@example.test`, password: 'support-password-1' },
  qa: { email: `qa-${stamp}@example.test`, password: 'qa-password-12345' },
  qa2: { email: `qa2-${stamp}@example.test`, password: 'qa2-password-1234' },
};

async function as(browser: Browser, baseURL: string, who: { email: string; password: string }, name: string): Promise<Page> {
  const state = await signedInState(baseURL, who, test.info().outputPath(`${name}.json`));
  const context = await browser.newContext({ storageState: state, baseURL });
  return context.newPage();
}

test('an admin creates a support user and two qa users', async ({ browser }, info) => {
  const page = await as(browser, info.project.use.baseURL!, ADMIN, 'admin');
  await page.goto('/admin/users');
  for (const [role, who] of [['support', STAFF.support], ['qa', STAFF.qa], ['qa', STAFF.qa2]] as const) {
    await page.getByLabel('Email', { exact: true }).fill(who.email);
    await page.getByLabel('Name', { exact: true }).fill(`${role} person`);
    await page.getByLabel('Role', { exact: true }).selectOption(role);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Create user' }).click();
    await expect(page.getByRole('cell', { name: who.email, exact: true })).toBeVisible();
  }
});

test('support: cached sessions and history; no live mode, no users, no audit — in the UI and by direct calls', async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL!;
  const page = await as(browser, baseURL, STAFF.support, 'support');
  await page.goto('/');
  await expect(page.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Live' })).toBeDisabled();
  await page.getByLabel('Login ID', { exact: true }).fill(SAMPLE_LOGIN_ID);
  await page.getByRole('button', { name: 'Authorize' }).click();
  await expect(page.getByRole('heading', { name: 'Session opened' })).toBeVisible();
  const ownInspection = (await page.getByRole('link', { name: /^Inspection / }).getAttribute('href'))!.split('/').pop()!;
  // History says who opened each session, and filters by it.
  await page.goto('/sessions');
  await page.getByLabel('Opened by').fill(STAFF.support.email.toUpperCase());
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page.getByTestId('history-row')).toHaveCount(1);
  await expect(page.getByTestId('history-row')).toContainText(STAFF.support.email);

  for (const path of ['/admin/users', '/audit']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(403);
    await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible();
  }
  await expect(page.getByText('users:manage')).toHaveCount(0); // the last page named audit:view
  await expect(page.getByText('audit:view')).toBeVisible();

  const live = { mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday', language: 'en', save: true, tag: '' };
  expect(await callAction(page.request, baseURL, 'startInspectionAction', live)).toBe(403);
  // Holder details stay masked for support, even on their own session: no Reveal button, and the action refuses.
  await page.goto(`/sessions/${ownInspection}`);
  await expect(page.getByRole('button', { name: /^Reveal/ })).toHaveCount(0);
  expect(await callAction(page.request, baseURL, 'revealHolderDataAction', { inspectionId: ownInspection, reason: 'TICKET-1' })).toBe(403);
});

test('qa: live mode; another qa cannot answer their MFA round; admin reads who was refused', async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL!;
  const qa = await as(browser, baseURL, STAFF.qa, 'qa');
  await qa.goto('/');
  await qa.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Live' }).check();
  await qa.getByLabel('Username', { exact: true }).fill('Greatday');
  await qa.getByLabel('Password', { exact: true }).fill('Everyday');
  await qa.getByRole('button', { name: 'Authorize' }).click();
  await expect(qa.getByRole('form', { name: 'Security questions' })).toBeVisible();
  const href = await qa.getByRole('link', { name: /^Inspection / }).getAttribute('href');
  const inspectionId = href!.split('/').pop()!;

  const other = await as(browser, baseURL, STAFF.qa2, 'qa2');
  const status = await callAction(other.request, baseURL, 'answerMfaAction', { inspectionId, responses: { 'What city were you born in?': ['Montreal'] } });
  expect(status).toBe(403);
  expect((await other.goto('/admin/users'))?.status()).toBe(403);

  const admin = await as(browser, baseURL, ADMIN, 'admin-audit');
  await admin.goto(`/audit?action=access.denied`);
  await expect(admin.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expect(admin.getByText(STAFF.qa2.email).first()).toBeVisible();
  await expect(admin.getByText(STAFF.support.email).first()).toBeVisible();
});

test('support: Run again on a failed cached session; a live session offers none, and the action refuses it', async ({ browser }, info) => {
  const baseURL = info.project.use.baseURL!;
  const support = await as(browser, baseURL, STAFF.support, 'support-rerun');
  await support.goto('/');
  await support.getByLabel('Login ID', { exact: true }).fill('00000000-0000-4000-8000-000000000000');
  await support.getByRole('button', { name: 'Authorize' }).click();
  await expect(support.getByRole('main').getByRole('alert')).toContainText('INVALID_LOGIN');
  const failedId = (await support.getByRole('link', { name: /^Inspection / }).getAttribute('href'))!.split('/').pop()!;
  await support.goto(`/sessions/${failedId}`);
  await support.getByRole('button', { name: 'Run again' }).click();
  await expect(support).not.toHaveURL(new RegExp(failedId));
  await expect(support.getByRole('link', { name: `session ${failedId.slice(0, 8)}` })).toHaveAttribute('href', `/sessions/${failedId}`);
  await expect(support.getByRole('heading', { level: 3, name: 'Step 2 · POST Authorize · 401 INVALID_LOGIN' })).toBeVisible();

  // An admin's live session: support may look, not log in live again.
  const admin = await as(browser, baseURL, ADMIN, 'admin-rerun');
  await admin.goto('/');
  await admin.getByRole('radiogroup', { name: 'Mode' }).getByRole('radio', { name: 'Live' }).check();
  await admin.getByLabel('Username', { exact: true }).fill('greatday_nomfa');
  await admin.getByLabel('Password', { exact: true }).fill('Everyday');
  await admin.getByRole('button', { name: 'Authorize' }).click();
  await expect(admin.getByRole('heading', { name: 'Session opened' })).toBeVisible();
  const liveId = (await admin.getByRole('link', { name: 'Open session page' }).getAttribute('href'))!.split('/').pop()!;
  await support.goto(`/sessions/${liveId}`);
  await expect(support.getByRole('heading', { name: /^Session / })).toBeVisible();
  await expect(support.getByRole('button', { name: 'Run again' })).toHaveCount(0);
  expect(await callAction(support.request, baseURL, 'runAgainAction', { inspectionId: liveId, password: 'Everyday', clickId: 'support-click-1' })).toBe(403);
});
