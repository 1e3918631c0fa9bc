import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import type { AnyPgDatabase } from './drizzle-store';
import { findMigrationsFolder } from './migrations';

export type DatabaseConfig =
  /** dataDir undefined = an in-memory PGlite (tests); otherwise a folder that survives restarts. */
  | { kind: 'pglite'; dataDir?: string; migrationsFolder?: string }
  | { kind: 'postgres'; url: string; poolSize?: number; migrationsFolder?: string };

export type OpenDatabase = {
  db: AnyPgDatabase;
  /** Raw rows of a statement; both drivers answer `{ rows }`. For scripts (seeding, benchmarks). */
  rows<T>(query: SQL): Promise<T[]>;
  close(): Promise<void>;
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
    const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    const db = drizzle({ client });
    return ready(db as unknown as AnyPgDatabase, () => client.close(), () => migrate(db, { migrationsFolder }));
  }
  const { Pool } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
  const db = drizzle({ client: pool });
  return ready(db as unknown as AnyPgDatabase, () => pool.end(), () => migrate(db, { migrationsFolder }));
}

async function ready(
  db: AnyPgDatabase,
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
    rows: async <T>(query: SQL) => ((await db.execute(query)) as unknown as { rows: T[] }).rows,
    close,
  };
}
