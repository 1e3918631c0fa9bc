/**
 * Latency of the history page's queries at scale, through the store's own methods.
 *
 *   npm run bench:history                        # PGlite in .data/bench-pglite and PostgreSQL from
 *                                                # scripts/ensure-postgres.sh (database inspector_bench)
 *   npm run bench:history -- --postgres URL      # only that database
 *   npm run bench:history -- --pglite DIR --inspections 100000 --iterations 200
 *
 * Seeds the synthetic history first when the database holds less than --inspections (see
 * lib/store/seed.ts). Not part of the test suite: it takes minutes and wants an idle machine.
 */
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { DrizzleStore } from '../lib/store/drizzle-store';
import { openDatabase, type DatabaseConfig } from '../lib/store/open-database';
import { SEED_INSTITUTIONS, SEED_NEWEST, SEED_SPACING_MS, seedHistory, seedValues } from '../lib/store/seed';
import type { InspectionMode } from '../lib/store/types';

const argv = process.argv.slice(2);
const get = (flag: string) => {
  const at = argv.indexOf(flag);
  return at >= 0 ? argv[at + 1] : undefined;
};
const inspections = Number(get('--inspections') ?? 100_000);
const iterations = Number(get('--iterations') ?? 200);
const DAY = 86_400_000;

function targets(): DatabaseConfig[] {
  const pglite = get('--pglite');
  const postgres = get('--postgres');
  if (pglite || postgres) {
    return [
      ...(pglite ? [{ kind: 'pglite', dataDir: pglite } as const] : []),
      ...(postgres ? [{ kind: 'postgres', url: postgres } as const] : []),
    ];
  }
  const out = execFileSync('scripts/ensure-postgres.sh', { env: { ...process.env, PGTEST_DB: 'inspector_bench' } });
  const url = out.toString().trim().replace(/^TEST_DATABASE_URL=/, '');
  return [{ kind: 'pglite', dataDir: '.data/bench-pglite' }, { kind: 'postgres', url }];
}

/** Seeded PRNG (mulberry32): every run aims at the same rows, so figures compare across runs. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Sample = { ms: number[]; rows: number };
const percentile = (sorted: number[], p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;

async function bench(config: DatabaseConfig) {
  const label = config.kind === 'pglite' ? `PGlite (${config.dataDir})` : 'PostgreSQL';
  const open = await openDatabase(config);
  const seeded = await seedHistory(open, inspections, (line) => process.stdout.write(`\r${label} seeding: ${line}`));
  if (seeded.added) process.stdout.write(`\n${label}: seeded ${seeded.added} inspections in ${seeded.seconds.toFixed(1)}s\n`);
  const store = new DrizzleStore(open.db, open.close);
  const ids = (await open.rows<{ id: string }>(sql`select id from inspections order by random() limit ${iterations}`)).map((r) => r.id);
  const rand = prng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const spanDays = Math.floor((inspections * SEED_SPACING_MS) / DAY);
  const results = new Map<string, Sample>();
  const time = async (name: string, timed: boolean, fn: () => Promise<number>) => {
    const t0 = performance.now();
    const rows = await fn();
    const ms = performance.now() - t0;
    if (!timed) return;
    const s = results.get(name) ?? { ms: [], rows: 0 };
    s.ms.push(ms);
    s.rows += rows;
    results.set(name, s);
  };

  const warmup = 20;
  for (let k = 0; k < warmup + iterations; k += 1) {
    const timed = k >= warmup;
    const i = 1 + Math.floor(rand() * inspections);
    const to = new Date(SEED_NEWEST.getTime() - Math.floor(rand() * Math.max(spanDays - 30, 1)) * DAY);
    const filter = {
      // Lower-cased on purpose: the history page's institution match ignores case.
      institution: pick(SEED_INSTITUTIONS).toLowerCase(),
      mode: pick<InspectionMode>(['cached', 'live']),
      from: new Date(to.getTime() - 30 * DAY),
      to,
    };
    let cursor: string | null = null;
    await time('list: institution+mode+30 days, 50 rows', timed, async () => {
      const page = await store.listInspections(filter, { limit: 50 });
      cursor = page.nextCursor;
      return page.items.length;
    });
    await time('list: the next page (cursor)', timed, async () =>
      cursor ? (await store.listInspections(filter, { cursor, limit: 50 })).items.length : 0,
    );
    const v = seedValues(i);
    await time('lookup by LoginId', timed, async () => (await store.listInspections({ loginId: v.loginId }, { limit: 50 })).items.length);
    await time('lookup by RequestId', timed, async () => (await store.listInspections({ requestId: v.requestId }, { limit: 50 })).items.length);
    await time('lookup by Tag (50 rows)', timed, async () => (await store.listInspections({ tag: v.tag }, { limit: 50 })).items.length);
    await time('inspection + its steps', timed, async () => {
      const id = ids[k % ids.length]!;
      const [inspection, steps] = [await store.getInspection(id), await store.listSteps(id)];
      return (inspection ? 1 : 0) + steps.length;
    });
  }
  await store.close();
  return { label, results };
}

const report: string[] = [];
for (const config of targets()) {
  const { label, results } = await bench(config);
  report.push('', `${label}: ${inspections} inspections, ${inspections * 10} steps, ${iterations} iterations`);
  report.push(`  ${'query'.padEnd(42)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'max ms'.padStart(8)} ${'rows/call'.padStart(10)}`);
  for (const [name, s] of results) {
    const sorted = [...s.ms].sort((a, b) => a - b);
    const f = (n: number) => n.toFixed(2).padStart(8);
    report.push(`  ${name.padEnd(42)} ${f(percentile(sorted, 0.5))} ${f(percentile(sorted, 0.95))} ${f(sorted.at(-1) ?? NaN)} ${(s.rows / s.ms.length).toFixed(1).padStart(10)}`);
  }
}
console.log(report.join('\n'));
