import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { clampLimit, decodeCursor, encodeCursor, isUuid } from './cursor';
import type { StoreOptions } from './memory-store';
import type { OpenDatabase } from './open-database';
import { inspectionColumns, jsonParam, whereFor } from './drizzle-sql';
import { storableJsonText } from './json';
import { inspections, mfaContinuations, steps } from './schema';
import { auditEvents, type NewAuditEvent } from './schema-audit';
import type {
  Inspection,
  InspectionFilter,
  InspectionPatch,
  InspectionStatus,
  InspectionStore,
  MfaContinuation,
  NewContinuation,
  NewInspection,
  NewStep,
  LastFailure,
  Page,
  Settlement,
  SettleResult,
  Step,
  Transition,
} from './types';
import { UNSEALED_KEYS_PATTERN } from './types';

/** A pooled PostgreSQL connection (open-database.ts). */
type Connect = NonNullable<OpenDatabase['connection']>;

/** Both drivers' databases (pglite, node-postgres) are this type; the store needs nothing more. */
export type AnyPgDatabase = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/** A continuation's columns as a round starts: nobody answering it yet. */
function freshRound(c: NewContinuation) {
  return { authorizeToken: c.authorizeToken, requestId: c.requestId, expiresAt: c.expiresAt, challenges: c.challenges ?? null, round: c.round, answeringUntil: null };
}

/**
 * What a round's upsert sets when the inspection already has one: the values the INSERT offered
 * (PostgreSQL's `excluded` row), so the round starts afresh, nobody answering it yet. One text for
 * every upsert, placeholders or values.
 */
const excluded = (column: AnyColumn) => sql`excluded.${sql.identifier(column.name)}`;
const FRESH_ROUND_ON_CONFLICT = {
  authorizeToken: excluded(mfaContinuations.authorizeToken),
  requestId: excluded(mfaContinuations.requestId),
  expiresAt: excluded(mfaContinuations.expiresAt),
  challenges: excluded(mfaContinuations.challenges),
  round: excluded(mfaContinuations.round),
  answeringUntil: null,
};

/** A step's values as its columns take them (dates as ISO text, JSON as jsonb's text): see stepValues. */
const STEP_FIELDS = ['id', 'endpoint', 'method', 'url', 'startedAt', 'durationMs', 'httpStatus', 'flinksCode', 'outcome', 'request', 'response', 'sealedResponse', 'error', 'responseHeaders'] as const;
type StepParams = Record<(typeof STEP_FIELDS)[number], unknown>;

function stepParams(step: NewStep): StepParams {
  return {
    id: randomUUID(),
    endpoint: step.endpoint,
    method: step.method,
    url: step.url,
    startedAt: step.startedAt.toISOString(),
    durationMs: step.durationMs,
    httpStatus: step.httpStatus,
    flinksCode: step.flinksCode,
    outcome: step.outcome,
    request: storableJsonText(step.request),
    response: storableJsonText(step.response),
    sealedResponse: step.sealedResponse,
    error: step.error,
    responseHeaders: storableJsonText(step.responseHeaders ?? null),
  };
}

/** What a new inspection is given (NewInspection, its id aside): the prepared INSERT's placeholders and their values. */
const CREATED_FIELDS = ['mode', 'environment', 'institution', 'username', 'loginId', 'tag', 'language', 'parentId', 'openedById', 'openedByEmail'] as const satisfies readonly (keyof NewInspection)[];

/** What settle's statement looks like (transitionWithSteps): its text depends on nothing else. */
type SettleShape = { steps: number; patched: string[]; from: number; round: 'none' | 'delete' | 'release' | 'put'; audit: boolean };

/** A value made on first use and kept. */
function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}

export class DrizzleStore implements InspectionStore {
  private readonly now: () => Date;
  private readonly inProcess: boolean;
  private readonly connection: Connect | undefined;

  constructor(
    private readonly db: AnyPgDatabase,
    private readonly release: () => Promise<void>,
    opts: StoreOptions & Partial<Pick<OpenDatabase, 'inProcess' | 'connection'>> = {},
  ) {
    this.now = opts.now ?? (() => new Date());
    this.inProcess = opts.inProcess ?? false;
    this.connection = opts.connection;
  }

  /**
   * The hottest fixed-shape statements, built once (issue 10: drizzle rebuilt each statement's SQL on
   * every call, about a tenth of the server thread under load). Dates go in as ISO text, as the
   * columns' own mapping would send them.
   */
  private readonly prepared = {
    get: once(() =>
      this.db.select(inspectionColumns).from(inspections).where(eq(inspections.id, sql.placeholder('id'))).prepare('inspection_get'),
    ),
    claim: once(() =>
      this.db
        .update(mfaContinuations)
        .set({ answeringUntil: sql`${sql.placeholder('until')}::timestamptz` })
        .where(
          and(
            eq(mfaContinuations.inspectionId, sql.placeholder('id')),
            or(isNull(mfaContinuations.answeringUntil), lte(mfaContinuations.answeringUntil, sql`${sql.placeholder('now')}::timestamptz`)),
          ),
        )
        .returning()
        .prepare('continuation_claim'),
    ),
    // Every open writes one (issue 10: built afresh, drizzle's builder ran on the server thread before
    // the statement was even sent). Columns a new inspection leaves empty are null, as their default is.
    create: once(() => {
      const given = Object.fromEntries(CREATED_FIELDS.map((field) => [field, sql.placeholder(field)])) as Record<(typeof CREATED_FIELDS)[number], ReturnType<typeof sql.placeholder>>;
      return this.db
        .insert(inspections)
        .values({ ...given, id: sql.placeholder('id'), createdAt: sql.placeholder('at'), updatedAt: sql.placeholder('at'), status: 'in_progress' })
        .onConflictDoNothing({ target: inspections.id })
        .returning(inspectionColumns)
        .prepare('inspection_create');
    }),
  };

  /** Raw rows of a statement: the readiness probe's `select 1` and migration check (readiness.ts). */
  async rows<T>(query: SQL): Promise<T[]> {
    return ((await this.db.execute(query)) as unknown as { rows: T[] }).rows;
  }

  async createInspection(input: NewInspection): Promise<Inspection> {
    const values = { at: this.now(), ...Object.fromEntries(CREATED_FIELDS.map((field) => [field, input[field] ?? null])) };
    const insert = (id: string) => this.prepared.create().execute({ ...values, id });
    // A proposed id that is taken (or not a uuid) gives way to a fresh one.
    const [proposed] = input.id && isUuid(input.id) ? await insert(input.id) : [];
    const [row] = proposed ? [proposed] : await insert(randomUUID());
    if (!row) throw new Error('createInspection: insert returned no row');
    return row;
  }

  async updateInspection(id: string, patch: InspectionPatch): Promise<Inspection | null> {
    if (!isUuid(id)) return null;
    // drizzle skips undefined keys, matching "undefined = leave as is".
    const [row] = await this.db
      .update(inspections)
      .set({ ...patch, updatedAt: this.now() })
      .where(eq(inspections.id, id))
      .returning(inspectionColumns);
    return row ?? null;
  }

  async getInspection(id: string): Promise<Inspection | null> {
    // Ids arrive from URLs; a non-uuid would be a Postgres cast error rather than "not found".
    if (!isUuid(id)) return null;
    const [row] = await this.prepared.get().execute({ id });
    return row ?? null;
  }

  async statusesOf(ids: readonly string[]): Promise<Map<string, InspectionStatus>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return new Map();
    const rows = await this.db.select({ id: inspections.id, status: inspections.status }).from(inspections).where(inArray(inspections.id, valid));
    return new Map(rows.map((r) => [r.id, r.status]));
  }

  async listSteps(inspectionId: string): Promise<Step[]> {
    if (!isUuid(inspectionId)) return [];
    return this.db.select().from(steps).where(eq(steps.inspectionId, inspectionId)).orderBy(asc(steps.seq));
  }

  async appendStep(inspectionId: string, step: NewStep): Promise<Step> {
    if (!isUuid(inspectionId)) throw new Error(`appendStep: unknown inspection ${inspectionId}`);
    const row = await this.insertStep(this.db, inspectionId, step);
    if (!row) throw new Error(`appendStep: unknown inspection ${inspectionId}`);
    return row;
  }

  private async insertStep(db: AnyPgDatabase, inspectionId: string, step: NewStep): Promise<Step | null> {
    // One statement: bumping the counter takes the inspection's row lock, so concurrent appends
    // queue on it and each reads the previous one's count — no gaps, no duplicate seq, no
    // transaction to hold open (PGlite has a single connection).
    const bumped = db.$with('bumped').as(
      db
        .update(inspections)
        .set({ stepCount: sql`${inspections.stepCount} + 1` })
        .where(eq(inspections.id, inspectionId))
        .returning({ seq: inspections.stepCount }),
    );
    const [row] = await db
      .with(bumped)
      .insert(steps)
      .select(sql`select ${stepValues(stepParams(step), inspectionId, sql`${bumped.seq}`)} from ${bumped}`)
      .returning();
    return row ?? null;
  }

  async listUnsealedSteps(opts: { after: string | null; limit: number }): Promise<Pick<Step, 'id' | 'response'>[]> {
    return this.db
      .select({ id: steps.id, response: steps.response })
      .from(steps)
      .where(
        and(
          isNull(steps.sealedResponse),
          isNotNull(steps.response),
          sql`${steps.response}::text ~* ${UNSEALED_KEYS_PATTERN}`,
          opts.after && isUuid(opts.after) ? gt(steps.id, opts.after) : undefined,
        ),
      )
      .orderBy(asc(steps.id))
      .limit(clampLimit(opts.limit));
  }

  async resealStep(id: string, response: unknown, sealedResponse: string): Promise<void> {
    if (!isUuid(id)) return;
    await this.db
      .update(steps)
      .set({ response: jsonParam(response), sealedResponse })
      .where(eq(steps.id, id));
  }

  async listInspections(
    filter: InspectionFilter,
    opts: { cursor?: string | null; limit: number },
  ): Promise<Page<Inspection>> {
    const limit = clampLimit(opts.limit);
    const conditions = whereFor(filter);
    const after = opts.cursor ? decodeCursor(opts.cursor) : null;
    if (after) {
      // Row comparison: one index range condition on (created_at, id), unlike the OR-expanded form.
      conditions.push(
        sql`(${inspections.createdAt}, ${inspections.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`,
      );
    }
    const rows = await this.db
      .select(inspectionColumns)
      .from(inspections)
      .where(and(...conditions))
      .orderBy(desc(inspections.createdAt), desc(inspections.id))
      .limit(limit + 1);
    const items = rows.slice(0, limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  async countInspections(filter: InspectionFilter): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(inspections)
      .where(and(...whereFor(filter)));
    return Number(row?.n ?? 0);
  }

  async lastFailures(inspectionIds: readonly string[]): Promise<LastFailure[]> {
    const ids = inspectionIds.filter(isUuid);
    if (ids.length === 0) return [];
    // distinct on + seq desc walks steps_inspection_seq_idx backwards per inspection.
    return this.db
      .selectDistinctOn([steps.inspectionId], {
        inspectionId: steps.inspectionId,
        outcome: steps.outcome,
        flinksCode: steps.flinksCode,
        error: steps.error,
        httpStatus: steps.httpStatus,
      })
      .from(steps)
      .where(and(inArray(steps.inspectionId, ids), inArray(steps.outcome, ['flinks_error', 'transport_error', 'cancelled'])))
      .orderBy(steps.inspectionId, desc(steps.seq));
  }

  async transition(id: string, t: Transition): Promise<Inspection | null> {
    if (!isUuid(id)) return null;
    return this.transitionIn(this.db, id, t);
  }

  /** `UPDATE … WHERE id = $1 AND status IN (from)`: the row lock makes a racing writer re-check the status. */
  private async transitionIn(db: AnyPgDatabase, id: string, t: Transition): Promise<Inspection | null> {
    if (t.from.length === 0) return null;
    const [row] = await db
      .update(inspections)
      .set({ ...t.patch, updatedAt: this.now() })
      .where(and(eq(inspections.id, id), inArray(inspections.status, [...t.from])))
      .returning(inspectionColumns);
    return row ?? null;
  }

  async settle(inspectionId: string, s: Settlement): Promise<SettleResult> {
    if (!isUuid(inspectionId)) return { ok: false, reason: 'unknown' };
    const recorded = [...(s.before ?? []), ...(s.step ? [s.step] : [])];
    // The usual case, a status change and its steps, is one statement (transitionWithSteps), atomic
    // on its own. On PGlite it runs without BEGIN and COMMIT around it (issue 10: in its worker
    // thread the transaction held the database while the server's busy thread got round to sending
    // COMMIT; measured, begin waited 80 ms on average with 100 flows). On PostgreSQL it keeps them:
    // a connection that hangs after the server got the statement would leave a write the caller was
    // told failed, where a COMMIT the server never received leaves nothing (database-down.test.ts).
    // It writes nothing when the status had moved on; then the steps are recorded alone, below.
    if (this.inProcess && s.transition && recorded.length > 0) {
      const moved = await this.transitionWithSteps(this.db, inspectionId, s.transition, recorded, s.continuation, s.audit);
      if (moved) return { ok: true, inspection: moved };
    }
    if (!this.inProcess && this.connection && s.transition && recorded.length > 0) return this.settleOnConnection(this.connection, inspectionId, s, recorded);
    return this.db.transaction(async (transaction) => {
      const tx = transaction as unknown as AnyPgDatabase;
      const together = !this.inProcess && s.transition && recorded.length > 0 ? await this.transitionWithSteps(tx, inspectionId, s.transition, recorded, s.continuation, s.audit) : null;
      return this.settleRest(tx, inspectionId, s, recorded, together);
    });
  }

  /**
   * PostgreSQL's settle: BEGIN, the one statement, COMMIT, on a pooled connection taken here rather
   * than through drizzle's transaction(), because drizzle can run a prepared statement only on the
   * database it was prepared on, and building settle's CTE afresh cost ~0.5 ms of the server thread
   * per answer (issue 10). Each connection keeps its own prepared copy per shape, under the name
   * every connection gives that shape's text.
   */
  private async settleOnConnection(connect: Connect, inspectionId: string, s: Settlement, recorded: readonly NewStep[]): Promise<SettleResult> {
    const c = await connect();
    let began = false;
    try {
      await c.run('begin');
      began = true;
      const together = await this.transitionWithSteps(c.db, inspectionId, s.transition!, recorded, s.continuation, s.audit, true);
      const result = await this.settleRest(c.db, inspectionId, s, recorded, together);
      await c.run('commit');
      c.release();
      return result;
    } catch (err) {
      // A BEGIN that failed, or a ROLLBACK that does, may leave the connection in any state: close it.
      const undone = began && (await c.run('rollback').then(
        () => true,
        () => false,
      ));
      c.release(undone ? undefined : err instanceof Error ? err : new Error(String(err)));
      throw err;
    }
  }

  /** The rest of a settlement, in its transaction, after (or without) the one statement that moved the status. */
  private async settleRest(tx: AnyPgDatabase, inspectionId: string, s: Settlement, recorded: readonly NewStep[], together: Inspection | null): Promise<SettleResult> {
    if (together) return { ok: true, inspection: together };
    // The event is kept whatever follows, as the steps are (Settlement.audit).
    if (s.audit) await tx.insert(auditEvents).values(s.audit);
    for (const step of recorded) {
      if (!(await this.insertStep(tx, inspectionId, step))) return { ok: false, reason: 'unknown' };
    }
    const moved = s.transition ? await this.transitionIn(tx, inspectionId, s.transition) : await this.getIn(tx, inspectionId);
    if (!moved) {
      const current = await this.getIn(tx, inspectionId);
      // Lost the race: the step (what Flinks really answered) stays; status and round do not move.
      return current ? { ok: false, reason: 'conflict', inspection: current } : { ok: false, reason: 'unknown' };
    }
    const c = s.continuation;
    if (c === 'delete') await tx.delete(mfaContinuations).where(eq(mfaContinuations.inspectionId, inspectionId));
    else if (c === 'release') {
      await tx.update(mfaContinuations).set({ answeringUntil: null }).where(eq(mfaContinuations.inspectionId, inspectionId));
    } else if (c) await this.upsertContinuation(tx, inspectionId, c.put);
    return { ok: true, inspection: moved };
  }

  /**
   * The status change, its steps and the MFA round in one statement (issue 10): one UPDATE moves
   * the status and bumps the step counter by the number of steps (taking the row lock, as
   * insertStep does), each step is inserted from its RETURNING, so seq follows the given order, and
   * the continuation is kept, ended or released for the row it returned (so after the row lock:
   * the order the sweeps take them in). Null when the status had moved on (or no such inspection):
   * then nothing was written.
   *
   * The statement is written with placeholders, so one text serves every settle of its shape. It is
   * built once per shape and database and kept (issue 10: with 100 ms upstream latency, drizzle
   * building this CTE was 0.8-1.7 ms of the work after Flinks answered): on PGlite, and on each
   * PostgreSQL connection settleOnConnection runs it on (`kept`); inside a transaction drizzle opened,
   * it is built each time, from the same builder.
   */
  private async transitionWithSteps(
    db: AnyPgDatabase,
    id: string,
    t: Transition,
    recorded: readonly NewStep[],
    continuation: Settlement['continuation'],
    audit: NewAuditEvent | undefined,
    kept = db === this.db,
  ): Promise<Inspection | null> {
    if (t.from.length === 0) return null;
    const patched = (Object.keys(t.patch) as (keyof InspectionPatch)[]).filter((key) => t.patch[key] !== undefined).sort();
    const shape: SettleShape = {
      steps: recorded.length,
      patched,
      from: t.from.length,
      round: continuation === undefined ? 'none' : typeof continuation === 'string' ? continuation : 'put',
      audit: audit !== undefined,
    };
    const values: Record<string, unknown> = { id, updatedAt: this.now().toISOString() };
    t.from.forEach((status, i) => (values[`from${i}`] = status));
    for (const key of patched) {
      const value = t.patch[key];
      values[`set_${key}`] = value instanceof Date ? value.toISOString() : value;
    }
    recorded.forEach((step, i) => {
      for (const [field, value] of Object.entries(stepParams(step))) values[`step${i}_${field}`] = value;
    });
    if (typeof continuation === 'object') {
      const c = continuation.put;
      Object.assign(values, { roundToken: c.authorizeToken, roundRequestId: c.requestId, roundExpiresAt: c.expiresAt.toISOString(), roundChallenges: storableJsonText(c.challenges ?? null), round: c.round });
    }
    if (audit) Object.assign(values, auditParams(audit));
    const [row] = await (kept ? this.preparedSettle(db, shape) : settleStatement(db, shape)).execute(values);
    if (!row) return null;
    const inspection: Inspection & { seqEnd?: number } = { ...row };
    delete inspection.seqEnd;
    return inspection;
  }

  /** Built once per shape and database (a few dozen shapes at most: steps, patched columns, statuses and round vary little). */
  private readonly settleStatements = new WeakMap<AnyPgDatabase, Map<string, PreparedSettle>>();
  /**
   * Each shape's name, the same on every connection (its text is the shape's), and a name of its own
   * for each statement past the bound (node-postgres would reject a name reused for another text).
   */
  private readonly settleNames = new Map<string, string>();
  private settleNamesGiven = 0;

  private preparedSettle(db: AnyPgDatabase, shape: SettleShape) {
    const key = JSON.stringify(shape);
    let kept = this.settleStatements.get(db);
    if (!kept) this.settleStatements.set(db, (kept = new Map()));
    let statement = kept.get(key);
    if (!statement) {
      let name = this.settleNames.get(key);
      if (!name) {
        name = `settle_${this.settleNamesGiven++}`;
        if (this.settleNames.size < 100) this.settleNames.set(key, name);
      }
      statement = settleStatement(db, shape).prepare(name);
      if (kept.size < 100) kept.set(key, statement);
    }
    return statement;
  }

  private async getIn(db: AnyPgDatabase, id: string): Promise<Inspection | null> {
    const [row] = await db.select(inspectionColumns).from(inspections).where(eq(inspections.id, id));
    return row ?? null;
  }

  private async upsertContinuation(db: AnyPgDatabase, inspectionId: string, c: NewContinuation): Promise<void> {
    await db
      .insert(mfaContinuations)
      .values({ ...freshRound(c), inspectionId })
      .onConflictDoUpdate({ target: mfaContinuations.inspectionId, set: FRESH_ROUND_ON_CONFLICT });
  }

  async claimAnswer(inspectionId: string, now: Date, until: Date): Promise<MfaContinuation | null> {
    if (!isUuid(inspectionId)) return null;
    const [row] = await this.prepared.claim().execute({ id: inspectionId, now: now.toISOString(), until: until.toISOString() });
    return row ?? null;
  }

  async expireIdleSessions(idleSince: Date, reason: string): Promise<string[]> {
    const rows = await this.db
      .update(inspections)
      .set({ status: 'expired', statusReason: reason, updatedAt: this.now() })
      .where(and(eq(inspections.status, 'authorized'), lte(inspections.lastActivityAt, idleSince)))
      .returning({ id: inspections.id });
    return rows.map((r) => r.id);
  }

  async failStuckInProgress(createdBefore: Date, reason: string): Promise<string[]> {
    const rows = await this.db
      .update(inspections)
      .set({ status: 'failed', statusReason: reason, flinksCode: null, updatedAt: this.now() })
      .where(and(eq(inspections.status, 'in_progress'), lt(inspections.createdAt, createdBefore)))
      .returning({ id: inspections.id });
    return rows.map((r) => r.id);
  }

  async putContinuation(c: Parameters<InspectionStore['putContinuation']>[0]): Promise<void> {
    await this.upsertContinuation(this.db, c.inspectionId, { ...c, challenges: c.challenges ?? null, round: c.round ?? 1 });
  }

  async getContinuation(inspectionId: string): Promise<MfaContinuation | null> {
    if (!isUuid(inspectionId)) return null;
    const [row] = await this.db.select().from(mfaContinuations).where(eq(mfaContinuations.inspectionId, inspectionId));
    return row ?? null;
  }

  async deleteContinuation(inspectionId: string): Promise<void> {
    if (!isUuid(inspectionId)) return;
    await this.db.delete(mfaContinuations).where(eq(mfaContinuations.inspectionId, inspectionId));
  }

  async purgeExpiredContinuations(now: Date, reason?: string): Promise<string[]> {
    return this.db.transaction(async (transaction) => {
      const tx = transaction as unknown as AnyPgDatabase;
      // An answer in flight holds its lease past expiresAt: its result decides, not the sweep.
      const expired = and(
        lte(mfaContinuations.expiresAt, now),
        or(isNull(mfaContinuations.answeringUntil), lte(mfaContinuations.answeringUntil, now)),
      );
      const candidates = await tx.select({ id: mfaContinuations.inspectionId }).from(mfaContinuations).where(expired);
      if (candidates.length === 0) return [];
      // Inspection rows first, then continuations: the order settle() takes them in (its step
      // insert locks the inspection), so a sweep and an answer cannot deadlock each other.
      await tx
        .select({ id: inspections.id })
        .from(inspections)
        .where(inArray(inspections.id, candidates.map((c) => c.id)))
        .orderBy(asc(inspections.id))
        .for('update');
      const removed = await tx
        .delete(mfaContinuations)
        .where(and(inArray(mfaContinuations.inspectionId, candidates.map((c) => c.id)), expired))
        .returning({ id: mfaContinuations.inspectionId });
      const ids = removed.map((r) => r.id);
      if (ids.length > 0) {
        await tx
          .update(inspections)
          .set({ status: 'failed', statusReason: reason ?? null, updatedAt: this.now() })
          .where(and(inArray(inspections.id, ids), eq(inspections.status, 'mfa_pending')));
      }
      return ids;
    });
  }

  async close(): Promise<void> {
    await this.release();
  }
}

/**
 * A step's columns as a select list, its seq given by `seq` (an expression over the statement's
 * CTE): each value is the step's own (stepParams) or a placeholder for it (settle's statement).
 */
function stepValues(p: StepParams, inspectionId: unknown, seq: SQL): SQL {
  return sql.join(
    [
      sql`${p.id}::uuid`,
      sql`${inspectionId}::uuid`,
      seq,
      sql`${p.endpoint}`,
      sql`${p.method}`,
      sql`${p.url}`,
      sql`${p.startedAt}::timestamptz`,
      sql`${p.durationMs}::int`,
      sql`${p.httpStatus}::int`,
      sql`${p.flinksCode}::text`,
      sql`${p.outcome}`,
      sql`${p.request}::jsonb`,
      sql`${p.response}::jsonb`,
      sql`${p.sealedResponse}::text`,
      sql`${p.error}::text`,
      sql`${p.responseHeaders}::jsonb`,
    ],
    sql`, `,
  );
}

/** Settle's statement for one shape, with a placeholder for every value (transitionWithSteps names them). */
function settleStatement(db: AnyPgDatabase, shape: SettleShape) {
  const k = shape.steps;
  const set: Record<string, SQL> = Object.fromEntries(shape.patched.map((key) => [key, sql`${sql.placeholder(`set_${key}`)}`]));
  const moved = db.$with('moved').as(
    db
      .update(inspections)
      .set({ ...set, updatedAt: sql`${sql.placeholder('updatedAt')}::timestamptz`, stepCount: sql`${inspections.stepCount} + ${k}::int` })
      .where(
        and(
          eq(inspections.id, sql.placeholder('id')),
          inArray(
            inspections.status,
            Array.from({ length: shape.from }, (_, i) => sql.placeholder(`from${i}`)),
          ),
        ),
      )
      .returning({ ...inspectionColumns, seqEnd: inspections.stepCount }),
  );
  const inserts = Array.from({ length: k }, (_, i) => {
    const p = Object.fromEntries(STEP_FIELDS.map((field) => [field, sql.placeholder(`step${i}_${field}`)])) as StepParams;
    return db.$with(`step_${i}`).as(
      db
        .insert(steps)
        .select(sql`select ${stepValues(p, sql.placeholder('id'), sql`${moved.seqEnd} - ${k - 1 - i}::int`)} from ${moved}`)
        .returning({ id: steps.id }),
    );
  });
  const round = roundAfter(db, { id: sql`${moved.id}`, from: sql`${moved}` }, shape.round);
  // The caller's audit event, only with a status that moved: else the transaction writes it (settle).
  const audited = shape.audit ? db.$with('audited').as(db.insert(auditEvents).select(sql`select ${auditValues()} from ${moved}`).returning({ id: auditEvents.id })) : null;
  return db.with(moved, ...inserts, ...(round ? [db.$with('round').as(round)] : []), ...(audited ? [audited] : [])).select().from(moved);
}

/**
 * audit_events' columns in table order, with their SQL types: what settle's statement inserts
 * (auditValues) and the values it is given (auditParams), both read from the schema so neither can
 * drift from it or from the other.
 */
const AUDIT_COLUMNS = Object.entries(getTableColumns(auditEvents)).map(([name, column]) => ({ name: name as keyof NewAuditEvent, type: column.getSQLType() }));

/** An audit event's values for settle's statement, named audit_<column>: dates as ISO text, JSON as text. */
function auditParams(a: NewAuditEvent): Record<string, unknown> {
  return Object.fromEntries(
    AUDIT_COLUMNS.map(({ name, type }) => {
      const value = a[name] ?? null;
      return [`audit_${name}`, value instanceof Date ? value.toISOString() : type === 'jsonb' && value !== null ? JSON.stringify(value) : value];
    }),
  );
}

/** The audit event's row as placeholders, each cast to its column's type (auditParams names them). */
function auditValues(): SQL {
  return sql.join(
    AUDIT_COLUMNS.map(({ name, type }) => sql`${sql.placeholder(`audit_${name}`)}::${sql.raw(type)}`),
    sql`, `,
  );
}

type PreparedSettle = ReturnType<ReturnType<typeof settleStatement>['prepare']>;

/**
 * The continuation's part of a settlement as a statement for the inspection `of` returns (a CTE's
 * id column and name): none when it returns no row, which is how a lost race leaves the round be.
 * A new round's values are placeholders (transitionWithSteps: round*).
 */
function roundAfter(db: AnyPgDatabase, of: { id: SQL; from: SQL }, round: SettleShape['round']) {
  const mine = eq(mfaContinuations.inspectionId, sql`(select ${of.id} from ${of.from})`);
  const key = { inspectionId: mfaContinuations.inspectionId };
  if (round === 'none') return null;
  if (round === 'delete') return db.delete(mfaContinuations).where(mine).returning(key);
  if (round === 'release') return db.update(mfaContinuations).set({ answeringUntil: null }).where(mine).returning(key);
  const p = sql.placeholder;
  return db
    .insert(mfaContinuations)
    .select(
      sql`select ${of.id}, ${p('roundToken')}::text, ${p('roundRequestId')}::text, ${p('roundExpiresAt')}::timestamptz, ${p('roundChallenges')}::jsonb, ${p('round')}::int, null::timestamptz from ${of.from}`,
    )
    .onConflictDoUpdate({ target: mfaContinuations.inspectionId, set: FRESH_ROUND_ON_CONFLICT })
    .returning(key);
}
