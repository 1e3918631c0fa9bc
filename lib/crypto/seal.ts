import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for what identifies a customer (the original Flinks responses, MFA authorize
 * tokens): AES-256-GCM, a fresh random 96-bit IV per value, the 128-bit tag checked on open.
 *
 * Sealed text: `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts). The key id is a short
 * fingerprint of the key, so a server holding several keys (the current one and previous ones,
 * during a rotation) knows which one opens a value without trying them all. The version, key id and
 * a caller-chosen context (what the value is, e.g. "steps.response") are authenticated as
 * associated data: a value cannot be moved to another column or relabelled with another key id.
 * Wrong key, tampering and garbage are results, not exceptions.
 */

export const DATA_KEY_BYTES = 32;
const FORMAT = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type DataKey = { id: string; key: Buffer };
/** `current` seals; every key (current first) may open. */
export type Keyring = { current: DataKey; all: readonly DataKey[] };

export type OpenResult =
  | { ok: true; value: string }
  | { ok: false; reason: 'malformed' | 'unknown_key' | 'tampered'; message: string };

/** A key from its 32 bytes; the id is a fingerprint, not the key (32 bits of a domain-separated hash). */
export function dataKey(bytes: Buffer): DataKey {
  if (bytes.length !== DATA_KEY_BYTES) throw new Error(`a data key is ${DATA_KEY_BYTES} bytes, got ${bytes.length}`);
  const id = createHash('sha256').update('flinks-inspector/data-key-id\0').update(bytes).digest('hex').slice(0, 8);
  return { id, key: Buffer.from(bytes) };
}

export function keyringOf(current: DataKey, previous: readonly DataKey[] = []): Keyring {
  return { current, all: [current, ...previous.filter((k) => k.id !== current.id)] };
}

/** 32 bytes written as 64 hex digits or as base64 (standard or url-safe); null for anything else. */
export function parseDataKeyText(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(t)) return null;
  const bytes = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return bytes.length === DATA_KEY_BYTES ? bytes : null;
}

export function newDataKeyBytes(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

const aad = (keyId: string, context: string) => Buffer.from(`${FORMAT}.${keyId}.${context}`, 'utf8');

export function seal(ring: Keyring, plaintext: string, context: string): string {
  const { id, key } = ring.current;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad(id, context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [FORMAT, id, iv.toString('base64url'), tag.toString('base64url'), body.toString('base64url')].join('.');
}

const B64URL = /^[A-Za-z0-9_-]*$/;

export function open(ring: Keyring, sealed: string, context: string): OpenResult {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== FORMAT || !parts.slice(2).every((p) => B64URL.test(p))) {
    return { ok: false, reason: 'malformed', message: 'This value is not sealed data this dashboard recognises.' };
  }
  const [, keyId, ivText, tagText, bodyText] = parts as [string, string, string, string, string];
  const found = ring.all.find((k) => k.id === keyId);
  if (!found) {
    return { ok: false, reason: 'unknown_key', message: `This value was sealed with data key ${keyId}, which this server does not hold.` };
  }
  const iv = Buffer.from(ivText, 'base64url');
  const tag = Buffer.from(tagText, 'base64url');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
    return { ok: false, reason: 'malformed', message: 'This sealed value is truncated.' };
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', found.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(aad(keyId, context));
    decipher.setAuthTag(tag);
    const value = Buffer.concat([decipher.update(Buffer.from(bodyText, 'base64url')), decipher.final()]).toString('utf8');
    return { ok: true, value };
  } catch {
    // GCM's tag check is the only failure left: changed bytes, another context, or a key with a colliding id.
    return { ok: false, reason: 'tampered', message: 'This sealed value fails its integrity check (altered, or sealed for another use).' };
  }
}
