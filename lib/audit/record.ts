import 'server-only';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getDatabase } from '@/lib/store';
import { auditEvents } from '@/lib/store/schema-audit';
import type { AuditInput } from './types';

/**
 * The one way to record who did what. It throws when the row cannot be written: an action that
 * must be audited (a reveal, say) must not go ahead unrecorded.
 */
export async function recordAudit(input: AuditInput): Promise<void> {
  const { db } = await getDatabase();
  await insertFor(db).execute(auditRow(input));
}

/** The row recordAudit writes for an event: also what a settlement writes with itself (Settlement.audit). */
export function auditRow(input: AuditInput): Row {
  const actor = input.actor;
  return {
    id: randomUUID(),
    at: new Date(),
    actorType: actor.type,
    actorId: actor.type === 'user' ? actor.id : null,
    actorEmail: actor.type === 'user' ? actor.email : null,
    actorRole: actor.type === 'user' ? actor.role : null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    environment: input.environment ?? null,
    reason: input.reason ?? null,
    outcome: input.outcome,
    interface: input.interface ?? (actor.type === 'system' ? 'system' : 'web'),
    requestId: input.request?.requestId ?? null,
    ip: input.request?.ip ?? null,
    userAgent: input.request?.userAgent ?? null,
    metadata: input.metadata ?? null,
  };
}

type Database = Awaited<ReturnType<typeof getDatabase>>['db'];
type Row = typeof auditEvents.$inferInsert;

/**
 * The INSERT, built once per database (issue 10: drizzle rebuilt its SQL on every action, part of
 * the ~10% of the server thread drizzle's query building took under load). Every column is a
 * placeholder, so the one statement serves every event.
 */
const prepared = new WeakMap<Database, ReturnType<typeof prepareInsert>>();

function prepareInsert(db: Database) {
  const p = (name: keyof Row) => sql.placeholder(name);
  return db
    .insert(auditEvents)
    .values({
      id: p('id'),
      at: p('at'),
      actorType: p('actorType'),
      actorId: p('actorId'),
      actorEmail: p('actorEmail'),
      actorRole: p('actorRole'),
      action: p('action'),
      targetType: p('targetType'),
      targetId: p('targetId'),
      environment: p('environment'),
      reason: p('reason'),
      outcome: p('outcome'),
      interface: p('interface'),
      requestId: p('requestId'),
      ip: p('ip'),
      userAgent: p('userAgent'),
      metadata: p('metadata'),
    })
    .prepare('audit_insert');
}

function insertFor(db: Database) {
  let p = prepared.get(db);
  if (!p) {
    p = prepareInsert(db);
    prepared.set(db, p);
  }
  return p;
}
