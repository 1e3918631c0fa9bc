/**
 * First-load JavaScript per page, gzipped, against a bare page built with the same Next.js.
 *
 *   npm run bench:bundle                 # next build, then a bare app in a temp folder, then the table
 *   npm run bench:bundle -- --no-build   # measure the existing .next (still builds the bare app)
 *   npm run bench:bundle -- --json       # the figures as JSON instead of the table
 *
 * What counts: the chunks Next itself lists per route in .next/diagnostics/route-bundle-stats.json
 * (runtime, framework, layout and page chunks a first visit downloads), each gzipped with node:zlib at
 * its default level, as a compressing server would send it. The nomodule polyfills are listed apart:
 * modern browsers never download them. Exits 1 when the home page exceeds the bare page by more than
 * the budget (issue 10), so CI can hold the line. Not part of the test suite: two builds take a minute or two.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildBareApp, nextBin, nextBuild, type Result } from './bare-next-app';

const BUDGET_KB = 25;
const HOME = '/';

const argv = process.argv.slice(2);
const noBuild = argv.includes('--no-build');
const asJson = argv.includes('--json');
const root = process.cwd();

type RouteStats = { route: string; chunks: number; rawBytes: number; gzipBytes: number };
type Measured = { routes: RouteStats[]; polyfillGzipBytes: number };

const kb = (bytes: number) => bytes / 1000;
const fmt = (bytes: number) => kb(bytes).toFixed(1);

function gzipSize(file: string): number {
  return gzipSync(readFileSync(file)).length;
}

/** Reads what Next recorded per route and weighs each route's first-load chunks. */
function measure(dir: string): Result<Measured> {
  const statsFile = join(dir, '.next', 'diagnostics', 'route-bundle-stats.json');
  if (!existsSync(statsFile)) return { ok: false, message: `${statsFile} is missing: build first (or drop --no-build).` };
  const stats = JSON.parse(readFileSync(statsFile, 'utf8')) as { route: string; firstLoadChunkPaths: string[] }[];
  const sizes = new Map<string, { raw: number; gzip: number }>();
  const sizeOf = (chunk: string) => {
    const known = sizes.get(chunk);
    if (known) return known;
    const file = join(dir, chunk);
    const size = { raw: readFileSync(file).length, gzip: gzipSize(file) };
    sizes.set(chunk, size);
    return size;
  };
  const routes = stats.map((s) => {
    const each = s.firstLoadChunkPaths.map(sizeOf);
    return {
      route: s.route,
      chunks: each.length,
      rawBytes: each.reduce((t, c) => t + c.raw, 0),
      gzipBytes: each.reduce((t, c) => t + c.gzip, 0),
    };
  });
  const manifest = JSON.parse(readFileSync(join(dir, '.next', 'build-manifest.json'), 'utf8')) as { polyfillFiles?: string[] };
  const polyfillGzipBytes = (manifest.polyfillFiles ?? []).reduce((t, f) => t + gzipSize(join(dir, '.next', f)), 0);
  return { ok: true, value: { routes: routes.sort((a, b) => a.route.localeCompare(b.route)), polyfillGzipBytes } };
}

/** The bare app's first-load figures (scripts/bare-next-app.ts). */
function measureBare(): Result<Measured> {
  const bare = buildBareApp(root);
  if (!bare.ok) return bare;
  try {
    return measure(bare.value.dir);
  } finally {
    bare.value.remove();
  }
}

function main(): number {
  if (!noBuild) {
    const built = nextBuild(root, nextBin(root));
    if (!built.ok) return fail(built.message);
  }
  const app = measure(root);
  if (!app.ok) return fail(app.message);
  const bare = measureBare();
  if (!bare.ok) return fail(bare.message);

  const bareHome = bare.value.routes.find((r) => r.route === HOME);
  const home = app.value.routes.find((r) => r.route === HOME);
  if (!bareHome || !home) return fail('No "/" route in the route bundle stats.');
  const delta = home.gzipBytes - bareHome.gzipBytes;
  const withinBudget = kb(delta) <= BUDGET_KB;
  const nextVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'next', 'package.json'), 'utf8')) as { version: string }).version;

  if (asJson) {
    console.log(JSON.stringify({ next: nextVersion, budgetKb: BUDGET_KB, bare: bareHome, polyfillGzipBytes: app.value.polyfillGzipBytes, routes: app.value.routes, homeDeltaBytes: delta, withinBudget }, null, 2));
    return withinBudget ? 0 : 1;
  }

  const rows = [
    ['route', 'chunks', 'raw kB', 'gzip kB', 'Δ bare gzip kB'],
    ...app.value.routes.map((r) => [r.route, String(r.chunks), fmt(r.rawBytes), fmt(r.gzipBytes), `${r.gzipBytes >= bareHome.gzipBytes ? '+' : ''}${fmt(r.gzipBytes - bareHome.gzipBytes)}`]),
    ['(bare Next.js page)', String(bareHome.chunks), fmt(bareHome.rawBytes), fmt(bareHome.gzipBytes), '0.0'],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`First-load JavaScript per route, Next.js ${nextVersion} (kB = 1000 bytes, gzip at zlib's default level)\n`);
  console.log(line(rows[0]!));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1)) console.log(line(r));
  console.log(`\nNot counted: ${fmt(app.value.polyfillGzipBytes)} kB gzip of nomodule polyfills, which modern browsers skip.`);
  console.log(`Home page: ${fmt(home.gzipBytes)} kB gzip = bare ${fmt(bareHome.gzipBytes)} kB ${delta >= 0 ? '+' : '-'} ${fmt(Math.abs(delta))} kB (budget +${BUDGET_KB} kB): ${withinBudget ? 'within budget' : 'OVER BUDGET'}.`);
  return withinBudget ? 0 : 1;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}

process.exitCode = main();
