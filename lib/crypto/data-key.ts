import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataKey, keyringOf, newDataKeyBytes, parseDataKeyText, type Keyring } from './seal';

/**
 * Where the data key comes from: INSPECTOR_DATA_KEY when the deployment provides one (it should,
 * and back it up: without it sealed data cannot be read), else a key generated on first start into
 * DATA_DIR/data-key (mode 0600) and reused afterwards, so a fresh clone works with no set-up.
 */

export const DATA_KEY_FILE = 'data-key';

export type KeySource = {
  /** INSPECTOR_DATA_KEY, already validated. */
  configured: Buffer | null;
  /** INSPECTOR_DATA_KEY_PREVIOUS: older keys still accepted for opening during a rotation. */
  previous: readonly Buffer[];
  dataDir: string;
};

export type LoadedKeyring = { keyring: Keyring; source: 'environment' | 'file'; file: string | null };

export function loadKeyring(src: KeySource): LoadedKeyring {
  const previous = src.previous.map(dataKey);
  if (src.configured) return { keyring: keyringOf(dataKey(src.configured), previous), source: 'environment', file: null };
  const file = path.resolve(src.dataDir, DATA_KEY_FILE);
  return { keyring: keyringOf(dataKey(readOrCreate(file)), previous), source: 'file', file };
}

function readOrCreate(file: string): Buffer {
  try {
    return parseKeyFile(file, readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const bytes = newDataKeyBytes();
  try {
    // 'wx': two processes starting at once must not each write a different key.
    writeFileSync(file, `${bytes.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600); // the umask may have narrowed the mode; never widened it
    return bytes;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    return parseKeyFile(file, readFileSync(file, 'utf8'));
  }
}

function parseKeyFile(file: string, text: string): Buffer {
  const bytes = parseDataKeyText(text);
  // Never replace an unreadable key file: the data sealed with it would be lost for good.
  if (!bytes) throw new Error(`${file} does not hold a 32-byte data key (base64 or hex). Restore it from a backup or set INSPECTOR_DATA_KEY.`);
  return bytes;
}
