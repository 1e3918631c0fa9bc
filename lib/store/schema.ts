import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { InspectionMode, InspectionStatus, StepOutcome } from './types';

/**
 * Tables behind InspectionStore. Every index below serves a query of the history page:
 * newest-first listing is a backward scan of (created_at, id) with a row-comparison keyset bound,
 * optionally narrowed by one equality filter that leads its own index, so Postgres stops after
 * `limit + 1` rows. Ascending indexes scanned backwards give exactly `order by .. desc` (nulls
 * first) and accept `(created_at, id) < (..)`; drizzle's `.desc()` would emit NULLS LAST instead.
 */

export const INSPECTION_MODES = ['cached', 'live'] as const satisfies readonly InspectionMode[];
export const INSPECTION_STATUSES = ['in_progress', 'mfa_pending', 'authorized', 'failed', 'expired'] as const satisfies readonly InspectionStatus[];
export const STEP_OUTCOMES = ['ok', 'mfa_required', 'pending', 'flinks_error', 'transport_error', 'cancelled'] as const satisfies readonly StepOutcome[];

// Timestamps are written from JS Dates (millisecond precision) rather than now(), so a cursor built
// from a returned Date matches the stored value exactly.
const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const inspections = pgTable(
  'inspections',
  {
    id: uuid('id').primaryKey(),
    createdAt: tstz('created_at').notNull(),
    updatedAt: tstz('updated_at').notNull(),
    lastActivityAt: tstz('last_activity_at'),
    mode: text('mode', { enum: INSPECTION_MODES }).notNull(),
    environment: text('environment').notNull(),
    institution: text('institution'),
    username: text('username'),
    loginId: text('login_id'),
    requestId: text('request_id'),
    tag: text('tag'),
    language: text('language'),
    status: text('status', { enum: INSPECTION_STATUSES }).notNull(),
    flinksCode: text('flinks_code'),
    // Why we closed it ourselves (a sweep), when no FlinksCode says why.
    statusReason: text('status_reason'),
    parentId: uuid('parent_id'),
    // Who opened it (staff user id and email as they were); null for rows from before sign-in existed.
    openedById: text('opened_by_id'),
    openedByEmail: text('opened_by_email'),
    // Bumped by appendStep in the same statement that inserts the step: the row lock on this
    // counter is what serialises concurrent appends to one inspection.
    stepCount: integer('step_count').notNull().default(0),
  },
  (t) => [
    index('inspections_created_idx').on(t.createdAt, t.id),
    index('inspections_institution_idx').on(sql`lower(${t.institution})`, t.createdAt, t.id),
    index('inspections_login_id_idx').on(t.loginId, t.createdAt, t.id),
    index('inspections_request_id_idx').on(t.requestId, t.createdAt, t.id),
    index('inspections_tag_idx').on(t.tag, t.createdAt, t.id),
    index('inspections_status_idx').on(t.status, t.createdAt, t.id),
    index('inspections_parent_idx').on(t.parentId),
    index('inspections_opened_by_idx').on(t.openedByEmail, t.createdAt, t.id),
  ],
);

export const steps = pgTable(
  'steps',
  {
    id: uuid('id').primaryKey(),
    inspectionId: uuid('inspection_id')
      .notNull()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    endpoint: text('endpoint').notNull(),
    method: text('method').notNull(),
    url: text('url').notNull(),
    startedAt: tstz('started_at').notNull(),
    durationMs: integer('duration_ms').notNull(),
    httpStatus: integer('http_status'),
    flinksCode: text('flinks_code'),
    outcome: text('outcome', { enum: STEP_OUTCOMES }).notNull(),
    request: jsonb('request'),
    response: jsonb('response'),
    // The original response, AES-GCM sealed (lib/crypto/seal.ts); `response` then holds the masked view.
    sealedResponse: text('sealed_response'),
    error: text('error'),
    // The few useful response headers (Retry-After, Date, Content-Type, request ids), redacted
    // (lib/flinks/redact.ts pickResponseHeaders): never cookies or credentials.
    responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
  },
  (t) => [uniqueIndex('steps_inspection_seq_idx').on(t.inspectionId, t.seq)],
);

export const mfaContinuations = pgTable(
  'mfa_continuations',
  {
    inspectionId: uuid('inspection_id')
      .primaryKey()
      .references(() => inspections.id, { onDelete: 'cascade' }),
    // Sealed by the inspector (lib/crypto/seal.ts), never the token itself.
    authorizeToken: text('authorize_token').notNull(),
    requestId: text('request_id').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    // The round's questions as the browser shows them (never the answers), so another tab or a
    // reload can resume it.
    challenges: jsonb('challenges'),
    round: integer('round').notNull().default(1),
    // Lease of the one answer in flight (claimed by a conditional UPDATE): a second answer waits
    // for the first instead of calling Flinks again, on this instance or another.
    answeringUntil: tstz('answering_until'),
  },
  (t) => [index('mfa_continuations_expires_idx').on(t.expiresAt)],
);

export type InspectionRow = typeof inspections.$inferSelect;
export type StepRow = typeof steps.$inferSelect;

export * from './schema-auth';
export * from './schema-audit';
export * from './schema-api';
