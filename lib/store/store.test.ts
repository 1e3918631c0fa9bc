import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from './create-store';
import { decodeCursor, encodeCursor } from './cursor';
import { contractSuite, step, testClock } from './store-contract';

contractSuite('memory', async (now) => createStore({ kind: 'memory', now }));
contractSuite('pglite (in memory)', async (now) => createStore({ kind: 'pglite', now }));
// On disk, PGlite runs in a worker thread (pglite-thread-client.ts): the same contract through it,
// transactions, lost races and errors included.
const diskDir = mkdtempSync(path.join(tmpdir(), 'store-thread-'));
afterAll(() => rmSync(diskDir, { recursive: true, force: true }));
contractSuite('pglite (on disk, worker thread)', async (now) => createStore({ kind: 'pglite', dataDir: path.join(diskDir, 'pglite'), now }));

// The Postgres leg runs whenever TEST_DATABASE_URL is set (CI: `export $(scripts/ensure-postgres.sh)`).
// Each run gets its own throwaway database so parallel runs and leftovers cannot interfere.
const adminUrl = process.env.TEST_DATABASE_URL;
const runDb = `inspector_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const runUrl = (() => {
  if (!adminUrl) return '';
  const u = new URL(adminUrl);
  u.pathname = `/${runDb}`;
  return u.toString();
})();
const withAdmin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
};

if (adminUrl) {
  contractSuite('postgres', async (now) => {
    await withAdmin((c) => c.query(`create database ${runDb}`));
    return createStore({ kind: 'postgres', url: runUrl, now });
  });
  afterAll(async () => {
    await withAdmin((c) => c.query(`drop database if exists ${runDb} with (force)`));
  });

  describe('postgres specifics', () => {
    it('settle commits on the connection it takes: another connection sees it at once, and no transaction is left open', async () => {
      const store = await createStore({ kind: 'postgres', url: runUrl });
      const db = new pg.Client({ connectionString: runUrl });
      await db.connect();
      try {
        const i = await store.createInspection({ mode: 'cached', environment: 'x' });
        const settled = await store.settle(i.id, { step: step(), transition: { from: ['in_progress'], patch: { status: 'authorized' } } });
        expect(settled.ok).toBe(true);
        const { rows } = await db.query('select status, step_count from inspections where id = $1', [i.id]);
        expect(rows).toEqual([{ status: 'authorized', step_count: 1 }]);
        const openTransactions = async () =>
          (await db.query("select count(*)::int as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'")).rows;
        expect(await openTransactions()).toEqual([{ n: 0 }]);
        // One that fails after BEGIN (a value that cannot be written) is rolled back before its connection goes back.
        const j = await store.createInspection({ mode: 'cached', environment: 'x' });
        await expect(store.settle(j.id, { step: step({ startedAt: new Date(Number.NaN) }), transition: { from: ['in_progress'], patch: { status: 'failed' } } })).rejects.toThrow();
        expect(await openTransactions()).toEqual([{ n: 0 }]);
        expect(await store.settle(j.id, { step: step(), transition: { from: ['in_progress'], patch: { status: 'failed' } } })).toMatchObject({ ok: true, inspection: { status: 'failed' } });
      } finally {
        await db.end();
        await store.close();
      }
    });

    it('stores request/response as real jsonb objects, not JSON strings', async () => {
      const store = await createStore({ kind: 'postgres', url: runUrl });
      const i = await store.createInspection({ mode: 'live', environment: 'x' });
      await store.appendStep(i.id, step());
      await store.close();
      const db = new pg.Client({ connectionString: runUrl });
      await db.connect();
      const { rows } = await db.query('select jsonb_typeof(request) as t from steps where inspection_id = $1', [i.id]);
      await db.end();
      expect(rows).toEqual([{ t: 'object' }]);
    });
  });
} else {
  describe('InspectionStore contract: postgres', () => {
    it.skip('skipped: TEST_DATABASE_URL is not set (see scripts/ensure-postgres.sh)', () => {});
  });
}

describe('pglite on disk', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inspector-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across close and reopen of the same folder', async () => {
    const dataDir = path.join(dir, 'pglite');
    const first = await createStore({ kind: 'pglite', dataDir, now: testClock() });
    const i = await first.createInspection({ mode: 'cached', environment: 'simulator', institution: 'FlinksCapital' });
    await first.updateInspection(i.id, { loginId: 'login-persist', status: 'authorized' });
    await first.appendStep(i.id, step());
    await first.putContinuation({ inspectionId: i.id, authorizeToken: 't', requestId: 'r', expiresAt: new Date(Date.UTC(2030, 0, 1)) });
    await first.close();

    // Reopening also re-runs the migrator, which must be a no-op on an up-to-date folder.
    const second = await createStore({ kind: 'pglite', dataDir });
    expect(await second.getInspection(i.id)).toMatchObject({ loginId: 'login-persist', status: 'authorized' });
    expect((await second.listSteps(i.id)).map((s) => s.seq)).toEqual([1]);
    expect((await second.appendStep(i.id, step())).seq).toBe(2);
    expect(await second.getContinuation(i.id)).toMatchObject({ authorizeToken: 't' });
    expect((await second.listInspections({ loginId: 'login-persist' }, { limit: 5 })).items).toHaveLength(1);
    await second.close();

    const raw = await PGlite.create(dataDir);
    const { rows } = await raw.query<{ t: string }>('select jsonb_typeof(request) as t from steps');
    await raw.close();
    expect(rows.map((r) => r.t)).toEqual(['object', 'object']);
  }, 60_000);
});

describe('cursor', () => {
  it('round-trips and rejects what it did not issue', () => {
    const key = { createdAt: new Date('2025-01-02T03:04:05.678Z'), id: randomUUID() };
    expect(decodeCursor(encodeCursor(key))).toEqual(key);
    for (const bad of ['', 'x', Buffer.from('[1,"nope"]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url')]) {
      expect(decodeCursor(bad)).toBeNull();
    }
  });
});
