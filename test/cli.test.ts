import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApi, startApi, type Api } from './api-helpers';

/**
 * The `fsi` command line as a user runs it (a separate process through bin/fsi.mjs), against the
 * real /api/v1 handler on a loopback port: login writes a 0600 config holding only the URL and the
 * token, every MFA persona completes non-interactively, one through its prompts in a real terminal
 * (tmux), the shipped scenarios pass, a wrong expectation exits 1 and says why, and the token never
 * appears in any output.
 */

const ROOT = path.resolve(__dirname, '..');
const TOOLBOX_ANSWERS = ['What city were you born in?=Montreal', 'What is the best country on earth?=Canada', 'What shape do people like most?=Triangle'];
const ANSWERS: Record<string, string[]> = {
  Greatday: TOOLBOX_ANSWERS,
  test_dispatched: TOOLBOX_ANSWERS,
  test_pending: TOOLBOX_ANSWERS,
  sim_choice: ['Which colour is your card?=Blue'],
  sim_multi: ['Select every colour in your security flag.=Red', 'Select every colour in your security flag.=Green'],
  sim_image: ['Select your security image.=#2'],
  sim_text_or_call: ['How would you like to receive your security code?=#1', 'Enter the security code we sent you.=123456'],
  sim_pick_question: ['What is the best country on earth?=Canada'],
  sim_two_rounds: [...TOOLBOX_ANSWERS, 'What is your favourite colour?=Blue'],
  sim_all_types: [...TOOLBOX_ANSWERS, 'Which colour is your card?=Blue', 'Select every colour in your security flag.=Red', 'Select every colour in your security flag.=Green', 'Select your security image.=#2', 'How would you like to receive your security code?=#1'],
};

let api: Api;
let server: { url: string; close(): Promise<void> };
let token: string;
let home: string;
const outputs: string[] = [];

type Run = { code: number; stdout: string; stderr: string };
function fsi(args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [path.join(ROOT, 'bin/fsi.mjs'), ...args], { cwd: home, env: { NODE_ENV: 'test', PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), ...opts.env }, encoding: 'utf8', timeout: 120_000 }, (err, stdout, stderr) => {
      outputs.push(stdout, stderr);
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(opts.input ?? '');
  });
}

beforeAll(async () => {
  api = await startApi({ INSPECTOR_API_RATE_PER_MINUTE: '10000' });
  server = await serveApi();
  const admin = await api.user('admin');
  token = await api.token(admin.id);
  home = mkdtempSync(path.join(tmpdir(), 'fsi-home-'));
}, 60_000);
afterAll(async () => {
  await server?.close();
  await api?.close();
});

describe('fsi', () => {
  it('login keeps the URL and token in a 0600 file and prints only the prefix', async () => {
    const r = await fsi(['login', '--url', server.url, '--token-stdin'], { input: `${token}\n` });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(token.slice(0, 12));
    const file = path.join(home, 'config', 'fsi', 'config.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual(['token', 'url']);
    const bad = await fsi(['login', '--url', server.url], { input: 'fsi_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('refused');
  });

  it.each(Object.entries(ANSWERS))('opens %s live and answers its MFA from --answer', async (persona, answers) => {
    const r = await fsi(['open', '--live', '--persona', persona, '--tag', 'cli-test', ...answers.flatMap((a) => ['--answer', a]), '--json']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(JSON.parse(r.stdout).status).toBe('authorized');
  });

  it('without an answer and no terminal, it stops and names the question', async () => {
    const r = await fsi(['open', '--live', '--persona', 'sim_choice']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('No answer for: "Which colour is your card?"');
  });

  it('follows a Link with --wait, lists sessions by tag, writes a bundle', async () => {
    const opened = JSON.parse((await fsi(['open', '--cached', '5e115eac-1209-4f19-641c-08d6d484e2fe', '--tag', 'cli-bundle', '--json'])).stdout);
    const follow = await fsi(['follow', opened.id, 'accounts-detail', '--wait']);
    expect(follow.code, follow.stderr).toBe(0);
    expect(follow.stdout).toMatch(/\d+ accounts/);
    const sessions = await fsi(['sessions', '--tag', 'cli-bundle', '--json']);
    expect(JSON.parse(sessions.stdout).items.map((i: { id: string }) => i.id)).toContain(opened.id);
    const bundle = await fsi(['bundle', opened.id, '-o', 'bundle.json']);
    expect(bundle.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(home, 'bundle.json'), 'utf8')).inspection.id).toBe(opened.id);
    // The window, as Fetch options: three statements of one account, each with its period.
    const summary = JSON.parse((await fsi(['follow', opened.id, 'accounts-summary', '--json'])).stdout);
    const one = summary.accounts[0];
    const statements = await fsi(['follow', opened.id, 'statements', '--account', one.id, '--statements', 'Months3']);
    expect(statements.code, statements.stderr).toBe(0);
    const lines = statements.stdout.trim().split('\n').filter((l) => l.startsWith('Statement '));
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(new RegExp(`^Statement ••••${one.lastFour} \\d{4}-\\d{2}-01 to \\d{4}-\\d{2}-\\d{2} PDF \\d+ bytes$`));
    const misspelt = await fsi(['follow', opened.id, 'accounts-detail', '--days', 'Days30']);
    expect(misspelt.code).toBe(1);
    expect(misspelt.stderr).toContain('400');
    const refused = await fsi(['follow', '11111111-2222-4333-8444-555555555555', 'accounts-summary']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('404');
  });

  it('compares two sessions and says what differs', async () => {
    const open = async (tag: string) => JSON.parse((await fsi(['open', '--cached', '5e115eac-1209-4f19-641c-08d6d484e2fe', '--tag', tag, '--json'])).stdout);
    const [a, b] = [await open('cli-cmp-a'), await open('cli-cmp-b')];
    const r = await fsi(['compare', a.id, b.requestId]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`${a.id} ↔ ${b.id}`);
    expect(r.stdout).toContain('Tag: cli-cmp-a → cli-cmp-b');
    const missing = await fsi(['compare', a.id, '11111111-2222-4333-8444-555555555555']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('404');
  });

  it.each(['cached-session.json', 'greatday-live-mfa.json', 'mfa-rounds.json', 'error-codes.json'])('the shipped scenario %s passes', async (file) => {
    const r = await fsi(['run', path.join(ROOT, 'scenarios', file), '--junit', 'out.xml'], { env: { FSI_SCENARIO_TAG: 'scenario-test' } });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('Passed');
    expect(readFileSync(path.join(home, 'out.xml'), 'utf8')).toContain('failures="0"');
  });

  it('a wrong expectation exits 1 with a clear message and a JUnit failure', async () => {
    const scenario = path.join(home, 'wrong.json');
    writeFileSync(scenario, JSON.stringify({ name: 'wrong', steps: [{ id: 'open', open: { mode: 'live', persona: 'greatday_nomfa' }, expect: { status: 'failed', flinksCode: 'DISABLED_LOGIN' } }] }));
    const r = await fsi(['run', scenario, '--junit', 'wrong.xml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('failed at step 1. open (open): open: expected status failed, got authorized');
    expect(readFileSync(path.join(home, 'wrong.xml'), 'utf8')).toContain('<failure message="open: expected status failed, got authorized"');
  });

  // tmux comes with `npm run test:unit` (scripts/ensure-tmux.sh): no tmux is a failure, not a skip.
  it('answers MFA at a real terminal (tmux)', async () => {
    const name = `fsi-${process.pid}`;
    const env = `HOME=${home} XDG_CONFIG_HOME=${path.join(home, 'config')} NO_COLOR=1`;
    execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '160', '-y', '40', `env ${env} ${process.execPath} ${path.join(ROOT, 'bin/fsi.mjs')} open --live --persona sim_choice; sleep 30`]);
    const screen = () => execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
    const waitFor = async (text: string) => {
      for (let i = 0; i < 150; i++) {
        const s = screen();
        if (s.includes(text)) return s;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`"${text}" never appeared:\n${screen()}`);
    };
    try {
      await waitFor('Which colour is your card?');
      await waitFor('Number:');
      execFileSync('tmux', ['send-keys', '-t', name, '3', 'Enter']);
      const s = await waitFor('authorized');
      outputs.push(s);
      expect(s).toContain('3. Blue');
    } finally {
      execFileSync('tmux', ['kill-session', '-t', name]);
    }
  });

  it('never printed the token', () => {
    expect(outputs.length).toBeGreaterThan(10);
    for (const o of outputs) expect(o).not.toContain(token);
  });
});
