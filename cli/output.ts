import { colourWanted } from './config';
import type { Problem } from './client';

/**
 * Human output on stdout (results) and stderr (progress, problems); `--json` prints the API's
 * answers as they are, for scripts. Colours and in-place progress only on a terminal.
 */

const paint = (code: number) => (s: string) => (colourWanted(process.stdout) ? `\u001b[${code}m${s}\u001b[0m` : s);
export const green = paint(32);
export const red = paint(31);
export const yellow = paint(33);
export const dim = paint(2);
export const bold = paint(1);

export const print = (line = ''): void => void process.stdout.write(`${line}\n`);
export const printJson = (value: unknown): void => void process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
export const warn = (line: string): void => void process.stderr.write(`${line}\n`);

export function describeProblem(p: Problem): string {
  const lines = [`${p.status ? `${p.status} ` : ''}${p.title}${p.detail ? `: ${p.detail}` : ''}`];
  if (p.flinksCode) lines.push(`  FlinksCode ${p.flinksCode}: ${p.explanation ?? ''}`.trimEnd());
  if (p.whoActsLabel) lines.push(`  Who acts: ${p.whoActsLabel}. Retry: ${p.retryLabel ?? p.retry}.`);
  if (p.action) lines.push(`  Next: ${p.action}`);
  for (const [field, message] of Object.entries(p.errors ?? {})) lines.push(`  ${field}: ${message}`);
  return lines.join('\n');
}

/** "waiting… 12 s" on one line at a terminal; a line now and then elsewhere (CI logs). */
export function progress(label: string) {
  const started = Date.now();
  const tty = Boolean(process.stderr.isTTY);
  let last = 0;
  return {
    tick(note = '') {
      const s = Math.round((Date.now() - started) / 1000);
      if (tty) process.stderr.write(`\r${dim(`${label}… ${s} s ${note}`)}\u001b[K`);
      else if (s - last >= 10 || last === 0) {
        process.stderr.write(`${label}… ${s} s ${note}\n`);
        last = Math.max(s, 1);
      }
    },
    done() {
      if (tty) process.stderr.write('\r\u001b[K');
    },
  };
}
