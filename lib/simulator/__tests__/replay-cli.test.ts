import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlinksClient } from '@/lib/flinks/client';
import { TOOLBOX } from '@/lib/flinks/toolbox';
import { loadReplayArgs } from '../replay/cli';
import { clientOf, parsed, recordCachedSession } from '../testing/record-bundle';
import { startSimulatorServer } from '../testing/serve';

/**
 * `npm run simulator -- --replay bundle.json` as an engineer runs it: the real script on a free
 * loopback port, called over HTTP with the Flinks client.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'replay-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Resolves with everything printed once `pattern` shows up on stdout, or rejects when the process ends first. */
function waitForOutput(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (pattern.test(out)) resolve(out);
    });
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`simulator exited (${code}) before printing ${pattern}: ${out}${err}`)));
  });
}

describe('npm run simulator -- --replay', () => {
  let child: ChildProcess;
  let port: number;
  let bundleFile: string;
  let loginId: string;
  let recorded: Awaited<ReturnType<typeof recordCachedSession>>;
  let startOutput: string;

  beforeAll(async () => {
    const source = await startSimulatorServer({ seed: 'replay-cli-source', asyncPolls: 1 });
    try {
      recorded = await recordCachedSession(clientOf(source));
    } finally {
      await source.close();
    }
    bundleFile = path.join(dir, 'bundle.json');
    writeFileSync(bundleFile, recorded.text);
    loginId = parsed(recorded.text).loginId;
    port = await freePort();
    // Its own process group, so the whole npm → tsx → node chain is ended by this one id.
    child = spawn('npm', ['run', '--silent', 'simulator', '--', '--replay', bundleFile], {
      cwd: path.resolve(__dirname, '../../..'),
      env: { ...process.env, PORT: String(port), LOG_LEVEL: 'error' },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    startOutput = await waitForOutput(child, /Replaying .*\n/);
  }, 60_000);

  afterAll(() => {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  });

  it('prints what it loaded: the LoginId to open and the steps', () => {
    expect(startOutput).toContain(`http://127.0.0.1:${port}/v3/${TOOLBOX.customerId}/BankingServices`);
    expect(startOutput).toContain(`Replaying ${bundleFile} (Greatday): LoginId ${loginId}, 6 steps: Authorize 200, GetAccountsSummary 200, GetAccountsDetail 202 OPERATION_PENDING`);
  });

  it('answers that LoginId over HTTP with the recorded accounts', async () => {
    const client = createFlinksClient({ baseUrl: `http://127.0.0.1:${port}`, customerId: TOOLBOX.customerId, secretKey: TOOLBOX.secretKey, apiKey: TOOLBOX.apiKey, timeoutMs: 5000 });
    const token = await client.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error(token.kind);
    const auth = await client.authorize(token.token, { LoginId: loginId, MostRecentCached: true });
    if (auth.kind !== 'authorized') throw new Error(auth.kind);
    expect(auth.data.Login.Id).toBe(loginId);
    const summary = await client.getAccountsSummary(auth.data.RequestId);
    if (summary.kind !== 'ok' || recorded.summary.kind !== 'ok') throw new Error(summary.kind);
    expect(summary.data.Accounts.map((a) => [a.Id, a.Title, a.Balance?.Current])).toEqual(recorded.summary.data.Accounts.map((a) => [a.Id, a.Title, a.Balance?.Current]));
  });
});

describe('loadReplayArgs', () => {
  it('names the file and the problem: missing, junk, wrong option', () => {
    const junk = path.join(dir, 'junk.json');
    writeFileSync(junk, 'not json at all');
    const r = loadReplayArgs(['--replay', path.join(dir, 'missing.json'), '--replay', junk]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatch(/missing\.json: cannot be read \(ENOENT\)/);
    expect(r.problems[1]).toMatch(/junk\.json: The file is not JSON/);
    const unknown = loadReplayArgs(['--replya', junk]);
    expect(unknown.ok || unknown.problems[0]).toMatch(/Unknown option '--replya'.*Usage/);
    expect(loadReplayArgs([])).toEqual({ ok: true, bundles: [] });
  });
});
