/**
 * A bare Next.js app (a layout and a page with nothing in them) built with this project's own next
 * and react in a temp folder: no install, no network. bench:bundle weighs its first load and
 * bench:lighthouse scores it, so our figures are read against what Next.js alone costs with this
 * version, on this machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, parse, sep } from 'node:path';

export type Result<T> = { ok: true; value: T } | { ok: false; message: string };

export const nextBin = (root: string) => join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

export function nextBuild(dir: string, bin: string): Result<null> {
  // Telemetry off: this runs with no network besides the registry, and the timing is ours to keep.
  const run = spawnSync(process.execPath, [bin, 'build'], {
    cwd: dir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status === 0) return { ok: true, value: null };
  return { ok: false, message: `next build failed in ${dir}:\n${run.stdout}\n${run.stderr}` };
}

/** The deepest folder holding both paths: Turbopack compiles nothing outside its root. */
function commonRoot(a: string, b: string): string {
  const pa = a.split(sep);
  const pb = b.split(sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i += 1;
  return pa.slice(0, i).join(sep) || parse(a).root;
}

/** Builds the bare app; the caller measures or serves `dir`, then calls `remove`. */
export function buildBareApp(root: string): Result<{ dir: string; remove: () => void }> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'bench-bare-next-')));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const modules = realpathSync(join(root, 'node_modules'));
  mkdirSync(join(dir, 'app'));
  symlinkSync(modules, join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'bench-bare-next', private: true }));
  writeFileSync(join(dir, 'next.config.mjs'), `export default { turbopack: { root: ${JSON.stringify(commonRoot(dir, dirname(modules)))} } };\n`);
  // Plain JSX: no tsconfig to generate, nothing that changes the client bundle.
  writeFileSync(join(dir, 'app', 'layout.jsx'), 'export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n');
  writeFileSync(join(dir, 'app', 'page.jsx'), 'export default function Page() {\n  return <p>Bare page</p>;\n}\n');
  const built = nextBuild(dir, nextBin(root));
  if (!built.ok) {
    remove();
    return built;
  }
  return { ok: true, value: { dir, remove } };
}
