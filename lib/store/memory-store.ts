import { randomUUID } from 'node:crypto';
import { clampLimit, compareNewestFirst, decodeCursor, encodeCursor, isUuid } from './cursor';
import { toStorableJson } from './json';
import { startsWithLiteral, uuidPrefixRange } from './like-prefix';
import type { NewAuditEvent } from './schema-audit';
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

export type StoreOptions = {
  /** Injectable clock for createdAt/updatedAt (tests pin it; production uses the wall clock). */
  now?: () => Date;
};

/** Same semantics as the Drizzle store (the contract suite runs both); used by tests and as a fallback. */
export function matchesFilter(i: Inspection, f: InspectionFilter): boolean {
  if (f.loginId !== undefined && i.loginId !== f.loginId) return false;
  if (f.loginIdPrefix !== undefined && !startsWithLiteral(i.loginId, f.loginIdPrefix)) return false;
  if (f.requestId !== undefined && i.requestId !== f.requestId) return false;
  if (f.tagPrefix !== undefined && !startsWithLiteral(i.tag, f.tagPrefix)) return false;
  if (f.anyPrefix !== undefined) {
    const p = f.anyPrefix;
    const idMatch = p.length >= 4 && uuidPrefixRange(p) !== null && i.id.startsWith(p.toLowerCase());
    if (!idMatch && ![i.loginId, i.requestId, i.tag].some((v) => startsWithLiteral(v, p))) return false;
  }
  if (f.tag !== undefined && i.tag !== f.tag) return false;
  // Institution names are typed by people: match ignoring case, as the SQL side does with lower().
  if (f.institution !== undefined && i.institution?.toLowerCase() !== f.institution.toLowerCase()) return false;
  if (f.mode !== undefined && i.mode !== f.mode) return false;
  if (f.status !== undefined && i.status !== f.status) return false;
  if (f.openedBy !== undefined && i.openedByEmail?.toLowerCase() !== f.openedBy.toLowerCase()) return false;
  if (f.from !== undefined && i.createdAt.getTime() < f.from.getTime()) return false;
  if (f.to !== undefined && i.createdAt.getTime() > f.to.getTime()) return false;
  return true;
}

const copy = <T extends object>(v: T): T => ({ ...v });

export class MemoryStore implements InspectionStore {
  private readonly inspections = new Map<string, Inspection>();
  private readonly steps = new Map<string, Step[]>();
  private readonly continuations = new Map<string, MfaContinuation>();
  /** Audit events settle() was given, in order (the database stores write them to audit_events). */
  readonly audits: NewAuditEvent[] = [];
  private readonly now: () => Date;

  constructor(opts: StoreOptions = {}) {
    this.now = opts.now ?? (() => new Date());
  }

  async createInspection(input: NewInspection): Promise<Inspection> {
    const at = this.now();
    const taken = !input.id || !isUuid(input.id) || this.inspections.has(input.id);
    const row: Inspection = {
      id: taken ? randomUUID() : input.id!,
      createdAt: at,
      updatedAt: at,
      lastActivityAt: null,
      mode: input.mode,
      environment: input.environment,
      institution: input.institution ?? null,
      username: input.username ?? null,
      loginId: input.loginId ?? null,
      requestId: null,
      tag: input.tag ?? null,
      language: input.language ?? null,
      status: 'in_progress',
      flinksCode: null,
      statusReason: null,
      parentId: input.parentId ?? null,
      openedById: input.openedById ?? null,
      openedByEmail: input.openedByEmail ?? null,
    };
    this.inspections.set(row.id, row);
    this.steps.set(row.id, []);
    return copy(row);
  }

  async updateInspection(id: string, patch: InspectionPatch): Promise<Inspection | null> {
    const next = this.patch(id, patch);
    return next ? copy(next) : null;
  }

  async getInspection(id: string): Promise<Inspection | null> {
    const row = this.inspections.get(id);
    return row ? copy(row) : null;
  }

  async statusesOf(ids: readonly string[]): Promise<Map<string, InspectionStatus>> {
    const found = new Map<string, InspectionStatus>();
    for (const id of ids) {
      const row = this.inspections.get(id);
      if (row) found.set(id, row.status);
    }
    return found;
  }

  async listSteps(inspectionId: string): Promise<Step[]> {
    return (this.steps.get(inspectionId) ?? []).map(copy);
  }

  async appendStep(inspectionId: string, step: NewStep): Promise<Step> {
    const row = this.insertStep(inspectionId, step);
    // A step for an inspection that does not exist is a caller bug (the SQL side has a foreign key).
    if (!row) throw new Error(`appendStep: unknown inspection ${inspectionId}`);
    return copy(row);
  }

  /*
   * Everything below that must be atomic is synchronous between its read and its write: no other
   * call can interleave in one JS turn, which is how this store emulates the SQL side's
   * conditional updates and transactions.
   */

  private insertStep(inspectionId: string, step: NewStep): Step | null {
    const list = this.steps.get(inspectionId);
    if (!list) return null;
    const row: Step = {
      ...step,
      id: randomUUID(),
      inspectionId,
      seq: list.length + 1,
      request: toStorableJson(step.request),
      response: toStorableJson(step.response),
      responseHeaders: step.responseHeaders ? (toStorableJson(step.responseHeaders) as Record<string, string>) : null,
    };
    list.push(row);
    return row;
  }

  private patch(id: string, patch: Record<string, unknown>): Inspection | null {
    const current = this.inspections.get(id);
    if (!current) return null;
    // Spread would copy `key: undefined` over real values; undefined means "leave as is".
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const next: Inspection = { ...current, ...defined, updatedAt: this.now() };
    this.inspections.set(id, next);
    return next;
  }

  private transitionNow(id: string, t: Transition): Inspection | null {
    const current = this.inspections.get(id);
    if (!current || !t.from.includes(current.status)) return null;
    return this.patch(id, t.patch);
  }

  async transition(id: string, t: Transition): Promise<Inspection | null> {
    const row = this.transitionNow(id, t);
    return row ? copy(row) : null;
  }

  async settle(inspectionId: string, s: Settlement): Promise<SettleResult> {
    if (s.audit) this.audits.push(structuredClone(s.audit));
    const current = this.inspections.get(inspectionId);
    if (!current) return { ok: false, reason: 'unknown' };
    for (const earlier of s.before ?? []) this.insertStep(inspectionId, earlier);
    if (s.step) this.insertStep(inspectionId, s.step);
    const moved = s.transition ? this.transitionNow(inspectionId, s.transition) : current;
    if (!moved) return { ok: false, reason: 'conflict', inspection: copy(this.inspections.get(inspectionId)!) };
    const c = s.continuation;
    if (c === 'delete') this.continuations.delete(inspectionId);
    else if (c === 'release') {
      const held = this.continuations.get(inspectionId);
      if (held) this.continuations.set(inspectionId, { ...held, answeringUntil: null });
    } else if (c) this.continuations.set(inspectionId, this.continuationOf(inspectionId, c.put));
    return { ok: true, inspection: copy(moved) };
  }

  private continuationOf(inspectionId: string, c: NewContinuation): MfaContinuation {
    return { ...c, inspectionId, challenges: toStorableJson(c.challenges ?? null), answeringUntil: null };
  }

  async claimAnswer(inspectionId: string, now: Date, until: Date): Promise<MfaContinuation | null> {
    const c = this.continuations.get(inspectionId);
    if (!c || (c.answeringUntil && c.answeringUntil.getTime() > now.getTime())) return null;
    const claimed = { ...c, answeringUntil: until };
    this.continuations.set(inspectionId, claimed);
    return copy(claimed);
  }

  async expireIdleSessions(idleSince: Date, reason: string): Promise<string[]> {
    const ids = [...this.inspections.values()]
      .filter((i) => i.status === 'authorized' && i.lastActivityAt !== null && i.lastActivityAt.getTime() <= idleSince.getTime())
      .map((i) => i.id);
    for (const id of ids) this.patch(id, { status: 'expired', statusReason: reason });
    return ids;
  }

  async failStuckInProgress(createdBefore: Date, reason: string): Promise<string[]> {
    const ids = [...this.inspections.values()]
      .filter((i) => i.status === 'in_progress' && i.createdAt.getTime() < createdBefore.getTime())
      .map((i) => i.id);
    for (const id of ids) this.patch(id, { status: 'failed', statusReason: reason, flinksCode: null });
    return ids;
  }

  async listUnsealedSteps(opts: { after: string | null; limit: number }): Promise<Pick<Step, 'id' | 'response'>[]> {
    const personal = new RegExp(UNSEALED_KEYS_PATTERN, 'i');
    return [...this.steps.values()]
      .flat()
      .filter((s) => s.sealedResponse === null && s.response !== null && personal.test(JSON.stringify(s.response)))
      .filter((s) => opts.after === null || s.id > opts.after)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .slice(0, clampLimit(opts.limit))
      .map((s) => ({ id: s.id, response: s.response }));
  }

  async resealStep(id: string, response: unknown, sealedResponse: string): Promise<void> {
    for (const list of this.steps.values()) {
      const i = list.findIndex((s) => s.id === id);
      if (i >= 0) list[i] = { ...list[i]!, response: toStorableJson(response), sealedResponse };
    }
  }

  async listInspections(
    filter: InspectionFilter,
    opts: { cursor?: string | null; limit: number },
  ): Promise<Page<Inspection>> {
    const limit = clampLimit(opts.limit);
    const after = opts.cursor ? decodeCursor(opts.cursor) : null;
    const rows = [...this.inspections.values()]
      .filter((i) => matchesFilter(i, filter) && (!after || compareNewestFirst(after, i) < 0))
      .sort(compareNewestFirst);
    const items = rows.slice(0, limit).map(copy);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
  }

  async countInspections(filter: InspectionFilter): Promise<number> {
    return [...this.inspections.values()].filter((i) => matchesFilter(i, filter)).length;
  }

  async lastFailures(inspectionIds: readonly string[]): Promise<LastFailure[]> {
    return inspectionIds.flatMap((id) => {
      const failed = (this.steps.get(id) ?? []).filter((s) => s.outcome === 'flinks_error' || s.outcome === 'transport_error' || s.outcome === 'cancelled').at(-1);
      return failed ? [{ inspectionId: id, outcome: failed.outcome, flinksCode: failed.flinksCode, error: failed.error, httpStatus: failed.httpStatus }] : [];
    });
  }

  async putContinuation(c: Parameters<InspectionStore['putContinuation']>[0]): Promise<void> {
    if (!this.inspections.has(c.inspectionId)) {
      throw new Error(`putContinuation: unknown inspection ${c.inspectionId}`);
    }
    this.continuations.set(c.inspectionId, this.continuationOf(c.inspectionId, { ...c, challenges: c.challenges ?? null, round: c.round ?? 1 }));
  }

  async getContinuation(inspectionId: string): Promise<MfaContinuation | null> {
    const c = this.continuations.get(inspectionId);
    return c ? copy(c) : null;
  }

  async deleteContinuation(inspectionId: string): Promise<void> {
    this.continuations.delete(inspectionId);
  }

  async purgeExpiredContinuations(now: Date, reason?: string): Promise<string[]> {
    const removed: string[] = [];
    for (const [id, c] of this.continuations) {
      // Expired at its expiresAt instant, as the SQL side's `expires_at <= now`; an answer in flight keeps it.
      const leased = c.answeringUntil !== null && c.answeringUntil.getTime() > now.getTime();
      if (c.expiresAt.getTime() <= now.getTime() && !leased) {
        this.continuations.delete(id);
        removed.push(id);
        this.transitionNow(id, { from: ['mfa_pending'], patch: { status: 'failed', statusReason: reason ?? null } });
      }
    }
    return removed;
  }

  async close(): Promise<void> {}
}
