import 'server-only';
import path from 'node:path';
import { getEnv } from '../env';
import { DrizzleStore } from './drizzle-store';
import { openDatabase, type OpenDatabase } from './open-database';
import type { InspectionStore } from './types';

export { createStore, type StoreConfig } from './create-store';
export type * from './types';

// On globalThis because Next re-evaluates modules in dev: a second PGlite on the same folder
// would fight the first one over its files. Promises (not values) are kept so concurrent first
// callers share one opening.
const holder = globalThis as typeof globalThis & {
  __inspectorDatabase?: Promise<OpenDatabase>;
  __inspectionStore?: Promise<InspectionStore>;
};

/**
 * The process-wide database: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR/pglite.
 * The inspection store, staff accounts (Better Auth) and the audit trail all live in it.
 */
export function getDatabase(): Promise<OpenDatabase> {
  if (!holder.__inspectorDatabase) {
    const { url, dataDir, connectTimeoutMs, statementTimeoutMs } = getEnv().database;
    const opening = url
      ? openDatabase({ kind: 'postgres', url, connectTimeoutMs, statementTimeoutMs })
      : openDatabase({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    // A failed opening (bad URL, server down) must not be cached for the life of the process.
    opening.catch(() => {
      if (holder.__inspectorDatabase === opening) holder.__inspectorDatabase = undefined;
    });
    holder.__inspectorDatabase = opening;
  }
  return holder.__inspectorDatabase;
}

export function getStore(): Promise<InspectionStore> {
  if (!holder.__inspectionStore) {
    const opening = getDatabase().then((d) => new DrizzleStore(d.db, d.close, { inProcess: d.inProcess, connection: d.connection }) as InspectionStore);
    opening.catch(() => {
      if (holder.__inspectionStore === opening) holder.__inspectionStore = undefined;
    });
    holder.__inspectionStore = opening;
  }
  return holder.__inspectionStore;
}
