import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { fsi, fsiHome } from './support/fsi';
import { runOnlyIn, SessionPage, warmUp } from './support/session-page';

/**
 * QA automation end to end, against the built app: the admin creates an API token on /account (shown
 * once), logs the `fsi` command line in with it, drives the live MFA flow of every MFA persona
 * non-interactively and one through its prompts in a real terminal (tmux), runs the shipped scenarios,
 * sees a wrong expectation fail, revokes the token and is refused. The last story is the pattern for
 * Playwright suites: set up a session through the API with a token, then drive the UI.
 * Runs on the sessions server (POLL_INTERVAL_MS=300, so a 202 turns into 200 in a second).
 */
test.beforeEach(runOnlyIn('api'));
test.beforeAll(warmUp);
test.describe.configure({ mode: 'serial' });

const TOOLBOX = ['What city were you born in?=Montreal', 'What is the best country on earth?=Canada', 'What shape do people like most?=Triangle'];
const MFA_PERSONAS: Record<string, string[]> = {
  Greatday: TOOLBOX,
  test_dispatched: TOOLBOX,
  test_pending: TOOLBOX,
  sim_choice: ['Which colour is your card?=Blue'],
  sim_multi: ['Select every colour in your security flag.=Red', 'Select every colour in your security flag.=Green'],
  sim_image: ['Select your security image.=#2'],
  sim_text_or_call: ['How would you like to receive your security code?=#2', 'Enter the security code we sent you.=123456'],
  sim_pick_question: ['What shape do people like most?=Triangle'],
  sim_two_rounds: [...TOOLBOX, 'What is your favourite colour?=Blue'],
  sim_all_types: [...TOOLBOX, 'Which colour is your card?=Blue', 'Select every colour in your security flag.=Red', 'Select every colour in your security flag.=Green', 'Select your security image.=#2', 'How would you like to receive your security code?=#1'],
};

let token = '';
const home = fsiHome();

test('an admin creates an API token on /account; it is shown once and listed by its prefix', async ({ page }) => {
  await page.goto('/account');
  await page.getByLabel('Token name').fill('e2e CLI');
  await page.getByLabel('Expires after').selectOption('30');
  await page.getByRole('button', { name: 'Create token' }).click();
  token = await page.getByLabel('New API token').inputValue();
  expect(token).toMatch(/^fsi_[A-Za-z0-9_-]{32}$/);
  await page.reload();
  await expect(page.getByLabel('New API token')).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(`e2e CLI ${token.slice(0, 12)}…`) })).toBeVisible();
  expect(await page.content()).not.toContain(token);
});

test('the CLI logs in and drives the live MFA flow of every MFA persona without a terminal', async ({ baseURL }) => {
  test.setTimeout(180_000);
  const login = await fsi(home, ['login', '--url', baseURL!, '--token-stdin'], { input: `${token}\n` });
  expect(login.code, login.stderr).toBe(0);
  for (const [persona, answers] of Object.entries(MFA_PERSONAS)) {
    const r = await fsi(home, ['open', '--live', '--persona', persona, '--tag', 'e2e-cli', ...answers.flatMap((a) => ['--answer', a])]);
    expect(r.code, `${persona}: ${r.stderr}`).toBe(0);
    expect(r.stdout, persona).toContain('authorized');
    expect(r.stdout + r.stderr).not.toContain(token);
  }
  const listed = JSON.parse((await fsi(home, ['sessions', '--tag', 'e2e-cli', '--json', '--limit', '50'])).stdout);
  expect(listed.items).toHaveLength(Object.keys(MFA_PERSONAS).length);
});

test('the CLI asks the MFA questions at a real terminal', async () => {
  const name = `fsi-e2e-${process.pid}`;
  const env = `HOME=${home} XDG_CONFIG_HOME=${path.join(home, 'config')} NO_COLOR=1`;
  execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '160', '-y', '40', `env ${env} ${process.execPath} ${path.resolve('bin/fsi.mjs')} open --live --persona sim_multi; sleep 30`]);
  const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
  try {
    await expect.poll(screen, { timeout: 30_000 }).toContain('Numbers, comma-separated:');
    execFileSync('tmux', ['send-keys', '-t', name, '1,2', 'Enter']);
    await expect.poll(screen, { timeout: 30_000 }).toContain('authorized');
  } finally {
    execFileSync('tmux', ['kill-session', '-t', name]);
  }
});

test('the shipped scenarios pass with fsi run; a wrong expectation exits 1 and says why', async () => {
  test.setTimeout(180_000);
  for (const file of ['cached-session.json', 'greatday-live-mfa.json', 'mfa-rounds.json', 'error-codes.json']) {
    const r = await fsi(home, ['run', path.resolve('scenarios', file), '--junit', 'report.xml']);
    expect(r.code, `${file}: ${r.stdout}${r.stderr}`).toBe(0);
    expect(readFileSync(path.join(home, 'report.xml'), 'utf8')).toContain('failures="0"');
  }
  writeFileSync(path.join(home, 'wrong.json'), JSON.stringify({
    name: 'wrong on purpose',
    steps: [{ id: 'open', open: { mode: 'cached', loginId: '5e115eac-1209-4f19-641c-08d6d484e2fe' }, expect: { status: 'failed' } }],
  }));
  const wrong = await fsi(home, ['run', 'wrong.json']);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('Scenario "wrong on purpose" failed at step 1. open (open): open: expected status failed, got authorized');
});

test('a Playwright suite sets up a session through the API with the token, then drives the UI', async ({ page, baseURL }) => {
  const api = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  try {
    const opened = await (await api.post('/api/v1/inspections', { data: { mode: 'live', persona: 'sim_choice', tag: 'e2e-setup' } })).json();
    expect(opened.status).toBe('mfa_pending');
    const answered = await api.post(`/api/v1/inspections/${opened.id}/answers`, { data: { answers: { 'Which colour is your card?': 'Blue' } } });
    expect((await answered.json()).status).toBe('authorized');
    await page.goto(`/sessions/${opened.id}`);
    const session = new SessionPage(page);
    await expect(session.steps).toHaveCount(3);
  } finally {
    await api.dispose();
  }
});

test('a revoked token is refused at once', async ({ page }) => {
  await page.goto('/account');
  await page.getByRole('button', { name: new RegExp(`Revoke e2e CLI \\(${token.slice(0, 12)}…\\)`) }).click();
  await expect(page.getByRole('status').filter({ hasText: 'revoked' })).toBeVisible();
  const r = await fsi(home, ['sessions']);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('401 Not signed in: This token was revoked.');
});
