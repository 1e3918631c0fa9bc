import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The `fsi` command line as a separate process, with a config folder of its own (a fresh user). */
export type FsiRun = { code: number; stdout: string; stderr: string };

export function fsiHome(): string {
  return mkdtempSync(path.join(tmpdir(), 'fsi-e2e-'));
}

export function fsi(home: string, args: string[], opts: { input?: string; env?: Record<string, string> } = {}): Promise<FsiRun> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.resolve('bin/fsi.mjs'), ...args],
      { cwd: home, env: { NODE_ENV: 'test', PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), ...opts.env }, encoding: 'utf8', timeout: 120_000 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(opts.input ?? '');
  });
}
