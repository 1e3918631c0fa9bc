/**
 * Lighthouse scores (performance, accessibility, best practices) of the home, history, session and
 * compare pages.
 *
 *   npm run build && npm run bench:lighthouse      # starts `next start` on a free loopback port, on a
 *                                                  # fresh PGlite in a temp folder seeded with 3 inspections,
 *                                                  # signs in as its own admin and opens two cached sessions
 *                                                  # of the sample LoginId (their accounts summary followed):
 *                                                  # the session page is the first, compare puts both side by side
 *   npm run bench:lighthouse -- --desktop          # Lighthouse's desktop preset instead of mobile
 *   npm run bench:lighthouse -- --runs 5           # runs per page (default 3): the run with the median
 *                                                  # performance score is reported, as Lighthouse advises
 *   npm run bench:lighthouse -- --no-bare          # skip the bare Next.js page scored last for comparison
 *   LIGHTHOUSE_URL=http://127.0.0.1:3000 npm run bench:lighthouse      # a server that is already running
 *   LIGHTHOUSE_COOKIE='name=value' npm run bench:lighthouse            # sent with every request, for pages
 *                                                                      # behind staff sign-in
 *
 * Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH), headless, no sandbox. Performance is
 * simulated from this machine's own CPU time, so scores move with the machine and its load: the last
 * row is a bare Next.js page (scripts/bare-next-app.ts) scored the same way in the same run, which
 * says what this machine allows, and Lighthouse's CPU benchmark index is printed. Not part of the
 * test suite.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../lib/store/open-database';
import { seedHistory } from '../lib/store/seed';
import { buildBareApp, nextBin, type Result } from './bare-next-app';
import { BENCH_ADMIN, callAction, freePort, signIn } from './bench-support';

const SAMPLE_LOGIN_ID = '5e115eac-1209-4f19-641c-08d6d484e2fe';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
const root = process.cwd();
const desktop = process.argv.includes('--desktop');
const withBare = !process.argv.includes('--no-bare');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 3;
const BARE = '(bare Next.js page)';
// Given, or (for the server this script starts) the session cookie of its own admin.
let cookie = process.env.LIGHTHOUSE_COOKIE;
let signedInHere = false;
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

type Scores = { page: string; url: string; scores: Record<(typeof CATEGORIES)[number], number | null>; lcpMs: number | null; tbtMs: number | null; bytes: number | null; benchmarkIndex: number | null; warnings: string[] };

const headers = (): Record<string, string> => (cookie ? { Cookie: cookie } : {});

async function waitUntilUp(base: string, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      await fetch(base, { headers: headers(), redirect: 'manual' });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  return false;
}

/** A production server of this build, on its own database, so the history and session pages have rows. */
async function startServer(): Promise<Result<{ base: string; stop: () => void }>> {
  if (!existsSync(join(root, '.next', 'BUILD_ID'))) return { ok: false, message: 'No production build in .next: run `npm run build` first.' };
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-'));
  const db = await openDatabase({ kind: 'pglite', dataDir: join(dataDir, 'pglite') });
  try {
    await seedHistory(db, 3, () => {});
  } finally {
    await db.close();
  }
  // PORT: the default upstream is the embedded simulator at http://127.0.0.1:$PORT/simulator.
  return startNext(root, (port) => ({
    LOG_LEVEL: 'error', PORT: String(port), DATA_DIR: dataDir,
    INSPECTOR_ADMIN_EMAIL: BENCH_ADMIN.email, INSPECTOR_ADMIN_PASSWORD: BENCH_ADMIN.password, INSPECTOR_SIGN_IN_MAX_PER_MINUTE: '1000',
  }), () => rmSync(dataDir, { recursive: true, force: true }), 'next start');
}

/**
 * `next start` in dir on a free loopback port, in its own process group, so stopping it also stops
 * what it spawned, and nothing else; stop() then runs cleanup.
 */
async function startNext(dir: string, env: (port: number) => Record<string, string>, cleanup: () => void, name: string): Promise<Result<{ base: string; stop: () => void }>> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [nextBin(root), 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env(port) },
  });
  const stop = () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    cleanup();
  };
  if (!(await waitUntilUp(base, 60_000))) {
    stop();
    return { ok: false, message: `${name} did not answer on ${base} within 60 s.` };
  }
  return { ok: true, value: { base, stop } };
}

/** `next start` of the bare app on a free loopback port; stop() also removes its folder. */
async function startBare(): Promise<Result<{ base: string; stop: () => void }>> {
  const bare = buildBareApp(root);
  if (!bare.ok) return bare;
  return startNext(bare.value.dir, () => ({}), bare.value.remove, 'next start of the bare app');
}

/** A server action's id and the page that hosts it, from the build's manifest. */
function actionRef(name: string, file: string): { id: string; page: string } {
  const manifest = JSON.parse(readFileSync(join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string; filename?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, a]) => a.exportedName === name && (a.filename ?? '').includes(file));
  if (!hit) throw new Error(`no server action ${name} in the build`);
  const worker = Object.keys(hit[1].workers).find((w) => w.startsWith('app/')) ?? 'app/page';
  const page = `/${worker.replace(/^app\//, '').replace(/\/?page$/, '')}`.replace(/\[id\]/, '00000000-0000-4000-8000-000000000000');
  return { id: hit[0], page };
}

/**
 * Two cached sessions of the sample LoginId, each with its accounts summary followed, as a person
 * would open them: the session page measured is the first, the compare page puts both side by side.
 */
async function openTwoSessions(base: string): Promise<string[]> {
  if (!cookie) return [];
  const start = actionRef('startInspectionAction', 'app/actions/inspection');
  const follow = actionRef('followLinkAction', 'app/sessions/actions');
  const ids: string[] = [];
  for (let n = 0; n < 2; n++) {
    const opened = await callAction(base, cookie, start, [{ mode: 'cached', loginId: SAMPLE_LOGIN_ID }]);
    const id = (opened.value as { inspectionId?: string } | undefined)?.inspectionId;
    if (!id) throw new Error(`opening a cached session failed: ${opened.status} ${opened.raw.slice(0, 200)}`);
    await callAction(base, cookie, follow, [{ inspectionId: id, link: 'summary' }]);
    ids.push(id);
  }
  return ids;
}

/** The first inspection the history page links to: its session page is the third page measured. */
async function sessionUrl(base: string): Promise<string | null> {
  const res = await fetch(`${base}/sessions`, { headers: headers() });
  if (!res.ok) return null;
  const id = (await res.text()).match(/href="\/sessions\/([0-9a-f-]{36})"/)?.[1];
  return id ? `${base}/sessions/${id}` : null;
}

/** RUNS runs of one page; the one with the median performance score (a single run swings by 10+ points here). */
function medianRun(page: string, url: string): Result<Scores> {
  const runs: Scores[] = [];
  for (let i = 0; i < RUNS; i++) {
    let r = lighthouse(page, url);
    // A trace Lighthouse itself failed to record says nothing about the page: run it again (twice at most).
    for (let again = 0; !r.ok && 'flake' in r && again < 2; again++) {
      console.error(`  ${page}: ${r.message.split('\n')[0]}; running it again`);
      r = lighthouse(page, url);
    }
    if (!r.ok) return r;
    runs.push(r.value);
  }
  runs.sort((a, b) => (a.scores.performance ?? 0) - (b.scores.performance ?? 0));
  return { ok: true, value: runs[Math.floor(runs.length / 2)]! };
}

/** Lighthouse's own trace-recording failures ("Please run Lighthouse again"), not the page's. */
const TRACE_FLAKES = new Set(['NO_NAVSTART', 'NO_TRACING_STARTED']);

function lighthouse(page: string, url: string): Result<Scores> | { ok: false; message: string; flake: true } {
  const outDir = mkdtempSync(join(tmpdir(), 'bench-lighthouse-report-'));
  const out = join(outDir, 'report.json');
  try {
    const args = [
      join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
      url,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage',
      ...(desktop ? ['--preset=desktop'] : []),
      ...(cookie ? [`--extra-headers=${JSON.stringify(headers())}`] : []),
    ];
    const run = spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, CHROME_PATH: chromePath }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0 || !existsSync(out)) return { ok: false, message: `lighthouse failed on ${url}:\n${run.stderr || run.stdout}` };
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { numericValue?: number }>;
      runtimeError?: { code?: string; message: string };
      environment?: { benchmarkIndex?: number };
      runWarnings?: string[];
    };
    if (report.runtimeError) {
      const message = `lighthouse could not load ${url}: ${report.runtimeError.message}`;
      return TRACE_FLAKES.has(report.runtimeError.code ?? '') ? { ok: false, message, flake: true } : { ok: false, message };
    }
    const score = (c: string) => (report.categories[c]?.score == null ? null : Math.round(report.categories[c]!.score! * 100));
    const num = (a: string) => report.audits[a]?.numericValue ?? null;
    return {
      ok: true,
      value: {
        page,
        url,
        scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices') },
        lcpMs: num('largest-contentful-paint'),
        tbtMs: num('total-blocking-time'),
        bytes: num('total-byte-weight'),
        benchmarkIndex: report.environment?.benchmarkIndex ?? null,
        warnings: report.runWarnings ?? [],
      },
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

function print(rows: Scores[]) {
  const table = [
    ['page', 'performance', 'accessibility', 'best-practices', 'LCP s', 'TBT ms', 'transfer kB'],
    ...rows.map((r) => [
      r.page,
      String(r.scores.performance ?? '—'),
      String(r.scores.accessibility ?? '—'),
      String(r.scores['best-practices'] ?? '—'),
      r.lcpMs === null ? '—' : (r.lcpMs / 1000).toFixed(2),
      r.tbtMs === null ? '—' : r.tbtMs.toFixed(0),
      r.bytes === null ? '—' : (r.bytes / 1000).toFixed(1),
    ]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`Lighthouse, ${desktop ? 'desktop' : 'mobile'} preset, median of ${RUNS} run(s) per page${signedInHere ? ', signed in as the bench admin' : cookie ? ', with LIGHTHOUSE_COOKIE' : ''}\n`);
  console.log(line(table[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table.slice(1)) console.log(line(r));
  // Performance is simulated on a throttled phone from this machine's own CPU time, so the same
  // build scores lower on a slower or busier machine: the index says which machine a figure is from.
  const indexes = rows.map((r) => r.benchmarkIndex).filter((i): i is number => i !== null).sort((a, b) => a - b);
  if (indexes.length) console.log(`\nThis machine's Lighthouse CPU benchmark index: ${indexes[Math.floor(indexes.length / 2)]!.toFixed(0)} (median of the runs; lower = slower CPU, lower performance scores)`);
  for (const w of new Set(rows.flatMap((r) => r.warnings))) console.log(`Lighthouse warned: ${w}`);
  const home = rows.find((r) => r.page === 'home')?.scores.performance;
  const bare = rows.find((r) => r.page === BARE)?.scores.performance;
  if (home != null && bare != null) console.log(`Performance: home ${home}, a bare Next.js page ${bare}, on this machine in this run.`);
}

async function main(): Promise<number> {
  if (!Number.isInteger(RUNS) || RUNS < 1) return fail(`--runs takes a whole number of runs per page, 1 or more (got ${process.argv[runsAt + 1] ?? 'nothing'}).`);
  if (!existsSync(chromePath)) return fail(`No Chromium at ${chromePath}: apt-get install chromium, or set CHROME_PATH.`);
  const given = process.env.LIGHTHOUSE_URL?.replace(/\/$/, '');
  const rows: Scores[] = [];
  const failures: string[] = [];
  let session: string | null = null;
  let compare: string | null = null;
  const server = given ? ({ ok: true, value: { base: given, stop: () => {} } } as const) : await startServer();
  if (!server.ok) return fail(server.message);
  const { base, stop } = server.value;
  try {
    if (!given && !cookie) {
      cookie = await signIn(base);
      signedInHere = true;
    }
    const opened = given ? [] : await openTwoSessions(base);
    session = opened[0] ? `${base}/sessions/${opened[0]}` : await sessionUrl(base);
    compare = opened.length === 2 ? `${base}/compare?a=${opened[0]}&b=${opened[1]}` : process.env.LIGHTHOUSE_COMPARE_URL ?? null;
    const pages: [string, string][] = [
      ['home', `${base}/`],
      ['history', `${base}/sessions`],
      ...(session ? [['session', session] as [string, string]] : []),
      ...(compare ? [['compare', compare] as [string, string]] : []),
      // Exists only while the embedded simulator is the upstream (the server this script starts).
      ...(given ? [] : [['import bundle', `${base}/tools/import-bundle`] as [string, string]]),
    ];
    // A page that sends Lighthouse to /sign-in would score the sign-in page under another name.
    for (const [page, url] of pages) {
      const res = await fetch(url, { headers: headers(), redirect: 'manual' });
      if (res.status !== 200) return fail(`${page} (${url}) answered ${res.status}${res.headers.get('location') ? ` → ${res.headers.get('location')}` : ''}: sign-in needed (LIGHTHOUSE_COOKIE)?`);
      // The compare page answers 200 with "Cannot compare" when a side is unknown: that is not the page to score.
      if (page === 'compare' && (await res.text()).includes('Cannot compare')) return fail(`compare (${url}) says "Cannot compare": give two existing sessions.`);
    }
    // One at a time: parallel runs on a small machine would score each other's load.
    for (const [page, url] of pages) {
      const r = medianRun(page, url);
      if (r.ok) rows.push(r.value);
      else failures.push(r.message);
    }
  } finally {
    stop();
  }
  // Scored after our server stopped, so neither scores under the other's load.
  if (withBare) {
    const bare = await startBare();
    if (!bare.ok) failures.push(bare.message);
    else {
      try {
        const r = medianRun(BARE, `${bare.value.base}/`);
        if (r.ok) rows.push(r.value);
        else failures.push(r.message);
      } finally {
        bare.value.stop();
      }
    }
  }
  print(rows);
  if (!session) console.log('\nNo session page measured: the history page links to no inspection (or needs LIGHTHOUSE_COOKIE).');
  if (!compare) console.log('\nNo compare page measured: against LIGHTHOUSE_URL, give LIGHTHOUSE_COMPARE_URL (/compare?a=…&b=…).');
  for (const f of failures) console.error(`\n${f}`);
  return failures.length ? 1 : 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

process.exitCode = await main();
