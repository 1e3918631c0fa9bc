import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import type { AnyPgDatabase } from './drizzle-store';
import { findMigrationsFolder } from './migrations';

export type DatabaseConfig =
  /** dataDir undefined = an in-memory PGlite (tests); otherwise a folder that survives restarts. */
  | { kind: 'pglite'; dataDir?: string; migrationsFolder?: string }
  | {
      kind: 'postgres';
      url: string;
      poolSize?: number;
      migrationsFolder?: string;
      /** Giving up on a connection (server down, or accepting and never answering). Default 5000. */
      connectTimeoutMs?: number;
      /**
       * Server-side statement_timeout, and a client-side read timeout a little above it. Unset: none
       * (scripts that seed a million rows); the app always sets it (DATABASE_STATEMENT_TIMEOUT_MS).
       */
      statementTimeoutMs?: number;
    };

/** Any key will do as long as every instance uses the same one: "inspectr" in ASCII. */
export const MIGRATION_LOCK_KEY = 0x696e7370_65637472n;

export type OpenDatabase = {
  db: AnyPgDatabase;
  /**
   * PGlite (in this process or its worker thread): no connection between us and the database, so
   * a statement cannot run there while its answer is lost on the way back (drizzle-store.ts: settle).
   */
  inProcess: boolean;
  /**
   * PostgreSQL: a pooled connection with a drizzle database of its own, for a transaction the store
   * runs itself (drizzle-store.ts: settle), so a statement prepared once can run inside it.
   */
  connection?: () => Promise<PooledConnection>;
  /** Raw rows of a statement; both drivers answer `{ rows }`. For scripts (seeding, benchmarks). */
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
};

export type PooledConnection = {
  /** The same database object each time this connection is handed out (what is prepared on it stays). */
  db: AnyPgDatabase;
  /** A statement without parameters: BEGIN, COMMIT, ROLLBACK. */
  run(text: string): Promise<void>;
  /** Back to the pool; with an error, the connection is closed instead (it may be broken). */
  release(error?: Error): void;
};

/**
 * Opens a driver and brings the schema up to date with drizzle's migrator (idempotent: applied
 * migrations are recorded in drizzle.__drizzle_migrations). Drivers are imported lazily so a
 * Postgres deployment never loads PGlite's WASM, and vice versa.
 */
export async function openDatabase(config: DatabaseConfig): Promise<OpenDatabase> {
  const migrationsFolder = config.migrationsFolder ?? findMigrationsFolder();
  if (config.kind === 'pglite') {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const dataDir = config.dataDir ? path.resolve(config.dataDir) : undefined;
    if (dataDir) mkdirSync(path.dirname(dataDir), { recursive: true });
    if (dataDir) {
      // On disk (the app, the scripts): in a worker thread of its own (pglite-thread-client.ts).
      const { startPgliteThread } = await import('./pglite-thread-client');
      const client = await startPgliteThread(dataDir);
      const db = drizzle({ client: client as unknown as InstanceType<typeof PGlite> });
      return ready(db as unknown as AnyPgDatabase, true, () => client.close(), () => migrate(db, { migrationsFolder }));
    }
    const client = await PGlite.create();
    const db = drizzle({ client });
    return ready(db as unknown as AnyPgDatabase, true, () => client.close(), () => migrate(db, { migrationsFolder }));
  }
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const { nameRepeatedStatements } = await import('./pg-named-statements');
  const statementTimeoutMs = config.statementTimeoutMs;
  const pool = new Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    connectionTimeoutMillis: config.connectTimeoutMs ?? 5_000,
    ...(statementTimeoutMs === undefined
      ? {}
      : // A server that hangs never sends the cancel statement_timeout would: stop reading ourselves too.
        { statement_timeout: statementTimeoutMs, query_timeout: statementTimeoutMs + 1_000 }),
    idleTimeoutMillis: 30_000,
  });
  // An idle client dropped by the server (restart, failover) emits 'error' on the pool; unhandled,
  // that would end the process. The pool discards it and the next query connects afresh.
  pool.on('error', () => undefined);
  // The same for a client checked out when its connection dies (mid-transaction): without a
  // listener its 'error' event would be thrown; with one, its query fails and the caller gets a result.
  pool.on('connect', (client) => void client.on('error', () => undefined));
  const nameStatements = nameRepeatedStatements();
  pool.on('connect', nameStatements);
  const db = drizzle({ client: pool });
  const onConnection = new WeakMap<PoolClient, AnyPgDatabase>();
  const connection = async (): Promise<PooledConnection> => {
    const client = await pool.connect();
    let own = onConnection.get(client);
    if (!own) onConnection.set(client, (own = drizzle({ client }) as unknown as AnyPgDatabase));
    return { db: own, run: async (text) => void (await client.query(text)), release: (error) => client.release(error) };
  };
  const migrateLocked = async () => {
    // Several instances starting at once: one migrates, the others wait and then find nothing to do.
    // The lock is per session, so it is taken and released on one dedicated connection.
    const lock = await pool.connect();
    try {
      await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY.toString()]);
      try {
        await migrate(db, { migrationsFolder });
      } finally {
        await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY.toString()]);
      }
    } finally {
      lock.release();
    }
  };
  return { ...(await ready(db as unknown as AnyPgDatabase, false, () => pool.end(), migrateLocked)), connection };
}

async function ready(
  db: AnyPgDatabase,
  inProcess: boolean,
  close: () => Promise<void>,
  migrate: () => Promise<void>,
): Promise<OpenDatabase> {
  try {
    await migrate();
  } catch (error) {
    // A half-open PGlite would keep its folder locked for the rest of the process.
    await close();
    throw error;
  }
  return {
    db,
    inProcess,
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    close,
  };
}
