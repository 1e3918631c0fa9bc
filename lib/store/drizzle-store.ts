import { randomUUID } from 'node:crypto';
import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { clampLimit, decodeCursor, encodeCursor, isUuid } from './cursor';
import { toStorableJson } from './json';
import type { StoreOptions } from './memory-store';
import { inspectionColumns, jsonParam, whereFor } from './drizzle-sql';
import { inspections, mfaContinuations, steps } from './schema';
import type {
  Inspection,
  InspectionFilter,
  InspectionPatch,
  InspectionStore,
  MfaContinuation,
  NewInspection,
  NewStep,
  LastFailure,
  Page,
  Step,
} from './types';
import { UNSEALED_KEYS_PATTERN } from './types';

/** Both drivers' databases (pglite, node-postgres) are this type; the store needs nothing more. */
export type AnyPgDatabase = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export class DrizzleStore implements InspectionStore {
  private readonly now: () => Date;

  constructor(
    private readonly db: AnyPgDatabase,
    private readonly release: () => Promise<void>,
    opts: StoreOptions = {},
  ) {
    this.now = opts.now ?? (() => new Date());
  }

  /** Raw rows of a statement: the readiness probe's `select 1` and migration check (readiness.ts). */
  async rows<T>(query: SQL): Promise<T[]> {
    return ((await this.db.execute(query)) as unknown as { rows: T[] }).rows;
  }

  async createInspection(input: NewInspection): Promise<Inspection> {
    const at = this.now();
    const [row] = await this.db
      .insert(inspections)
      .values({ ...input, id: randomUUID(), createdAt: at, updatedAt: at, status: 'in_progress' })
      .returning(inspectionColumns);
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
    const [row] = await this.db.select(inspectionColumns).from(inspections).where(eq(inspections.id, id));
    return row ?? null;
  }

  async listSteps(inspectionId: string): Promise<Step[]> {
    if (!isUuid(inspectionId)) return [];
    return this.db.select().from(steps).where(eq(steps.inspectionId, inspectionId)).orderBy(asc(steps.seq));
  }

  async appendStep(inspectionId: string, step: NewStep): Promise<Step> {
    if (!isUuid(inspectionId)) throw new Error(`appendStep: unknown inspection ${inspectionId}`);
    // One statement: bumping the counter takes the inspection's row lock, so concurrent appends
    // queue on it and each reads the previous one's count — no gaps, no duplicate seq, no
    // transaction to hold open (PGlite has a single connection).
    const bumped = this.db.$with('bumped').as(
      this.db
        .update(inspections)
        .set({ stepCount: sql`${inspections.stepCount} + 1` })
        .where(eq(inspections.id, inspectionId))
        .returning({ seq: inspections.stepCount }),
    );
    const values = {
      id: randomUUID(),
      inspectionId,
      endpoint: step.endpoint,
      method: step.method,
      url: step.url,
      startedAt: step.startedAt,
      durationMs: step.durationMs,
      httpStatus: step.httpStatus,
      flinksCode: step.flinksCode,
      outcome: step.outcome,
      request: toStorableJson(step.request),
      response: toStorableJson(step.response),
      sealedResponse: step.sealedResponse,
      error: step.error,
    };
    const [row] = await this.db
      .with(bumped)
      .insert(steps)
      .select(
        sql`select ${sql.join(
          [
            sql`${values.id}::uuid`,
            sql`${values.inspectionId}::uuid`,
            sql`${bumped.seq}`,
            sql`${values.endpoint}`,
            sql`${values.method}`,
            sql`${values.url}`,
            sql`${values.startedAt.toISOString()}::timestamptz`,
            sql`${values.durationMs}::int`,
            sql`${values.httpStatus}::int`,
            sql`${values.flinksCode}::text`,
            sql`${values.outcome}`,
            jsonParam(values.request),
            jsonParam(values.response),
            sql`${values.sealedResponse}::text`,
            sql`${values.error}::text`,
          ],
          sql`, `,
        )} from ${bumped}`,
      )
      .returning();
    if (!row) throw new Error(`appendStep: unknown inspection ${inspectionId}`);
    return row;
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
      .set({ response: sql`${jsonParam(toStorableJson(response))}`, sealedResponse })
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
      .where(and(inArray(steps.inspectionId, ids), inArray(steps.outcome, ['flinks_error', 'transport_error'])))
      .orderBy(steps.inspectionId, desc(steps.seq));
  }

  async putContinuation(c: MfaContinuation): Promise<void> {
    await this.db
      .insert(mfaContinuations)
      .values(c)
      .onConflictDoUpdate({
        target: mfaContinuations.inspectionId,
        set: { authorizeToken: c.authorizeToken, requestId: c.requestId, expiresAt: c.expiresAt },
      });
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

  async purgeExpiredContinuations(now: Date): Promise<string[]> {
    const removed = await this.db
      .delete(mfaContinuations)
      .where(lte(mfaContinuations.expiresAt, now))
      .returning({ id: mfaContinuations.inspectionId });
    return removed.map((r) => r.id);
  }

  async close(): Promise<void> {
    await this.release();
  }
}
