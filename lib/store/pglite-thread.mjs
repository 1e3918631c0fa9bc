// The on-disk PGlite, run in a worker thread (issue 10). PGlite is PostgreSQL compiled to WASM:
// in the server's own thread every statement's CPU competed with Next for the one thread (measured:
// about a third of the server's CPU with 100 flows at once). Here it uses a core of its own, as a
// PostgreSQL server would. Plain JavaScript, outside Next's bundle: lib/store/pglite-thread-client.ts
// starts it and speaks to it; the messages are described there.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

const db = await PGlite.create(workerData.dataDir);

// drizzle's PGlite driver asks for dates and intervals as PostgreSQL's text and maps them itself;
// its parsers (functions) cannot cross threads, so the same ones are set here.
const asText = (value) => value;
const parsers = { [types.TIMESTAMP]: asText, [types.TIMESTAMPTZ]: asText, [types.INTERVAL]: asText, [types.DATE]: asText };

/** Statement texts by number, as the other thread numbered them. */
const texts = [];

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
      const r = await on.query(sql, m.params, { rowMode: m.rowMode, parsers });
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
