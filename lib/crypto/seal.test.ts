import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKeyring } from './data-key';
import { dataKey, keyringOf, newDataKeyBytes, open, parseDataKeyText, seal } from './seal';

const ring = keyringOf(dataKey(newDataKeyBytes()));

describe('seal / open', () => {
  it('round-trips, with a fresh IV each time', () => {
    const text = 'John Doe · johndoe@flinks.io · ✓';
    const a = seal(ring, text, 'steps.response');
    const b = seal(ring, text, 'steps.response');
    expect(a).not.toBe(b);
    expect(a).not.toContain('John');
    expect(a.startsWith(`v1.${ring.current.id}.`)).toBe(true);
    expect(open(ring, a, 'steps.response')).toEqual({ ok: true, value: text });
    expect(open(ring, seal(ring, '', 'x'), 'x')).toEqual({ ok: true, value: '' });
  });

  it('answers unknown_key for another key, and opens with a previous key after a rotation', () => {
    const other = keyringOf(dataKey(newDataKeyBytes()));
    const sealed = seal(ring, 'secret', 'c');
    expect(open(other, sealed, 'c')).toMatchObject({ ok: false, reason: 'unknown_key' });
    const rotated = keyringOf(other.current, [ring.current]);
    expect(open(rotated, sealed, 'c')).toEqual({ ok: true, value: 'secret' });
    expect(seal(rotated, 'x', 'c').split('.')[1]).toBe(other.current.id);
  });

  it('answers tampered for changed bytes, a swapped key id or another context', () => {
    const sealed = seal(ring, 'the original response', 'steps.response');
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4]!, 'base64url');
    body[0] = body[0]! ^ 1;
    const flipped = [...parts.slice(0, 4), body.toString('base64url')].join('.');
    expect(open(ring, flipped, 'steps.response')).toMatchObject({ ok: false, reason: 'tampered' });
    expect(open(ring, sealed, 'mfa.authorize_token')).toMatchObject({ ok: false, reason: 'tampered' });
    const tag = Buffer.from(parts[3]!, 'base64url');
    tag[5] = tag[5]! ^ 0x80;
    expect(open(ring, [...parts.slice(0, 3), tag.toString('base64url'), parts[4]].join('.'), 'steps.response')).toMatchObject({ ok: false, reason: 'tampered' });
  });

  it('answers malformed for garbage, never throws', () => {
    for (const bad of ['', 'hello', 'v1.a.b.c', 'v2.x.y.z.w', `v1.${ring.current.id}.!!.??.**`, `v1.${ring.current.id}.AAAA.AAAA.AAAA`]) {
      const r = open(ring, bad, 'c');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(['malformed', 'unknown_key']).toContain(r.reason);
    }
  });
});

describe('parseDataKeyText', () => {
  it('accepts 32 bytes as hex or base64, nothing else', () => {
    const bytes = newDataKeyBytes();
    expect(parseDataKeyText(bytes.toString('hex'))).toEqual(bytes);
    expect(parseDataKeyText(bytes.toString('base64'))).toEqual(bytes);
    expect(parseDataKeyText(` ${bytes.toString('base64url')}\n`)).toEqual(bytes);
    expect(parseDataKeyText(bytes.subarray(0, 16).toString('base64'))).toBeNull();
    expect(parseDataKeyText('correct horse battery staple')).toBeNull();
  });
});

describe('loadKeyring', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inspector-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('generates DATA_DIR/data-key (0600) on first start and reuses it', () => {
    const dataDir = path.join(dir, 'fresh');
    const first = loadKeyring({ configured: null, previous: [], dataDir });
    expect(first.source).toBe('file');
    expect(statSync(first.file!).mode & 0o777).toBe(0o600);
    const again = loadKeyring({ configured: null, previous: [], dataDir });
    expect(again.keyring.current.id).toBe(first.keyring.current.id);
    expect(parseDataKeyText(readFileSync(first.file!, 'utf8'))).toEqual(first.keyring.current.key);
  });

  it('prefers the configured key and keeps previous ones for opening', () => {
    const configured = newDataKeyBytes();
    const old = newDataKeyBytes();
    const r = loadKeyring({ configured, previous: [old], dataDir: path.join(dir, 'unused') });
    expect(r).toMatchObject({ source: 'environment', file: null });
    expect(r.keyring.current).toEqual(dataKey(configured));
    expect(r.keyring.all.map((k) => k.id)).toEqual([dataKey(configured).id, dataKey(old).id]);
  });

  it('refuses to replace a key file it cannot read', () => {
    const dataDir = path.join(dir, 'broken');
    loadKeyring({ configured: null, previous: [], dataDir });
    writeFileSync(path.join(dataDir, 'data-key'), 'not a key');
    expect(() => loadKeyring({ configured: null, previous: [], dataDir })).toThrow(/Restore it from a backup/);
  });
});
