import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { MAX_BUNDLE_BYTES, parseSupportBundle, type ReplayBundle } from './bundle';

/**
 * `npm run simulator -- --replay bundle.json [--replay other.json]`: the support bundles the
 * standalone simulator replays from its start. Every problem is one line naming the file.
 */

export type LoadedReplays = { ok: true; bundles: { file: string; bundle: ReplayBundle }[] } | { ok: false; problems: string[] };

export function loadReplayArgs(argv: readonly string[]): LoadedReplays {
  let files: string[];
  try {
    const { values } = parseArgs({ args: [...argv], options: { replay: { type: 'string', multiple: true } }, strict: true, allowPositionals: false });
    files = values.replay ?? [];
  } catch (err) {
    return { ok: false, problems: [`${err instanceof Error ? err.message : String(err)}. Usage: npm run simulator -- [--replay bundle.json]…`] };
  }
  const bundles: { file: string; bundle: ReplayBundle }[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      // Refuse a huge file before reading it into memory.
      if (statSync(file).size > MAX_BUNDLE_BYTES) {
        problems.push(`${file}: larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB, the limit of a support bundle.`);
        continue;
      }
      bytes = readFileSync(file);
    } catch (err) {
      problems.push(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
      continue;
    }
    const parsed = parseSupportBundle(bytes);
    if (parsed.ok) bundles.push({ file, bundle: parsed.bundle });
    else problems.push(`${file}: ${parsed.problem}`);
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, bundles };
}

/** What the start line says about each replay: the LoginId to open and the steps it will answer with. */
export function describeReplay(file: string, bundle: ReplayBundle): string {
  const who = bundle.username ? ` (${bundle.username})` : '';
  return `Replaying ${file}${who}: LoginId ${bundle.loginId}, ${bundle.steps.length} step${bundle.steps.length === 1 ? '' : 's'}: ${bundle.steps.join(', ')}`;
}
