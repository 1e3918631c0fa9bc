import { dataKey, keyringOf, newDataKeyBytes, type Keyring } from './seal';

/** A fresh random keyring, for tests and scripts that never read what they seal in another process. */
export function testKeyring(): Keyring {
  return keyringOf(dataKey(newDataKeyBytes()));
}
