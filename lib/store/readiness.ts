import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { findMigrationsFolder } from './migrations';

/**
 * Whether this process can serve: the database answers, and its schema is the one this build
 * expects (the newest migration in drizzle/meta/_journal.json is the newest applied). No data is
 * read, and the reason is short and names no host, user or path, since /api/ready is public.
 */

export type Readiness = { ready: true } | { ready: false; reason: string };

/** What the probe needs from the store: raw rows of a statement (DrizzleStore has it). */
export type SqlRows = { rows<T>(query: SQL): Promise<T[]> };

const journalSchema = z.object({
  entries: z.array(z.object({ tag: z.string(), when: z.number() })).min(1),
});

export type LatestMigration = { tag: string; when: number };

/** The newest migration this build ships, from drizzle-kit's journal. */
export function latestMigration(folder: string = findMigrationsFolder()): LatestMigration {
  const journal = journalSchema.parse(JSON.parse(readFileSync(path.join(/*turbopackIgnore: true*/ folder, 'meta', '_journal.json'), 'utf8')));
  return journal.entries.reduce((a, b) => (b.when > a.when ? b : a));
}

export function hasSqlRows(store: unknown): store is SqlRows {
  // Duck-typed: the store may come from another server bundle, where `instanceof` would not hold.
  return typeof (store as Partial<SqlRows> | null)?.rows === 'function';
}

class Timeout extends Error {}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Timeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type ReadinessDeps = {
  /** Opens (or returns) the process's store; a rejection means the database cannot be reached. */
  openStore: () => Promise<unknown>;
  latest: () => LatestMigration;
  /** A load balancer must get an answer even from a hung database. */
  timeoutMs?: number;
};

export async function checkReadiness({ openStore, latest, timeoutMs = 3000 }: ReadinessDeps): Promise<Readiness> {
  try {
    return await within(probe(openStore, latest), timeoutMs);
  } catch (err) {
    if (err instanceof Timeout) return { ready: false, reason: `database did not answer within ${timeoutMs} ms` };
    return { ready: false, reason: 'database unavailable' };
  }
}

async function probe(openStore: ReadinessDeps['openStore'], latest: ReadinessDeps['latest']): Promise<Readiness> {
  let store: unknown;
  try {
    store = await openStore();
  } catch {
    return { ready: false, reason: 'database unavailable' };
  }
  if (!hasSqlRows(store)) return { ready: false, reason: 'no database configured' };
  let expected: LatestMigration;
  try {
    expected = latest();
  } catch {
    return { ready: false, reason: 'migration journal unreadable' };
  }
  const [one] = await store.rows<{ ok: number }>(sql`select 1 as ok`);
  if (Number(one?.ok) !== 1) return { ready: false, reason: 'database unavailable' };

  const [table] = await store.rows<{ t: string | null }>(sql`select to_regclass('drizzle.__drizzle_migrations')::text as t`);
  if (!table?.t) return { ready: false, reason: 'migrations not applied' };
  const [last] = await store.rows<{ created_at: string | number | null }>(
    sql`select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`,
  );
  const applied = last?.created_at == null ? null : Number(last.created_at);
  if (applied === null) return { ready: false, reason: 'migrations not applied' };
  if (applied < expected.when) return { ready: false, reason: `migration ${expected.tag} not applied` };
  if (applied > expected.when) return { ready: false, reason: 'database has migrations newer than this build' };
  return { ready: true };
}
