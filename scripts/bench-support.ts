/**
 * What bench:overhead and bench:load share: a production server of this build on a free loopback
 * port (PGlite in a temporary folder, or a fresh database on the PostgreSQL given with --postgres),
 * the standalone simulator on its own port, a signed-in staff session, and server actions called the
 * way the browser calls them (Next-Action header, the arguments as a JSON array).
 *
 * Not part of the test suite: these measure, they do not assert timings.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { TOOLBOX } from '../lib/flinks/toolbox';

export const root = process.cwd();
export const BENCH_ADMIN = { email: 'bench-admin@example.test', password: 'bench-admin-password-1' };

export type Args = { noBuild: boolean; postgres: string | null; json: boolean; values: Map<string, string> };

export function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  let noBuild = false;
  let json = false;
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]!;
    if (a === '--no-build') noBuild = true;
    else if (a === '--json') json = true;
    else if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
      const v = inline ?? argv[i + 1];
      if (inline === undefined) i += 1;
      if (v === undefined) throw new Error(`--${k} needs a value`);
      values.set(k, v);
    }
  }
  return { noBuild, postgres: values.get('postgres') ?? null, json, values };
}

export function intArg(args: Args, name: string, fallback: number): number {
  const v = args.values.get(name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${v}`);
  return n;
}

export function buildApp(): void {
  console.error('next build …');
  const run = spawnSync(process.execPath, [join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`next build failed:\n${run.stdout}\n${run.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** One HTTP client for the whole run: keep-alive (idle sockets dropped before the server's 5 s would), no connection cap (N flows are N browsers). */
export const agent = new Agent({ keepAliveTimeout: 2_000, keepAliveMaxTimeout: 2_000, headersTimeout: 600_000, bodyTimeout: 600_000, connections: null, pipelining: 1 });

export type HttpAnswer = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

export async function http(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string } = {}): Promise<HttpAnswer> {
  const res = await request(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body, dispatcher: agent });
  return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
}

async function waitUntilUp(url: string, ms: number, child: ChildProcess): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) return false;
    try {
      await http(url);
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return false;
}

export type Stoppable = { stop: () => Promise<void> };

/** A child in its own process group, so stopping it stops what it spawned too, and nothing else. */
function spawnGroup(cmd: string, argv: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(cmd, argv, { cwd: root, detached: true, stdio: ['ignore', 'ignore', 'inherit'], env });
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (!child.pid || child.exitCode !== null) return resolve();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // Already gone.
      }
      resolve();
    }, 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** A fresh database on the given PostgreSQL server for this run, dropped afterwards. */
export async function freshPostgres(url: string): Promise<{ url: string } & Stoppable> {
  const { Client } = await import('pg');
  const name = `bench_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    stop: async () => {
      const c = new Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
      await c.end();
    },
  };
}

export type App = { base: string; name: string } & Stoppable;

/** `next start` of the existing build, with the bench admin, sign-in unthrottled, and extra variables. */
export async function startApp(name: string, opts: { databaseUrl: string | null; env?: Record<string, string> }): Promise<App> {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) throw new Error('No production build in .next: drop --no-build.');
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // BENCH_CPU_PROF=dir: a V8 CPU profile of the server (written when it stops), to see where its time goes.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawnGroup(process.execPath, [...profile, join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    LOG_LEVEL: 'error',
    PORT: String(port),
    DATA_DIR: dataDir,
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    INSPECTOR_ADMIN_EMAIL: BENCH_ADMIN.email,
    INSPECTOR_ADMIN_PASSWORD: BENCH_ADMIN.password,
    INSPECTOR_SIGN_IN_MAX_PER_MINUTE: '1000',
    ...opts.env,
  });
  const stop = async () => {
    await stopGroup(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (!(await waitUntilUp(`${base}/sign-in`, 120_000, child))) {
    await stop();
    throw new Error(`next start (${name}) did not answer on ${base} within 120 s.`);
  }
  return { base, name, stop };
}

export type StandaloneSimulator = { base: string; apiBase: string } & Stoppable;

/** `npm run simulator` on its own port: the upstream called directly, for the raw figures. */
export async function startSimulator(env: Record<string, string> = {}): Promise<StandaloneSimulator> {
  const port = await freePort();
  const child = spawnGroup(process.execPath, ['--conditions=react-server', '--import', 'tsx', join(root, 'lib', 'simulator', 'server.ts')], {
    ...process.env,
    PORT: String(port),
    ...env,
  });
  const base = `http://127.0.0.1:${port}`;
  if (!(await waitUntilUp(`${base}/`, 60_000, child))) {
    await stopGroup(child);
    throw new Error(`the simulator did not answer on ${base} within 60 s.`);
  }
  return { base, apiBase: `${base}/v3/${TOOLBOX.customerId}/BankingServices`, stop: () => stopGroup(child) };
}

/** Signs in once, as the sign-in page does (Better Auth wants the Origin); returns the Cookie header. */
export async function signIn(base: string): Promise<string> {
  const res = await http(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: base },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${res.text.slice(0, 200)}`);
  const set = res.headers['set-cookie'];
  const cookies = (Array.isArray(set) ? set : set ? [set] : []).map((c) => c.split(';')[0]!).filter(Boolean);
  if (cookies.length === 0) throw new Error('sign-in answered without a session cookie');
  return cookies.join('; ');
}

export type ActionIds = Record<'startInspectionAction' | 'answerMfaAction', { id: string; page: string }>;

/** Server action ids, by exported name, from the build's manifest (the page that hosts each). */
export function actionIds(): ActionIds {
  const manifest = JSON.parse(readFileSync(join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  const find = (name: keyof ActionIds) => {
    const hit = Object.entries(manifest.node).find(([, a]) => a.exportedName === name && (a.filename ?? '').includes('app/actions/inspection'));
    if (!hit) throw new Error(`no server action ${name} in the build's server-reference-manifest.json`);
    const workers = Object.keys(hit[1].workers);
    const page = workers.includes('app/page') ? '/' : `/${(workers[0] ?? 'app/page').replace(/^app\//, '').replace(/\/page$/, '')}`;
    return { id: hit[0], page };
  };
  return { startInspectionAction: find('startInspectionAction'), answerMfaAction: find('answerMfaAction') };
}

export type ActionAnswer = { status: number; retryAfter: string | null; value: unknown; raw: string };

/** Reads the action's return value out of the RSC answer (`1:{...}`, or row 0's "a" when inline). */
function actionValue(text: string): unknown {
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (!m) continue;
    if (m[1] === '1') return unescapeFlight(JSON.parse(m[2]!));
  }
  const first = /^0:(.*)$/m.exec(text);
  if (first) {
    const row = JSON.parse(first[1]!) as { a?: unknown };
    return unescapeFlight(row.a);
  }
  return undefined;
}

/** RSC escapes a leading "$" as "$$" and writes undefined as "$undefined". */
function unescapeFlight(v: unknown): unknown {
  if (typeof v === 'string') return v === '$undefined' ? undefined : v.startsWith('$$') ? v.slice(1) : v;
  if (Array.isArray(v)) return v.map(unescapeFlight);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unescapeFlight(x)]));
  return v;
}

/** Resets of a kept-alive socket that the request was resent after (as browsers do), for the report. */
export const resent = { count: 0 };

const isReset = (err: unknown) => {
  const code = (err as { code?: string } | null)?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET';
};

export async function callAction(base: string, cookie: string, action: { id: string; page: string }, args: unknown[]): Promise<ActionAnswer> {
  try {
    return await callActionOnce(base, cookie, action, args);
  } catch (err) {
    // The server closed an idle kept-alive socket as this request went out on it (its 5 s keep-alive
    // timer and ours both run late under load): nothing was read, so send it once more, as a browser would.
    if (!isReset(err)) throw err;
    resent.count += 1;
    return callActionOnce(base, cookie, action, args);
  }
}

async function callActionOnce(base: string, cookie: string, action: { id: string; page: string }, args: unknown[]): Promise<ActionAnswer> {
  const res = await http(`${base}${action.page}`, {
    method: 'POST',
    headers: {
      'Next-Action': action.id,
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      Origin: base,
      Cookie: cookie,
    },
    body: JSON.stringify(args),
  });
  const retry = res.headers['retry-after'];
  let value: unknown;
  try {
    value = res.status === 200 ? actionValue(res.text) : undefined;
  } catch {
    value = undefined;
  }
  return { status: res.status, retryAfter: Array.isArray(retry) ? retry[0]! : (retry ?? null), value, raw: res.text };
}

// ---- the Flinks calls a live flow makes, straight to a simulator ----

export type RawFlowResult = { ok: boolean; requestId: string | null; username: string | null; calls: number; error?: string };

const ANSWERS: Record<string, string> = {
  'What city were you born in?': 'Montreal',
  'What is the best country on earth?': 'Canada',
  'What shape do people like most?': 'Triangle',
  'What is your favourite colour?': 'Blue',
};

/** The toolbox answer for each prompt (Greatday: Montreal/Canada/Triangle; sim_two_rounds' second round: Blue). */
export function answersFor(prompts: string[]): Record<string, string[]> {
  return Object.fromEntries(prompts.map((p) => [p, [ANSWERS[p] ?? 'Montreal']]));
}

async function simPost(apiBase: string, path: string, headers: Record<string, string>, body?: unknown) {
  const res = await http(`${apiBase}/${path}`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: JSON.parse(res.text) as Record<string, unknown> };
}

/** Token → Authorize → every MFA round answered, against a simulator's HTTP API. */
export async function rawLiveFlow(apiBase: string, username: string): Promise<RawFlowResult> {
  let calls = 1;
  const tok = await simPost(apiBase, 'GenerateAuthorizeToken', { 'flinks-auth-key': TOOLBOX.secretKey });
  const token = tok.body.Token as string;
  let res = await simPost(apiBase, 'Authorize', { 'flinks-auth-key': token }, { Institution: 'FlinksCapital', Username: username, Password: 'Everyday', MostRecentCached: false, Save: false, Language: 'en' });
  calls += 1;
  while (res.status === 203) {
    const requestId = res.body.RequestId as string;
    const prompts = (res.body.SecurityChallenges as { Prompt: string }[]).map((c) => c.Prompt);
    res = await simPost(apiBase, 'Authorize', { 'flinks-auth-key': token }, { RequestId: requestId, SecurityResponses: answersFor(prompts) });
    calls += 1;
  }
  const login = res.body.Login as { Username?: string } | undefined;
  return { ok: res.status === 200 || res.status === 401, requestId: (res.body.RequestId as string) ?? null, username: login?.Username ?? null, calls };
}

/** Token → cached Authorize of the sample LoginId. */
export async function rawCachedFlow(apiBase: string, loginId: string): Promise<RawFlowResult> {
  const tok = await simPost(apiBase, 'GenerateAuthorizeToken', { 'flinks-auth-key': TOOLBOX.secretKey });
  const res = await simPost(apiBase, 'Authorize', { 'flinks-auth-key': tok.body.Token as string }, { LoginId: loginId, MostRecentCached: true });
  return { ok: res.status === 200, requestId: (res.body.RequestId as string) ?? null, username: null, calls: 2 };
}

// ---- figures ----

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export type Stats = { n: number; p50: number; p95: number; mean: number };

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), mean: s.reduce((t, x) => t + x, 0) / (s.length || 1) };
}

export const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** Everything started is stopped on the way out, also on Ctrl-C. */
export function cleanupOnExit(stoppers: (() => Promise<void>)[]): () => Promise<void> {
  let done = false;
  const run = async () => {
    if (done) return;
    done = true;
    for (const s of stoppers.reverse()) await s().catch(() => undefined);
  };
  const onSignal = () => void run().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return run;
}

/**
 * The start every benchmark shares: build unless --no-build, a fresh database when --postgres is
 * given, and the stoppers that end what the run started (also on Ctrl-C).
 */
export async function prepareRun(args: Args): Promise<{ stoppers: (() => Promise<void>)[]; cleanup: () => Promise<void>; databaseUrl: string | null; store: 'PostgreSQL' | 'PGlite' }> {
  const stoppers: (() => Promise<void>)[] = [];
  const cleanup = cleanupOnExit(stoppers);
  if (!args.noBuild) buildApp();
  let databaseUrl: string | null = null;
  if (args.postgres) {
    const pg = await freshPostgres(args.postgres);
    stoppers.push(pg.stop);
    databaseUrl = pg.url;
  }
  return { stoppers, cleanup, databaseUrl, store: args.postgres ? 'PostgreSQL' : 'PGlite' };
}
