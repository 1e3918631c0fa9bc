import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgliteThread, type PgliteThreadClient } from './pglite-thread-client';

// The worker-thread PGlite seen through its client: what drizzle relies on beyond the store
// contract (store.test.ts runs that on the worker too).
describe('PGlite in a worker thread', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pglite-thread-'));
  let db: PgliteThreadClient;
  beforeAll(async () => {
    db = await startPgliteThread(path.join(dir, 'pglite'));
    await db.exec('create table t (id int primary key, note text)');
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers many distinct statement texts, past the ones it remembers by number, and repeats them', async () => {
    for (let round = 0; round < 2; round += 1) {
      for (let n = 0; n < 1_100; n += 50) {
        const { rows } = await db.query(`select $1::int + ${n} as v`, [round], { rowMode: 'array' });
        expect(rows).toEqual([[round + n]]);
      }
    }
    const sums = await Promise.all(Array.from({ length: 1_050 }, (_, n) => db.query(`select ${n} as v`, [], { rowMode: 'object' })));
    expect(sums.map((r) => (r.rows[0] as { v: number }).v)).toEqual(Array.from({ length: 1_050 }, (_, n) => n));
  });

  it('keeps PostgreSQL error fields (code, constraint) across the thread', async () => {
    await db.query('insert into t values (1, $1)', ['first']);
    const err = await db.query('insert into t values (1, $1)', ['again']).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: '23505', constraint: 't_pkey' });
  });

  it('commits a transaction, rolls one back on a throw, and other statements wait for it', async () => {
    await db.transaction(async (tx) => {
      await tx.query('insert into t values (2, $1)', ['kept']);
      await tx.query('insert into t values (3, $1)', ['kept']);
    });
    const failed = await db
      .transaction(async (tx) => {
        await tx.query('insert into t values (4, $1)', ['dropped']);
        throw new Error('changed my mind');
      })
      .catch((e: Error) => e.message);
    expect(failed).toBe('changed my mind');
    // Sent while a transaction holds the database: it sees the transaction's outcome, not its middle.
    let seenInside: unknown;
    const inside = db.transaction(async (tx) => {
      await tx.query('insert into t values (5, $1)', ['late']);
      seenInside = (await tx.query('select count(*)::int as n from t')).rows[0];
    });
    const outside = db.query('select count(*)::int as n from t');
    await inside;
    expect(seenInside).toEqual({ n: 4 });
    expect((await outside).rows[0]).toEqual({ n: 4 });
    expect((await db.query('select id from t order by id', [], { rowMode: 'array' })).rows).toEqual([[1], [2], [3], [5]]);
  });
});

describe('PGlite in a worker thread, a statement text used again', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pglite-thread-prepared-'));
  let db: PgliteThreadClient;
  // A thread of its own: the texts numbered above (all it remembers) would leave none to prepare.
  beforeAll(async () => {
    db = await startPgliteThread(path.join(dir, 'pglite'));
  });
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a text it has seen before as a named prepared statement, answering exactly as the first time', async () => {
    await db.exec('create table p (id int primary key, at timestamptz, doc jsonb, flag boolean, note text)');
    const insert = 'insert into p (id, at, doc, flag, note) values ($1, $2, $3, $4, $5) returning id, at, doc, flag, note';
    const answers = [];
    for (let id = 1; id <= 3; id += 1) answers.push(await db.query(insert, [id, '2026-11-28T10:00:00.000Z', JSON.stringify({ n: id, list: [1, 'two'] }), id % 2 === 0, id === 2 ? null : `note ${id}`]));
    expect(answers.map((a) => a.rows)).toEqual([1, 2, 3].map((id) => [{ id, at: '2026-11-28 10:00:00+00', doc: { n: id, list: [1, 'two'] }, flag: id % 2 === 0, note: id === 2 ? null : `note ${id}` }]));
    expect(answers[2]!.fields).toEqual(answers[0]!.fields);
    expect(answers.map((a) => a.affectedRows)).toEqual([1, 1, 1]);
    const select = 'select id, note from p where id >= $1 order by id';
    const arrays = [await db.query(select, [2], { rowMode: 'array' }), await db.query(select, [2], { rowMode: 'array' }), await db.query(select, [3], { rowMode: 'array' })];
    expect(arrays.map((a) => a.rows)).toEqual([[[2, null], [3, 'note 3']], [[2, null], [3, 'note 3']], [[3, 'note 3']]]);
    // The repeated texts are prepared on the database's side (their names are the worker's).
    const names = (await db.query('select name, statement from pg_prepared_statements')).rows as { name: string; statement: string }[];
    expect(names.map((n) => n.statement)).toEqual(expect.arrayContaining([insert, select]));
    // A prepared statement's errors keep their fields, and the database goes on answering.
    await expect(db.query(insert, [1, null, null, null, null])).rejects.toMatchObject({ code: '23505', constraint: 'p_pkey' });
    // Inside a transaction rolled back, and many at once around it: each gets its own answer.
    await db
      .transaction(async (tx) => {
        await tx.query(insert, [10, null, null, true, 'rolled back']);
        throw new Error('undo');
      })
      .catch(() => undefined);
    const many = await Promise.all(Array.from({ length: 60 }, (_, n) => db.query('select $1::int * 2 as twice', [n])));
    expect(many.map((r) => (r.rows[0] as { twice: number }).twice)).toEqual(Array.from({ length: 60 }, (_, n) => n * 2));
    expect((await db.query(select, [1], { rowMode: 'array' })).rows).toEqual([[1, 'note 1'], [2, null], [3, 'note 3']]);
  });
});

describe('PGlite in a worker thread, once the thread has ended', () => {
  it('fails what waits and what comes at once instead of leaving callers hanging', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pglite-thread-ended-'));
    try {
      const db = await startPgliteThread(path.join(dir, 'pglite'));
      expect((await db.query('select 1 as one')).rows).toEqual([{ one: 1 }]);
      // Sent while the thread is being stopped: answered or failed, never left waiting.
      const inFlight = db.query('select pg_sleep(0.2)').then(
        () => 'answered',
        () => 'failed',
      );
      await db.close();
      expect(['answered', 'failed']).toContain(await inFlight);
      await expect(db.query('select 1')).rejects.toThrow(/database thread ended/);
      await expect(db.transaction(async (tx) => tx.query('select 1'))).rejects.toThrow(/database thread ended/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
