import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Page weight (issue 10): what a 'use client' module imports ships to every browser that loads it.
 * zod stays on the server (the browser checks with zod-free modules such as form-check.ts), and
 * TanStack Query only ships with the session page, the one page that polls. This walks the import
 * graph the way the bundler splits it: server modules until a 'use client' boundary, then every
 * value import below it; a 'use server' module is only a reference from the client.
 */

const ROOT = resolve(__dirname, '..');
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

type Source = { file: string; directive: 'client' | 'server' | null; imports: string[] };
const sources = new Map<string, Source>();

function read(file: string): Source {
  const known = sources.get(file);
  if (known) return known;
  const text = readFileSync(file, 'utf8');
  const head = text.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, '');
  const directive = /^['"]use client['"]/.test(head) ? 'client' : /^['"]use server['"]/.test(head) ? 'server' : null;
  const imports: string[] = [];
  // Type-only imports and re-exports are erased before bundling; so is `import { type A, type B }`.
  const statement = /(?:^|\n)\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(statement)) {
    const [, , typeOnly, clause, from, bare, dynamic] = m;
    if (bare || dynamic) {
      imports.push((bare ?? dynamic)!);
      continue;
    }
    if (typeOnly) continue;
    const braces = clause?.match(/\{([^}]*)\}/);
    const outside = clause?.replace(/\{[^}]*\}/, '').replace(/[\s,]/g, '');
    const names = braces ? braces[1]!.split(',').map((s) => s.trim()).filter(Boolean) : [];
    if (braces && !outside && names.length > 0 && names.every((n) => n.startsWith('type '))) continue;
    imports.push(from!);
  }
  const source = { file, directive, imports } as const;
  sources.set(file, source);
  return source;
}

function resolveLocal(spec: string, from: string): string | null {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(from), spec) : null;
  if (!base) return null;
  for (const ext of ['', ...EXTENSIONS]) {
    const file = base + ext;
    if (existsSync(file) && statSync(file).isFile()) return file;
  }
  return null;
}

/** Packages the browser loads for these entry modules, each with the client module that imports it. */
function clientPackages(entries: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (file: string, client: boolean) => {
    const src = read(file);
    if (client && src.directive === 'server') return;
    const inClient = client || src.directive === 'client';
    const key = `${file}:${inClient}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const spec of src.imports) {
      const local = resolveLocal(spec, file);
      if (local) walk(local, inClient);
      else if (inClient && !spec.startsWith('.') && !spec.startsWith('@/') && !found.has(spec)) found.set(spec, relative(ROOT, file));
    }
  };
  for (const entry of entries) walk(join(ROOT, entry), false);
  return found;
}

const isZod = (spec: string) => spec === 'zod' || spec.startsWith('zod/');
const isQuery = (spec: string) => spec.startsWith('@tanstack/');

function filesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return filesUnder(path);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [path] : [];
  });
}

describe('what ships to the browser', () => {
  it('no client module reaches zod, however indirectly', () => {
    const clientFiles = [...filesUnder('app'), ...filesUnder('components')].filter((f) => read(join(ROOT, f)).directive === 'client');
    expect(clientFiles.length).toBeGreaterThan(10);
    const zod = [...clientPackages(clientFiles)].filter(([spec]) => isZod(spec));
    expect(zod).toEqual([]);
  });

  it.each([
    ['home', ['app/layout.tsx', 'app/page.tsx']],
    ['history', ['app/layout.tsx', 'app/sessions/page.tsx']],
  ])('the %s page loads neither zod nor TanStack Query', (_page, entries) => {
    const heavy = [...clientPackages(entries)].filter(([spec]) => isZod(spec) || isQuery(spec));
    expect(heavy).toEqual([]);
  });

  it('the session page, which polls, gets TanStack Query from its own layout and still no zod', () => {
    const packages = clientPackages(['app/layout.tsx', 'app/sessions/[id]/layout.tsx', 'app/sessions/[id]/page.tsx']);
    expect([...packages.keys()].filter(isZod)).toEqual([]);
    expect(packages.has('@tanstack/react-query')).toBe(true);
  });

  it('sees through the walk: an indirect zod import is caught, type imports and server actions are not', () => {
    // Guards the guard: were the import parsing broken, the tests above would pass on nothing.
    expect([...clientPackages(['test/fixtures/client-imports/leaky.tsx'])]).toContainEqual(['zod', 'lib/inspector/form-schema.ts']);
    expect([...clientPackages(['test/fixtures/client-imports/type-only.tsx']).keys()].filter(isZod)).toEqual([]);
  });
});
