import { randomUUID } from 'node:crypto';
import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nullWhenDatabaseDown, orHistoryUnavailable } from '@/lib/inspector/history-unavailable';
import { DrizzleStore } from './drizzle-store';
import { openDatabase, type OpenDatabase } from './open-database';
import { step } from './store-contract';
import { HISTORY_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from './unavailable';

/**
 * A database that is down or hangs gives a clear "history unavailable" result within seconds, the
 * process keeps going, and nothing acknowledged before is lost once the database is back. The
 * faults come from a TCP proxy in front of PostgreSQL that can pass, hang (accept and never
 * answer; hold back the bytes of open connections, as a stalled server or network does) or drop
 * everything.
 */

type Mode = 'pass' | 'hang' | 'down';

async function faultyProxy(target: { host: string; port: number }) {
  let mode: Mode = 'pass';
  const open = new Set<Socket>();
  const piped = new Set<Socket>();
  const server: Server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (mode === 'down') return void client.destroy();
    if (mode === 'hang') return; // accepted, never answered
    const upstream = new Socket();
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.connect(target.port, target.host, () => {
      client.pipe(upstream);
      upstream.pipe(client);
      piped.add(client).add(upstream);
      client.on('close', () => piped.delete(client).valueOf() && piped.delete(upstream));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    port: (server.address() as AddressInfo).port,
    set(next: Mode) {
      mode = next;
      if (next === 'down') for (const s of open) s.destroy();
      // Paused sockets keep their bytes: a stalled server that later answers, not a corrupted stream.
      for (const s of piped) {
        if (next === 'hang') s.pause();
        else s.resume();
      }
    },
    close: () => new Promise<void>((r) => {
      for (const s of open) s.destroy();
      server.close(() => r());
    }),
  };
}

describe('a database that never answers', () => {
  it('fails to open within the connect timeout, as "unavailable"', async () => {
    const accepted = new Set<Socket>();
    const silent = createServer((socket) => void accepted.add(socket));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { port } = silent.address() as AddressInfo;
    const t0 = Date.now();
    const error = await openDatabase({ kind: 'postgres', url: `postgres://nobody@127.0.0.1:${port}/x`, connectTimeoutMs: 1000 }).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(4000);
    expect(isDatabaseUnavailable(error)).toBe(true);
    for (const socket of accepted) socket.destroy();
    await new Promise<void>((r) => silent.close(() => r()));
  });

  it('tells a bug from an outage', () => {
    expect(isDatabaseUnavailable(new Error('syntax error at or near "selec"'))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '57014' }) }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Failed query', { cause: Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }) }))).toBe(true);
    // Checking the caller: an outage is "unavailable", Next's redirect/401 signals go on.
    expect(nullWhenDatabaseDown(new Error('Connection terminated due to connection timeout'))).toBeNull();
    const signal = Object.assign(new Error('NEXT_HTTP_ERROR_FALLBACK;401'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;401' });
    expect(() => nullWhenDatabaseDown(signal)).toThrow(signal);
  });
});

const adminUrl = process.env.TEST_DATABASE_URL;

describe.runIf(Boolean(adminUrl))('postgres down or hanging behind a proxy', () => {
  const dbName = `inspector_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  let proxy: Awaited<ReturnType<typeof faultyProxy>>;
  let opened: OpenDatabase;
  let store: DrizzleStore;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };

  beforeAll(async () => {
    await admin(`create database ${dbName}`);
    const target = new URL(adminUrl!);
    proxy = await faultyProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const url = new URL(adminUrl!);
    url.hostname = '127.0.0.1';
    url.port = String(proxy.port);
    url.pathname = `/${dbName}`;
    opened = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 3, connectTimeoutMs: 1000, statementTimeoutMs: 1000 });
    store = new DrizzleStore(opened.db, opened.close, { connection: opened.connection });
  }, 30_000);
  afterAll(async () => {
    proxy?.set('pass');
    // A client whose connection the proxy dropped mid-query may never be handed back; do not wait on it.
    await Promise.race([opened?.close().catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]);
    await proxy?.close();
    await admin(`drop database if exists ${dbName} with (force)`);
  });

  const unavailableWithin = async (ms: number, run: () => Promise<unknown>) => {
    const t0 = Date.now();
    const result = await orHistoryUnavailable('00000000-0000-4000-8000-000000000000', async () => {
      await run();
      return { kind: 'invalid', fieldErrors: {}, message: 'the call should not have succeeded' };
    });
    expect(Date.now() - t0).toBeLessThan(ms);
    expect(result).toMatchObject({ kind: 'error', error: { kind: 'app', message: HISTORY_UNAVAILABLE_MESSAGE }, mfaOpen: true });
  };

  it('hanging: a clear error within a few seconds, then everything acknowledged is still there', async () => {
    const acknowledged = await store.createInspection({ mode: 'cached', environment: 'simulator', tag: 'before-the-outage' });
    await store.appendStep(acknowledged.id, step());

    proxy.set('hang');
    await unavailableWithin(4000, () => store.getInspection(acknowledged.id));
    await unavailableWithin(4000, () => store.settle(acknowledged.id, { step: step(), transition: { from: ['in_progress'], patch: { status: 'failed' } } }));

    proxy.set('pass');
    // The pool dropped the clients that timed out; new ones connect afresh.
    expect(await store.getInspection(acknowledged.id)).toMatchObject({ tag: 'before-the-outage', status: 'in_progress' });
    expect((await store.listSteps(acknowledged.id)).map((s) => s.seq)).toEqual([1]);
  }, 30_000);

  it('down: a clear error at once, the process keeps going, and writes resume when it is back', async () => {
    const acknowledged = await store.createInspection({ mode: 'cached', environment: 'simulator', tag: 'acknowledged' });
    proxy.set('down');
    await unavailableWithin(3000, () => store.createInspection({ mode: 'cached', environment: 'simulator' }));
    await unavailableWithin(3000, () => store.getInspection(acknowledged.id));

    proxy.set('pass');
    const after = await store.createInspection({ mode: 'cached', environment: 'simulator', tag: 'after' });
    expect(await store.getInspection(acknowledged.id)).toMatchObject({ tag: 'acknowledged' });
    expect(await store.getInspection(after.id)).toMatchObject({ tag: 'after' });
  }, 30_000);

  it('several instances can start (and migrate) at once', async () => {
    const fresh = `inspector_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    await admin(`create database ${fresh}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${fresh}`;
    try {
      const all = await Promise.all(Array.from({ length: 4 }, () => openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 })));
      const rows = await all[0]!.rows<{ n: number }>(
        // drizzle's own bookkeeping: one row per migration, however many instances ran the migrator.
        (await import('drizzle-orm')).sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      const { readFileSync } = await import('node:fs');
      const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8')) as { entries: unknown[] };
      expect(rows[0]!.n).toBe(journal.entries.length);
      await Promise.all(all.map((d) => d.close()));
    } finally {
      await admin(`drop database if exists ${fresh} with (force)`);
    }
  }, 60_000);
});
