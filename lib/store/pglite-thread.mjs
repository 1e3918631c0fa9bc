// The on-disk PGlite, run in a worker thread (issue 10). PGlite is PostgreSQL compiled to WASM:
// in the server's own thread every statement's CPU competed with Next for the one thread (measured:
// about a third of the server's CPU with 100 flows at once). Here it uses a core of its own, as a
// PostgreSQL server would. Plain JavaScript, outside Next's bundle: lib/store/pglite-thread-client.ts
// starts it and speaks to it; the messages are described there.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, parse, protocol, types } from '@electric-sql/pglite';

const db = await PGlite.create(workerData.dataDir);

// drizzle's PGlite driver asks for dates and intervals as PostgreSQL's text and maps them itself;
// its parsers (functions) cannot cross threads, so the same ones are set here.
const asText = (value) => value;
const parsers = { [types.TIMESTAMP]: asText, [types.TIMESTAMPTZ]: asText, [types.INTERVAL]: asText, [types.DATE]: asText };

/** Statement texts by number, as the other thread numbered them. */
const texts = [];

/*
 * Named prepared statements for the texts that come back (issue 10). PGlite's query() parses,
 * analyses and plans every statement afresh, in six trips through the WASM backend; for the
 * server's hot statements that was more than half their time (measured in one thread: settle's
 * CTE 0.75 ms → 0.35, the inspection INSERT 0.35 → 0.22). A text seen a second time is parsed once
 * under a name (Parse + Describe), and from then on each use is Bind, Describe, Execute and Sync
 * in one trip; PostgreSQL's plan cache then reuses its plan as a server would for node-postgres.
 * The results go through PGlite's own parseResults, so rows and fields are what query() gives.
 */
const uses = new Map();
const prepared = new Map();

function concat(parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Runs holding the locks query() holds (PGlite's own helpers for that, part of the class since
 * 0.2; the version is pinned and pglite-thread.test.ts runs this path): inside transaction `tx`
 * only the statement lock, outside any transaction the transaction lock too.
 */
function exclusive(tx, fn) {
  return tx === undefined ? db._runExclusiveTransaction(() => db._runExclusiveQuery(fn)) : db._runExclusiveQuery(fn);
}

async function preparedQuery(tx, sqlId, sql, params, rowMode) {
  return exclusive(tx, async () => {
    let statement = prepared.get(sqlId);
    if (!statement) {
      const name = `s${sqlId}`;
      const described = await db.execProtocol(concat([protocol.serialize.parse({ name, text: sql }), protocol.serialize.describe({ type: 'S', name }), protocol.serialize.sync()]), { syncToFs: false });
      statement = { name, types: parse.parseDescribeStatementResults(described.messages) };
      prepared.set(sqlId, statement);
    }
    // The parameters serialised as query() does it: by the type PostgreSQL gave each one.
    const values = (params ?? []).map((v, i) => {
      if (v === null || v === undefined) return null;
      const serialize = db.serializers[statement.types[i]];
      return serialize ? serialize(v) : v.toString();
    });
    const s = protocol.serialize;
    const r = await db.execProtocol(concat([s.bind({ statement: statement.name, values }), s.describe({ type: 'P' }), s.execute({}), s.sync()]), { syncToFs: tx === undefined });
    return parse.parseResults(r.messages, db.parsers, { rowMode, parsers })[0];
  });
}

/** Open transactions by id: the callback PGlite runs holds its lock until commit or rollback arrives. */
const transactions = new Map();
class Rollback extends Error {}

function errorOf(err) {
  // PGlite's DatabaseError carries code, detail, constraint… as own fields: keep them all.
  const fields = err && typeof err === 'object' ? Object.fromEntries(Object.entries(err).filter(([, v]) => ['string', 'number', 'boolean'].includes(typeof v))) : {};
  return { message: err instanceof Error ? err.message : String(err), name: err instanceof Error ? err.name : 'Error', fields };
}

/**
 * Opens transaction `id`. Registered at once, so the statements the other thread sends right behind
 * 'begin' (it does not wait for the answer: one round trip less per transaction) find it and wait
 * for it to start.
 */
function begin(id) {
  const open = { tx: undefined, end: undefined, done: undefined, ready: undefined };
  const ending = new Promise((resolve) => (open.end = resolve));
  transactions.set(id, open);
  open.ready = new Promise((started, failed) => {
    open.done = db
      .transaction(async (tx) => {
        open.tx = tx;
        started();
        if ((await ending) === 'rollback') throw new Rollback();
      })
      .then(
        () => ({ ok: true }),
        (err) => (err instanceof Rollback ? { ok: true } : { ok: false, error: errorOf(err) }),
      )
      .finally(() => transactions.delete(id));
    // BEGIN itself failed: the callback never ran.
    open.done.then((r) => !r.ok && failed(Object.assign(new Error(r.error.message), r.error.fields)));
  });
  open.ready.catch(() => undefined);
  return open.ready;
}

/** Where a statement runs: the database, or the open transaction it names (once it has started). */
async function target(tx) {
  if (tx === undefined) return db;
  const open = transactions.get(tx);
  if (!open) throw new Error(`pglite-thread: transaction ${tx} is not open`);
  await open.ready;
  return open.tx;
}

async function handle(m) {
  switch (m.op) {
    case 'query': {
      // A text sent once is named by its number afterwards (pglite-thread-client.ts: statement).
      if (m.sqlId !== undefined && m.sql !== undefined) texts[m.sqlId] = m.sql;
      const sql = m.sqlId !== undefined ? texts[m.sqlId] : m.sql;
      const on = await target(m.tx);
      const seen = m.sqlId === undefined ? 0 : (uses.get(m.sqlId) ?? 0) + 1;
      if (seen > 0) uses.set(m.sqlId, seen);
      const r = seen > 1 ? await preparedQuery(m.tx, m.sqlId, sql, m.params, m.rowMode) : await on.query(sql, m.params, { rowMode: m.rowMode, parsers });
      return { rows: r.rows, fields: r.fields, affectedRows: r.affectedRows };
    }
    case 'exec': {
      const on = await target(m.tx);
      return (await on.exec(m.sql)).map((r) => ({ rows: r.rows, fields: r.fields, affectedRows: r.affectedRows }));
    }
    case 'begin':
      await begin(m.tx);
      return null;
    case 'end': {
      const t = transactions.get(m.tx);
      if (!t) throw new Error(`pglite-thread: transaction ${m.tx} is not open`);
      await t.ready;
      const done = t.done;
      t.end(m.outcome);
      const r = await done;
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error.fields);
      return null;
    }
    case 'close':
      await db.close();
      return null;
    default:
      throw new Error(`pglite-thread: unknown operation ${m.op}`);
  }
}

parentPort.on('message', (m) => {
  handle(m).then(
    (result) => parentPort.postMessage({ id: m.id, result }),
    (err) => parentPort.postMessage({ id: m.id, error: errorOf(err) }),
  );
});
parentPort.postMessage({ ready: true });
