import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The on-disk PGlite in a worker thread (pglite-thread.mjs), seen from the server's thread as the
 * part of PGlite's interface drizzle's PGlite driver uses: query, exec and transaction (issue 10:
 * the database's CPU off the thread that serves requests, as with a PostgreSQL server). In-memory
 * PGlite (the tests) stays in-thread.
 *
 * Messages: { id, op: 'query' | 'exec' | 'begin' | 'end' | 'close', tx?, … } → { id, result } or
 * { id, error }; a query names its text by sqlId once the text has been sent. A transaction is
 * opened in the worker by 'begin' and holds PGlite's lock there until 'end' says commit or rollback,
 * so other statements wait for it, as they would in-thread.
 */

/** How many statement texts the worker remembers (see `statement` below). */
const SQL_TEXTS = 1_000;

type QueryResult = { rows: unknown[]; fields: { name: string; dataTypeID: number }[]; affectedRows?: number };
type Reply = { id: number; result?: unknown; error?: { message: string; name: string; fields: Record<string, unknown> } };
type Query = (sql: string, params?: unknown[], opts?: { rowMode?: 'array' | 'object' }) => Promise<QueryResult>;

export type PgliteThreadClient = {
  query: Query;
  exec: (sql: string) => Promise<QueryResult[]>;
  transaction: <T>(fn: (tx: { query: Query; exec: (sql: string) => Promise<QueryResult[]> }) => Promise<T>) => Promise<T>;
  close: () => Promise<void>;
};

/** The worker's file at runtime: found from the working directory, as the migrations are (migrations.ts). */
function threadFile(): string {
  let dir = path.resolve(/*turbopackIgnore: true*/ process.cwd());
  for (;;) {
    const candidate = path.join(/*turbopackIgnore: true*/ dir, 'lib', 'store', 'pglite-thread.mjs');
    if (existsSync(/*turbopackIgnore: true*/ candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No lib/store/pglite-thread.mjs in ${process.cwd()} or above; run from the project root.`);
    dir = parent;
  }
}

export async function startPgliteThread(dataDir: string): Promise<PgliteThreadClient> {
  // Not bundled: the worker runs the plain .mjs with Node's own module resolution. Constructed
  // through Reflect because Turbopack treats any `new Worker(path)` as a module to bundle (with a
  // path it cannot resolve, every file of the project), ignore comment or not.
  const worker: Worker = Reflect.construct(Worker, [threadFile(), { workerData: { dataDir } }]);
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let next = 0;
  let ended: Error | null = null;

  await new Promise<void>((resolve, reject) => {
    const onMessage = (m: { ready?: boolean }) => {
      if (!m.ready) return;
      worker.off('error', reject);
      resolve();
    };
    worker.once('message', onMessage);
    worker.once('error', reject);
  });

  // The thread keeps the process alive only while something waits for it: a script that ends
  // without closing the database still exits, as it did with PGlite in-thread.
  worker.unref();
  worker.on('message', (m: Reply) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (waiting.size === 0) worker.unref();
    if (m.error) w.reject(Object.assign(new Error(m.error.message), m.error.fields));
    else w.resolve(m.result);
  });
  // The thread dying (out of memory, a crash in WASM) fails what waits and what comes; the process
  // keeps serving, and the database-down answers apply (history unavailable, /api/ready 503).
  const fail = (err: Error) => {
    ended = err;
    for (const w of waiting.values()) w.reject(err);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the database thread ended (exit code ${code})`)));

  const send = <T>(message: Record<string, unknown>): Promise<T> => {
    if (ended) return Promise.reject(ended);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.ref();
      worker.postMessage({ ...message, id });
    });
  };

  // A statement's text crosses once: later it is named by number (the text is most of a message, and
  // copying it took a few % of the server thread under load). Messages arrive in order, so the worker
  // has the text before the first message that names it. Bounded: statements whose text varies
  // (`in ($1, …, $n)`) past the first SQL_TEXTS are sent whole each time.
  const texts = new Map<string, number>();
  const statement = (sql: string): { sqlId: number; sql?: string } | { sql: string } => {
    const known = texts.get(sql);
    if (known !== undefined) return { sqlId: known };
    if (texts.size >= SQL_TEXTS) return { sql };
    const sqlId = texts.size;
    texts.set(sql, sqlId);
    return { sqlId, sql };
  };

  // drizzle's parsers (functions) stay here; the worker applies the same ones (pglite-thread.mjs).
  const queryOn =
    (tx?: number): Query =>
    (sql, params = [], opts = {}) =>
      send<QueryResult>({ op: 'query', ...statement(sql), params, rowMode: opts.rowMode ?? 'object', tx });
  const execOn = (tx?: number) => (sql: string) => send<QueryResult[]>({ op: 'exec', sql, tx });
  let transactions = 0;

  return {
    query: queryOn(),
    exec: execOn(),
    async transaction(fn) {
      const tx = transactions++;
      // Not awaited: the statements follow it at once and wait in the worker for it to start.
      const opened = send({ op: 'begin', tx });
      opened.catch(() => undefined);
      let result;
      try {
        result = await fn({ query: queryOn(tx), exec: execOn(tx) });
        await opened;
      } catch (err) {
        await send({ op: 'end', tx, outcome: 'rollback' }).catch(() => undefined);
        throw err;
      }
      await send({ op: 'end', tx, outcome: 'commit' });
      return result;
    },
    async close() {
      if (!ended) await send({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
      // Whatever the order of 'exit' and terminate()'s answer: from here on, calls fail at once.
      ended ??= new Error('the database thread ended (closed)');
    },
  };
}
