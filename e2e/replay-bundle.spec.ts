import { mkdirSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, SAMPLE_LOGIN_ID, test } from './support/fixtures';
import { runOnlyIn, SessionPage, warmUp } from './support/session-page';

/**
 * An engineer reproduces a customer's session offline: a support agent opens the customer's LoginId in
 * cached mode and downloads the support bundle; the engineer imports it on "Import bundle" (keyboard
 * only), opens the LoginId the simulator now replays, and sees the same accounts and balances.
 * Runs on the sessions server (POLL_INTERVAL_MS=300: the recorded 202s turn into the 200 in a second).
 */
test.beforeEach(runOnlyIn('sessions'));
test.beforeAll(warmUp);

const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? 'test-results/screenshots';

/** Tab (never the mouse) until `target` has the focus; fails when it cannot be reached. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 40; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('not reachable with Tab');
}

const tableText = (session: SessionPage, caption: string) => session.table(caption).locator('tbody').innerText();

test('a downloaded support bundle, imported on Import bundle, replays the same accounts and balances', async ({ inspector, page }) => {
  test.setTimeout(90_000);
  // The customer's session, as support sees it.
  await inspector.openCached(SAMPLE_LOGIN_ID, 'replay-source');
  const original = await SessionPage.openFrom(inspector);
  const originalId = original.id;
  const originalRequestId = await original.requestId();
  await original.follow('Accounts summary');
  await expect(original.table('Accounts summary')).toBeVisible();
  await original.follow('Accounts detail');
  await expect(original.table('Accounts detail')).toBeVisible({ timeout: 15_000 });
  await expect.poll(() => original.stepSummaries()).toContain('GetAccountsDetailAsync 200');
  const originalSteps = await original.stepSummaries();
  const summary = await tableText(original, 'Accounts summary');
  const detail = await tableText(original, 'Accounts detail');
  expect(summary).toMatch(/\$/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download support bundle' }).click()]);
  const bundleFile = (await download.path())!;

  // The engineer, keyboard only: header link, the file, Import, then the LoginId shown.
  const importLink = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Import bundle' });
  await tabTo(page, importLink);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Import bundle' })).toBeVisible();
  const fileInput = page.getByLabel('Support bundle', { exact: true });
  await tabTo(page, fileInput);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
  await chooser.setFiles(bundleFile);
  await tabTo(page, page.getByRole('button', { name: 'Import', exact: true }));
  await page.keyboard.press('Enter');
  const result = page.getByRole('heading', { name: 'Bundle imported' });
  await expect(result).toBeFocused();
  const loginId = (await page.getByTestId('replay-login-id').innerText()).trim();
  expect(loginId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  expect(loginId).not.toBe(SAMPLE_LOGIN_ID);

  // 390 px: nothing cut off, and a screenshot to look at.
  await page.setViewportSize({ width: 390, height: 900 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/narrow-import-bundle.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/desktop-import-bundle.png`, fullPage: true });

  await tabTo(page, page.getByRole('link', { name: 'Open in cached mode', exact: true }));
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Login ID', { exact: true })).toHaveValue(loginId);
  await tabTo(page, page.getByRole('button', { name: 'Authorize' }));
  await page.keyboard.press('Enter');
  const replayed = await SessionPage.openFrom(inspector);
  expect(replayed.id).not.toBe(originalId);
  expect(await replayed.requestId()).not.toBe(originalRequestId);
  await replayed.follow('Accounts summary');
  await expect(replayed.table('Accounts summary')).toBeVisible();
  expect(await tableText(replayed, 'Accounts summary')).toBe(summary);
  await replayed.follow('Accounts detail');
  await expect(replayed.polling).toBeVisible();
  await expect(replayed.table('Accounts detail')).toBeVisible({ timeout: 15_000 });
  expect(await tableText(replayed, 'Accounts detail')).toBe(detail);
  // The same exchanges as the customer's session, 202s included.
  await expect.poll(() => replayed.stepSummaries()).toEqual(originalSteps);

  // The import is in the audit trail, about the replay LoginId.
  await page.goto('/audit?action=bundle.import');
  await expect(page.getByRole('main')).toContainText(loginId);
});

test('Replay in simulator on a session page imports its bundle in one step', async ({ inspector, page }) => {
  await inspector.openCached(SAMPLE_LOGIN_ID, 'replay-button');
  const original = await SessionPage.openFrom(inspector);
  await original.follow('Accounts summary');
  await expect(original.table('Accounts summary')).toBeVisible();
  const summary = await tableText(original, 'Accounts summary');
  // Both timeline buttons fit a 390 px phone.
  await page.setViewportSize({ width: 390, height: 900 });
  const replayButton = page.getByRole('button', { name: 'Replay in simulator' });
  await replayButton.scrollIntoViewIfNeeded();
  const box = (await replayButton.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/narrow-session-replay-button.png` });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole('button', { name: 'Replay in simulator' }).click();
  await expect(page).toHaveURL(/\/tools\/import-bundle\?imported=/);
  await expect(page.getByRole('heading', { name: 'Bundle imported' })).toBeVisible();
  const loginId = (await page.getByTestId('replay-login-id').innerText()).trim();
  await page.getByRole('link', { name: 'Open in cached mode', exact: true }).click();
  await expect(page.getByLabel('Login ID', { exact: true })).toHaveValue(loginId);
  await inspector.authorize();
  const replayed = await SessionPage.openFrom(inspector);
  await replayed.follow('Accounts summary');
  await expect(replayed.table('Accounts summary')).toBeVisible();
  expect(await tableText(replayed, 'Accounts summary')).toBe(summary);
});

test('a file that is not a support bundle is refused with a sentence saying why', async ({ page }) => {
  await page.goto('/tools/import-bundle');
  const input = page.getByLabel('Support bundle', { exact: true });
  await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "flinks-session') });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText('The file is not JSON: choose the .json file that "Download support bundle" saved.')).toBeVisible();
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await input.setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ format: 'something-else', steps: [] })) });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/This is not a support bundle the simulator can replay \(format: format must be/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bundle imported' })).toHaveCount(0);
});
