import 'server-only';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * A key that must survive restarts but that nobody configured (the embedded default): generated
 * once into DATA_DIR with mode 0600 and read back afterwards. `wx` makes two processes starting at
 * once agree on the first file written. A deployment sets its own through the environment.
 */
export function keyFromFile(dataDir: string, name: string, bytes = 32): string {
  const file = path.resolve(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(bytes).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
  chmodSync(file, 0o600);
  return readFileSync(file, 'utf8').trim();
}
