import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from './create-store';
import { checkReadiness, latestMigration } from './readiness';
import type { InspectionStore } from './types';

const real = latestMigration();
const opened: InspectionStore[] = [];
// PGlite takes seconds to start: the checks that only read share one.
let shared: Promise<InspectionStore> | undefined;
const sharedPglite = () => (shared ??= pglite());
const pglite = async () => {
  const store = await createStore({ kind: 'pglite' });
  opened.push(store);
  return store;
};
afterAll(async () => {
  await Promise.all(opened.map((s) => s.close().catch(() => {})));
});

describe('latestMigration', () => {
  it('reads the newest entry of drizzle/meta/_journal.json', () => {
    expect(real.tag).toMatch(/^\d{4}_/);
    expect(real.when).toBeGreaterThan(0);
  });
});

describe('checkReadiness', () => {
  it('is ready on a migrated PGlite', async () => {
    const store = await sharedPglite();
    expect(await checkReadiness({ openStore: async () => store, latest: () => real })).toEqual({ ready: true });
  });

  it('is not ready when a newer migration has not been applied', async () => {
    const store = await sharedPglite();
    const next = { tag: '0099_future', when: real.when + 1 };
    expect(await checkReadiness({ openStore: async () => store, latest: () => next })).toEqual({ ready: false, reason: 'migration 0099_future not applied' });
  });

  it('is not ready when the database is ahead of this build', async () => {
    const store = await sharedPglite();
    const older = { tag: 'old', when: real.when - 1 };
    expect(await checkReadiness({ openStore: async () => store, latest: () => older })).toEqual({ ready: false, reason: 'database has migrations newer than this build' });
  });

  it('is not ready when no migration was ever recorded', async () => {
    const store = await pglite();
    await (store as unknown as { rows(q: unknown): Promise<unknown[]> }).rows(sql`drop schema drizzle cascade`);
    expect(await checkReadiness({ openStore: async () => store, latest: () => real })).toEqual({ ready: false, reason: 'migrations not applied' });
  });

  it('is not ready when the database cannot be opened (PostgreSQL not listening)', async () => {
    const openStore = () => createStore({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:1/none' });
    expect(await checkReadiness({ openStore, latest: () => real })).toEqual({ ready: false, reason: 'database unavailable' });
  });

  it('is not ready when the database stops answering after it was opened', async () => {
    const store = await pglite();
    await store.close();
    expect(await checkReadiness({ openStore: async () => store, latest: () => real })).toEqual({ ready: false, reason: 'database unavailable' });
  });

  it('answers within its timeout when the database hangs', async () => {
    const started = Date.now();
    const r = await checkReadiness({ openStore: () => new Promise(() => {}), latest: () => real, timeoutMs: 100 });
    expect(r).toEqual({ ready: false, reason: 'database did not answer within 100 ms' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('is not ready without a database (memory store) or with an unreadable journal', async () => {
    const memory = await createStore({ kind: 'memory' });
    expect(await checkReadiness({ openStore: async () => memory, latest: () => real })).toEqual({ ready: false, reason: 'no database configured' });
    const store = await sharedPglite();
    const broken = () => latestMigration('/nonexistent');
    expect(await checkReadiness({ openStore: async () => store, latest: broken })).toEqual({ ready: false, reason: 'migration journal unreadable' });
  });

  const adminUrl = process.env.TEST_DATABASE_URL;
  it.runIf(Boolean(adminUrl))('is ready on the test PostgreSQL (migrated)', async () => {
    // The admin database itself may never have been migrated: use a store, which migrates on open.
    const { randomUUID } = await import('node:crypto');
    const pg = (await import('pg')).default;
    const db = `inspector_ready_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${db}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${db}`;
    const store = await createStore({ kind: 'postgres', url: url.toString() });
    try {
      expect(await checkReadiness({ openStore: async () => store, latest: () => real })).toEqual({ ready: true });
    } finally {
      await store.close();
      await admin.query(`drop database if exists ${db} with (force)`);
      await admin.end();
    }
  });
});
