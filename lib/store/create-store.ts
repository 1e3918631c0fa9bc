import { DrizzleStore } from './drizzle-store';
import { MemoryStore, type StoreOptions } from './memory-store';
import { openDatabase, type DatabaseConfig } from './open-database';
import type { InspectionStore } from './types';

export type StoreConfig = StoreOptions & ({ kind: 'memory' } | DatabaseConfig);

/**
 * Any backend, schema migrated. No server-only import, so scripts and tests use it directly;
 * the app goes through getStore().
 */
export async function createStore(config: StoreConfig): Promise<InspectionStore> {
  const opts: StoreOptions = { now: config.now };
  if (config.kind === 'memory') return new MemoryStore(opts);
  const { db, close, inProcess, connection } = await openDatabase(config);
  return new DrizzleStore(db, close, { ...opts, inProcess, connection });
}
