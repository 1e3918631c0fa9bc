import { and, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { clampLimit, decodeCursor, encodeCursor } from '@/lib/store/cursor';
import type { AnyPgDatabase } from '@/lib/store/drizzle-store';
import { auditEvents } from '@/lib/store/schema-audit';
import type { AuditAction, AuditEvent } from './types';

/**
 * Reading the audit trail: newest first, keyset-paged on (at, id) like the inspections store, so a
 * page costs the same on row 10 and row 10 million. No server-only import: tests pass their own
 * database (PGlite and PostgreSQL); the app passes getDatabase()'s.
 */

export type AuditFilter = {
  /** Start of the actor's email, any case ("alice" finds alice@example.com). */
  actor?: string;
  action?: AuditAction;
  /** Exact target id (a LoginId, an inspection id, a user id, a route). */
  target?: string;
  /** Inclusive bounds on `at`. */
  from?: Date;
  to?: Date;
};

export type AuditPage = { items: AuditEvent[]; nextCursor: string | null };

/** LIKE treats % and _ as wildcards: a typed "a_b" means the characters, not "a, anything, b". */
const likePrefix = (value: string) => `${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function whereFor(f: AuditFilter): SQL[] {
  const t = auditEvents;
  const conditions: SQL[] = [];
  if (f.actor) conditions.push(sql`lower(${t.actorEmail}) like ${likePrefix(f.actor)}`);
  if (f.action) conditions.push(eq(t.action, f.action));
  if (f.target) conditions.push(eq(t.targetId, f.target));
  if (f.from) conditions.push(gte(t.at, f.from));
  if (f.to) conditions.push(lte(t.at, f.to));
  return conditions;
}

export async function listAuditEvents(
  db: AnyPgDatabase,
  filter: AuditFilter,
  opts: { cursor?: string | null; limit: number },
): Promise<AuditPage> {
  const limit = clampLimit(opts.limit);
  const conditions = whereFor(filter);
  // The shared cursor calls its timestamp createdAt; here it is the event's `at`.
  const after = opts.cursor ? decodeCursor(opts.cursor) : null;
  if (after) {
    // Row comparison: one index range on (at, id) rather than an OR the planner cannot use.
    conditions.push(sql`(${auditEvents.at}, ${auditEvents.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  }
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit + 1);
  const items: AuditEvent[] = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ createdAt: last.at, id: last.id }) : null };
}

/**
 * Every matching event, newest first, one page in memory at a time: what the export streams.
 * Rows recorded while it runs are newer than its first page, so they are not picked up half-way.
 */
export async function* iterateAuditEvents(db: AnyPgDatabase, filter: AuditFilter, pageSize = 500): AsyncGenerator<AuditEvent> {
  let cursor: string | null = null;
  do {
    const page: AuditPage = await listAuditEvents(db, filter, { cursor, limit: pageSize });
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
