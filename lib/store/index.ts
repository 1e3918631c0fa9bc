import 'server-only';
import path from 'node:path';
import { getEnv } from '../env';
import { createStore } from './create-store';
import type { InspectionStore } from './types';

export { createStore, type StoreConfig } from './create-store';
export type * from './types';

// On globalThis because Next re-evaluates modules in dev: a second PGlite on the same folder
// would fight the first one over its files. The promise (not the store) is kept so concurrent
// first callers share one opening.
const holder = globalThis as typeof globalThis & { __inspectionStore?: Promise<InspectionStore> };

/** The process-wide store: PostgreSQL when DATABASE_URL is set, else PGlite under DATA_DIR/pglite. */
export function getStore(): Promise<InspectionStore> {
  if (!holder.__inspectionStore) {
    const { url, dataDir } = getEnv().database;
    const opening = url
      ? createStore({ kind: 'postgres', url })
      : createStore({ kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    // A failed opening (bad URL, server down) must not be cached for the life of the process.
    opening.catch(() => {
      if (holder.__inspectionStore === opening) holder.__inspectionStore = undefined;
    });
    holder.__inspectionStore = opening;
  }
  return holder.__inspectionStore;
}
