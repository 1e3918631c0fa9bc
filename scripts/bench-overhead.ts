/**
 * What the dashboard adds on top of Flinks, per user action (issue 10).
 *
 *   npm run bench:overhead                                   # next build, then PGlite
 *   npm run bench:overhead -- --no-build                     # reuse .next
 *   npm run bench:overhead -- --no-build --postgres URL      # a fresh database on that server (scripts/ensure-postgres.sh)
 *   options: --iterations 200 --latency-iterations 100 --warmup 20 --latency 100 --json
 *
 * A production server of this build (`next start`, free loopback port) and the standalone simulator
 * (`npm run simulator`, its own port) are started; then, one request at a time and interleaved in
 * every iteration (so a neighbour's build slows all of them alike):
 *   - cached authorize through the app's server action (token + Authorize, recorded, audited)
 *   - the same two calls straight to the standalone simulator ("raw"), and to the app's /simulator
 *   - the full live MFA flow (Greatday: start → answer the toolbox question) through the actions
 *   - the same three calls raw
 *   - an empty action: startInspectionAction with an invalid payload (signed in, refused at parsing)
 * Own cost = app − (actions × empty action) − raw calls. Then the same with SIMULATOR_LATENCY_MS=100
 * on both simulators: the app/raw ratio at p50 and p95.
 */
import {
  actionIds,
  callAction,
  prepareRun,
  intArg,
  ms,
  parseArgs,
  rawCachedFlow,
  rawLiveFlow,
  signIn,
  startApp,
  startSimulator,
  stats,
  table,
  answersFor,
  type ActionIds,
  type Stats,
} from './bench-support';
import { TOOLBOX } from '../lib/flinks/toolbox';

const SAMPLE_LOGIN_ID = '5e115eac-1209-4f19-641c-08d6d484e2fe';
const args = parseArgs(process.argv.slice(2));
const ITERATIONS = intArg(args, 'iterations', 200);
const LATENCY_ITERATIONS = intArg(args, 'latency-iterations', 100);
const WARMUP = intArg(args, 'warmup', 20);
const LATENCY = intArg(args, 'latency', 100);

type Kind = 'cachedApp' | 'cachedRaw' | 'cachedViaAppSim' | 'empty' | 'liveApp' | 'liveRaw' | 'liveViaAppSim';
type Samples = Record<Kind, number[]>;

type Target = { base: string; cookie: string; ids: ActionIds; simApi: string; appSimApi: string };

class BenchError extends Error {}

async function timed(fn: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const expect = (ok: boolean, what: string) => {
  if (!ok) throw new BenchError(what);
};

const runners: Record<Kind, (t: Target) => Promise<void>> = {
  async cachedApp(t) {
    const r = await callAction(t.base, t.cookie, t.ids.startInspectionAction, [{ mode: 'cached', loginId: SAMPLE_LOGIN_ID }]);
    const v = r.value as { kind?: string } | undefined;
    expect(v?.kind === 'authorized', `cached authorize answered ${r.status} ${JSON.stringify(v) ?? r.raw.slice(0, 200)}`);
  },
  async cachedRaw(t) {
    expect((await rawCachedFlow(t.simApi, SAMPLE_LOGIN_ID)).ok, 'raw cached authorize failed');
  },
  async cachedViaAppSim(t) {
    expect((await rawCachedFlow(t.appSimApi, SAMPLE_LOGIN_ID)).ok, 'cached authorize via /simulator failed');
  },
  async empty(t) {
    const r = await callAction(t.base, t.cookie, t.ids.startInspectionAction, [{ mode: 'nonsense' }]);
    const v = r.value as { kind?: string } | undefined;
    expect(v?.kind === 'invalid', `the empty action answered ${r.status} ${JSON.stringify(v) ?? r.raw.slice(0, 200)}`);
  },
  async liveApp(t) {
    const start = await callAction(t.base, t.cookie, t.ids.startInspectionAction, [
      { mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday', language: 'en', save: false },
    ]);
    const s = start.value as { kind?: string; inspectionId?: string; challenges?: { prompt: string }[] } | undefined;
    expect(s?.kind === 'mfa' && !!s.inspectionId, `live start answered ${start.status} ${JSON.stringify(s) ?? start.raw.slice(0, 200)}`);
    const answer = await callAction(t.base, t.cookie, t.ids.answerMfaAction, [
      { inspectionId: s!.inspectionId, responses: answersFor((s!.challenges ?? []).map((c) => c.prompt)) },
    ]);
    const a = answer.value as { kind?: string } | undefined;
    expect(a?.kind === 'authorized', `MFA answer answered ${answer.status} ${JSON.stringify(a) ?? answer.raw.slice(0, 200)}`);
  },
  async liveRaw(t) {
    const r = await rawLiveFlow(t.simApi, 'Greatday');
    expect(r.ok && r.calls === 3, 'raw live flow failed');
  },
  async liveViaAppSim(t) {
    const r = await rawLiveFlow(t.appSimApi, 'Greatday');
    expect(r.ok && r.calls === 3, 'live flow via /simulator failed');
  },
};
const KINDS = Object.keys(runners) as Kind[];

async function measure(t: Target, iterations: number, label: string): Promise<Samples> {
  const samples = Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Samples;
  for (let i = 0; i < WARMUP + iterations; i += 1) {
    // Rotate the order each iteration, so no kind always follows the same neighbour.
    for (let j = 0; j < KINDS.length; j += 1) {
      const kind = KINDS[(i + j) % KINDS.length]!;
      const took = await timed(() => runners[kind](t));
      if (i >= WARMUP) samples[kind].push(took);
    }
    if ((i + 1) % 50 === 0) console.error(`  ${label}: ${i + 1}/${WARMUP + iterations}`);
  }
  return samples;
}

async function phase(label: string, latencyMs: number, databaseUrl: string | null, iterations: number) {
  const env = { SIMULATOR_LATENCY_MS: String(latencyMs) };
  const sim = await startSimulator(env);
  try {
    const app = await startApp(label, { databaseUrl, env });
    try {
      const cookie = await signIn(app.base);
      const t: Target = {
        base: app.base,
        cookie,
        ids: actionIds(),
        simApi: sim.apiBase,
        appSimApi: `${app.base}/simulator/v3/${TOOLBOX.customerId}/BankingServices`,
      };
      return await measure(t, iterations, label);
    } finally {
      await app.stop();
    }
  } finally {
    await sim.stop();
  }
}

type Summary = { app: Stats; raw: Stats; viaAppSim: Stats; empty: Stats; actions: number; ownP50: number; ownP95: number; ratioP50: number; ratioP95: number };

function summarise(s: Samples, which: 'cached' | 'live'): Summary {
  const app = stats(which === 'cached' ? s.cachedApp : s.liveApp);
  const raw = stats(which === 'cached' ? s.cachedRaw : s.liveRaw);
  const viaAppSim = stats(which === 'cached' ? s.cachedViaAppSim : s.liveViaAppSim);
  const empty = stats(s.empty);
  const actions = which === 'cached' ? 1 : 2;
  return {
    app,
    raw,
    viaAppSim,
    empty,
    actions,
    ownP50: app.p50 - actions * empty.p50 - raw.p50,
    ownP95: app.p95 - actions * empty.p95 - raw.p95,
    ratioP50: app.p50 / raw.p50,
    ratioP95: app.p95 / raw.p95,
  };
}

function report(title: string, rows: [string, Summary][], withRatio: boolean): string {
  const head = ['flow', 'n', 'app p50', 'app p95', 'raw p50', 'raw p95', '/simulator p50', 'empty p50', 'own p50', 'own p95', ...(withRatio ? ['app/raw p50', 'app/raw p95'] : [])];
  const body = rows.map(([name, r]) => [
    name,
    String(r.app.n),
    ms(r.app.p50),
    ms(r.app.p95),
    ms(r.raw.p50),
    ms(r.raw.p95),
    ms(r.viaAppSim.p50),
    `${r.actions}×${ms(r.empty.p50)}`,
    ms(r.ownP50),
    ms(r.ownP95),
    ...(withRatio ? [r.ratioP50.toFixed(3), r.ratioP95.toFixed(3)] : []),
  ]);
  return `${title}\n${table([head, ...body])}`;
}

async function main(): Promise<number> {
  const { cleanup, databaseUrl, store } = await prepareRun(args);
  try {
    console.error(`bench:overhead on ${store}: ${ITERATIONS} iterations (+${WARMUP} warm-up), then ${LATENCY_ITERATIONS} with ${LATENCY} ms upstream latency`);
    const fast = await phase('overhead', 0, databaseUrl, ITERATIONS);
    const slow = LATENCY_ITERATIONS > 0 ? await phase('latency', LATENCY, databaseUrl, LATENCY_ITERATIONS) : null;

    const cached = summarise(fast, 'cached');
    const live = summarise(fast, 'live');
    const cachedSlow = slow ? summarise(slow, 'cached') : null;
    const liveSlow = slow ? summarise(slow, 'live') : null;
    if (args.json) {
      console.log(JSON.stringify({ store, iterations: ITERATIONS, latencyMs: LATENCY, cached, live, cachedSlow, liveSlow }, null, 2));
    } else {
      console.log(`\nms per user action on ${store}; raw = the same Flinks calls straight to the standalone simulator; /simulator = the same calls to the app's mounted simulator; own = app − actions × empty action − raw\n`);
      console.log(report('No upstream latency', [['cached authorize', cached], ['live MFA flow', live]], true));
      if (cachedSlow && liveSlow) console.log(`\n${report(`${LATENCY} ms upstream latency per call`, [['cached authorize', cachedSlow], ['live MFA flow', liveSlow]], true)}`);
    }
    const ratio = liveSlow && cachedSlow ? ` | ${LATENCY} ms upstream: app/raw cached ${cachedSlow.ratioP50.toFixed(3)}/${cachedSlow.ratioP95.toFixed(3)}, live ${liveSlow.ratioP50.toFixed(3)}/${liveSlow.ratioP95.toFixed(3)} (p50/p95)` : '';
    console.log(
      `\nSummary (${store}): own cost p50 cached authorize ${ms(cached.ownP50)} ms (target ≤ 3), live MFA flow ${ms(live.ownP50)} ms; empty action p50 ${ms(cached.empty.p50)} ms${ratio}`,
    );
    return 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    return 1;
  } finally {
    await cleanup();
  }
}

process.exitCode = await main();
