import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Who did what, append-only: the database itself refuses UPDATE, DELETE and TRUNCATE on this table
 * (triggers in the migration that follows its creation), so not even a bug in our code can rewrite it.
 * Actor fields are copied as they were at the time (a later role change does not rewrite history).
 */

export const AUDIT_OUTCOMES = ['permitted', 'denied', 'error'] as const;
export const AUDIT_INTERFACES = ['web', 'api', 'system'] as const;

export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorType: text('actor_type', { enum: ['user', 'system'] }).notNull(),
    actorId: text('actor_id'),
    actorEmail: text('actor_email'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    environment: text('environment'),
    reason: text('reason'),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    interface: text('interface', { enum: AUDIT_INTERFACES }).notNull(),
    requestId: text('request_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    metadata: jsonb('metadata'),
  },
  (t) => [
    index('audit_events_at_idx').on(t.at, t.id),
    index('audit_events_actor_idx').on(t.actorEmail, t.at, t.id),
    index('audit_events_action_idx').on(t.action, t.at, t.id),
    index('audit_events_target_idx').on(t.targetId, t.at, t.id),
  ],
);

export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
