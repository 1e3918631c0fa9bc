import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { DrizzleStore, type AnyPgDatabase } from './drizzle-store';
import { MemoryStore, type StoreOptions } from './memory-store';
import { findMigrationsFolder } from './migrations';
import type { InspectionStore } from './types';

export type StoreConfig = StoreOptions &
  (
    | { kind: 'memory' }
    /** dataDir undefined = an in-memory PGlite (tests); otherwise a folder that survives restarts. */
    | { kind: 'pglite'; dataDir?: string; migrationsFolder?: string }
    | { kind: 'postgres'; url: string; poolSize?: number; migrationsFolder?: string }
  );

/**
 * Opens a store and brings its schema up to date with drizzle's migrator (idempotent: applied
 * migrations are recorded in drizzle.__drizzle_migrations). No server-only import, so scripts and
 * tests can use it directly; the app goes through getStore().
 */
export async function createStore(config: StoreConfig): Promise<InspectionStore> {
  const opts: StoreOptions = { now: config.now };
  switch (config.kind) {
    case 'memory':
      return new MemoryStore(opts);
    case 'pglite': {
      // Imported lazily so a Postgres deployment never loads PGlite's WASM, and vice versa.
      const { PGlite } = await import('@electric-sql/pglite');
      const { drizzle } = await import('drizzle-orm/pglite');
      const { migrate } = await import('drizzle-orm/pglite/migrator');
      if (config.dataDir) mkdirSync(path.dirname(path.resolve(config.dataDir)), { recursive: true });
      const client = config.dataDir ? await PGlite.create(path.resolve(config.dataDir)) : await PGlite.create();
      const db = drizzle({ client });
      try {
        await migrate(db, { migrationsFolder: config.migrationsFolder ?? findMigrationsFolder() });
      } catch (error) {
        await client.close();
        throw error;
      }
      return new DrizzleStore(db as unknown as AnyPgDatabase, () => client.close(), opts);
    }
    case 'postgres': {
      const { Pool } = await import('pg');
      const { drizzle } = await import('drizzle-orm/node-postgres');
      const { migrate } = await import('drizzle-orm/node-postgres/migrator');
      const pool = new Pool({ connectionString: config.url, max: config.poolSize ?? 10 });
      const db = drizzle({ client: pool });
      try {
        await migrate(db, { migrationsFolder: config.migrationsFolder ?? findMigrationsFolder() });
      } catch (error) {
        await pool.end();
        throw error;
      }
      return new DrizzleStore(db as unknown as AnyPgDatabase, () => pool.end(), opts);
    }
  }
}
