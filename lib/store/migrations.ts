import { existsSync } from 'node:fs';
import path from 'node:path';

const hasJournal = (folder: string) => existsSync(path.join(/*turbopackIgnore: true*/ folder, 'meta', '_journal.json'));

/**
 * Where drizzle-kit's output lives at runtime. Bundled server code has no reliable
 * import.meta.url (Next moves it under .next/), so we go by the working directory: `next start`,
 * vitest and the scripts run from the project root; a script started from a subfolder finds it
 * by looking upwards.
 */
export function findMigrationsFolder(): string {
  // Statically scoped, so Next's file tracing ships exactly drizzle/ with the server output.
  const atRoot = path.join(process.cwd(), 'drizzle');
  if (hasJournal(atRoot)) return atRoot;
  // The upward search is for scripts only; kept out of Next's tracing, which would otherwise
  // include the whole project.
  let dir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), '..');
  for (;;) {
    const candidate = path.join(/*turbopackIgnore: true*/ dir, 'drizzle');
    if (hasJournal(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No drizzle/meta/_journal.json in ${process.cwd()} or above; run from the project root.`);
    }
    dir = parent;
  }
}
