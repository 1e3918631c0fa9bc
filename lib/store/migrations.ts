import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Where drizzle-kit's output lives at runtime. Bundled server code has no reliable
 * import.meta.url (Next moves it under .next/), so we look from the working directory upwards:
 * `next start`, vitest and the scripts all run from the project root or below it.
 */
export function findMigrationsFolder(start: string = process.cwd()): string {
  let dir = path.resolve(start);
  for (;;) {
    const candidate = path.join(dir, 'drizzle');
    if (existsSync(path.join(candidate, 'meta', '_journal.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(`No drizzle/meta/_journal.json found from ${start} upwards; run from the project root.`);
    }
    dir = parent;
  }
}
