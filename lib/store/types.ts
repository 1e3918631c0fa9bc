/**
 * The store behind the inspector: inspections (one attempt to open a Flinks session, our own id)
 * and their steps (one HTTP exchange with Flinks each, already redacted by lib/flinks/redact).
 * Implementations: memory (tests, fallback) and Drizzle over PGlite or PostgreSQL.
 */
import type { NewAuditEvent } from './schema-audit';

export type InspectionMode = 'cached' | 'live';
/** The state machine is lib/inspector/inspection-state.ts; the store enforces it with conditional updates. */
export type InspectionStatus = 'in_progress' | 'mfa_pending' | 'authorized' | 'failed' | 'expired';
/** cancelled: the user pressed Cancel while the call was on its way (the upstream call was aborted). */
export type StepOutcome = 'ok' | 'mfa_required' | 'pending' | 'flinks_error' | 'transport_error' | 'cancelled';

export type Inspection = {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  /** Last successful exchange with the session: the RequestId's 8-minute idle clock starts here. */
  lastActivityAt: Date | null;
  mode: InspectionMode;
  environment: string;
  institution: string | null;
  username: string | null;
  loginId: string | null;
  requestId: string | null;
  tag: string | null;
  language: string | null;
  status: InspectionStatus;
  /** FlinksCode of the last failure, or null. */
  flinksCode: string | null;
  /** Why we closed it ourselves (a sweep: stuck, abandoned, idle), when no FlinksCode says why. */
  statusReason: string | null;
  /** Set when this inspection reopened an expired one. */
  parentId: string | null;
  /** The staff user who opened it (id and email as they were then); null before sign-in existed. */
  openedById: string | null;
  openedByEmail: string | null;
};

export type NewInspection = Pick<Inspection, 'mode' | 'environment'> &
  Partial<Pick<Inspection, 'institution' | 'username' | 'loginId' | 'tag' | 'language' | 'parentId' | 'openedById' | 'openedByEmail'>> & {
    /**
     * An id chosen in advance (the browser's, so it can link to and cancel the inspection while its
     * first call is still running). When it is taken, a fresh one is used: never an error, never someone else's row.
     */
    id?: string;
  };

export type InspectionPatch = Partial<
  Pick<
    Inspection,
    'status' | 'flinksCode' | 'statusReason' | 'loginId' | 'requestId' | 'institution' | 'username' | 'lastActivityAt' | 'tag'
  >
>;

export type Step = {
  id: string;
  inspectionId: string;
  /** 1-based order within the inspection. */
  seq: number;
  endpoint: string;
  method: string;
  /** Full URL; contains no secret (customer id only). */
  url: string;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  flinksCode: string | null;
  outcome: StepOutcome;
  /** Redacted request: headers and body. */
  request: unknown;
  /**
   * Redacted parsed JSON body with personal data masked (lib/inspector/mask-personal-data.ts), or
   * { text: first bytes } for a non-JSON body, or null.
   */
  response: unknown;
  /** The redacted but unmasked body, sealed (lib/crypto/seal.ts); null when masking changed nothing. */
  sealedResponse: string | null;
  /** Transport failure in words (timeout, network, non-JSON), else null. */
  error: string | null;
  /**
   * The few useful response headers, lower-case names (retry-after, date, content-type, request
   * ids), already redacted; null when none was received or for rows from before they were kept.
   * Optional so callers that build steps by hand need not name it.
   */
  responseHeaders?: Record<string, string> | null;
};

export type NewStep = Omit<Step, 'id' | 'seq' | 'inspectionId'>;

/** JSON keys that may carry personal data (lib/inspector/mask-personal-data.ts), as a case-insensitive regex source. */
export const UNSEALED_KEYS_PATTERN = '"(holder|holders|accountnumber|transitnumber|email|phonenumber|description)"';

export type InspectionFilter = {
  loginId?: string;
  /** LoginId starts with this (LIKE 'x%', with % and _ matched literally). */
  loginIdPrefix?: string;
  requestId?: string;
  tag?: string;
  /** Tag starts with this (literal prefix, as loginIdPrefix). */
  tagPrefix?: string;
  /**
   * The header's Search: LoginId, RequestId or Tag starts with this, or the inspection id does
   * (any of them).
   */
  anyPrefix?: string;
  institution?: string;
  mode?: InspectionMode;
  status?: InspectionStatus;
  /** Email of the staff user who opened it (exact, case-insensitive). */
  openedBy?: string;
  from?: Date;
  to?: Date;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

/** The last failing step of an inspection (History's Problem column). */
export type LastFailure = Pick<Step, 'inspectionId' | 'outcome' | 'flinksCode' | 'error' | 'httpStatus'>;

/** Held only while an MFA round is open; deleted when the session finishes or expires. */
export type MfaContinuation = {
  inspectionId: string;
  /** The token as sealed by the inspector: the store keeps whatever text it is given. */
  authorizeToken: string;
  requestId: string;
  expiresAt: Date;
  /** The round's questions as shown (ChallengeView[] of lib/inspector/views.ts, never answers); null for older rows. */
  challenges: unknown;
  /** 1 for the first 203 of an inspection, +1 per further round. */
  round: number;
  /** Set while one answer is in flight (claimAnswer); another answer waits for it instead of calling Flinks. */
  answeringUntil: Date | null;
};

export type NewContinuation = Omit<MfaContinuation, 'inspectionId' | 'answeringUntil'>;

/** A guarded change: applied only while the inspection's status is one of `from` (a compare-and-set). */
export type Transition = { from: readonly InspectionStatus[]; patch: InspectionPatch };

/** One exchange's effects, written in one transaction by settle(). */
export type Settlement = {
  step?: NewStep;
  /**
   * Steps that came before `step` and are written with it, in this order (an open records its token
   * step with the Authorize answer: one write less per open). Kept, like `step`, when the race is lost.
   */
  before?: readonly NewStep[];
  transition?: Transition;
  /**
   * put: the round stays open with this continuation (any lease is cleared); delete: the round is
   * over; release: the round stays as it was, only the answer lease is given back.
   * Skipped when the transition loses its race.
   */
  continuation?: { put: NewContinuation } | 'delete' | 'release';
  /**
   * The caller's audit event for this answer, written with the settlement (issue 10: one statement,
   * not two, on the user's wait): in the same statement when the status moves, else in the same
   * transaction as the steps. Kept, like the steps, when the race is lost: it records what Flinks
   * answered and who asked.
   */
  audit?: NewAuditEvent;
};

export type SettleResult =
  | { ok: true; inspection: Inspection }
  /** The status had moved on (another answer, a sweep): the step is kept, nothing else changed. */
  | { ok: false; reason: 'conflict'; inspection: Inspection }
  | { ok: false; reason: 'unknown' };

export interface InspectionStore {
  createInspection(input: NewInspection): Promise<Inspection>;
  updateInspection(id: string, patch: InspectionPatch): Promise<Inspection | null>;
  getInspection(id: string): Promise<Inspection | null>;
  /** The status of each of these inspections that exists (unknown ids are left out): one read for many. */
  statusesOf(ids: readonly string[]): Promise<Map<string, InspectionStatus>>;
  /** Steps in seq order. */
  listSteps(inspectionId: string): Promise<Step[]>;
  appendStep(inspectionId: string, step: NewStep): Promise<Step>;
  /**
   * Steps recorded before responses were masked and sealed: no sealed copy and a response with a
   * key that may hold personal data (UNSEALED_KEYS_PATTERN). Keyset by id, ascending.
   */
  listUnsealedSteps(opts: { after: string | null; limit: number }): Promise<Pick<Step, 'id' | 'response'>[]>;
  /** Replaces a step's response by its masked view, with the original sealed beside it. */
  resealStep(id: string, response: unknown, sealedResponse: string): Promise<void>;
  /** Newest first; cursor is opaque. */
  listInspections(filter: InspectionFilter, opts: { cursor?: string | null; limit: number }): Promise<Page<Inspection>>;
  /** Conditional status change (see Transition): null when unknown or no longer in `from` — a lost race is not an error. */
  transition(id: string, t: Transition): Promise<Inspection | null>;
  /** Records a step, changes the status and writes the continuation atomically (one transaction). */
  settle(inspectionId: string, s: Settlement): Promise<SettleResult>;
  /**
   * Claims the open round for one answer until `until`: the continuation, or null when another
   * answer holds an unexpired lease (at `now`) or the round is gone.
   */
  claimAnswer(inspectionId: string, now: Date, until: Date): Promise<MfaContinuation | null>;
  /** Authorized inspections idle since `idleSince` or earlier become expired with `reason`; returns their ids. */
  expireIdleSessions(idleSince: Date, reason: string): Promise<string[]>;
  /** In-progress inspections created before `createdBefore` become failed with `reason`; returns their ids. */
  failStuckInProgress(createdBefore: Date, reason: string): Promise<string[]>;
  putContinuation(c: Omit<MfaContinuation, 'answeringUntil' | 'challenges' | 'round'> & Partial<Pick<MfaContinuation, 'challenges' | 'round'>>): Promise<void>;
  /** How many inspections match (History's "N sessions match"). */
  countInspections(filter: InspectionFilter): Promise<number>;
  /** For each given inspection that has one, its last step whose outcome is flinks_error, transport_error or cancelled. */
  lastFailures(inspectionIds: readonly string[]): Promise<LastFailure[]>;
  getContinuation(inspectionId: string): Promise<MfaContinuation | null>;
  deleteContinuation(inspectionId: string): Promise<void>;
  /**
   * Removes continuations whose expiresAt has passed (and whose answer lease, if any, has too), and
   * closes their still-pending inspections as failed with `reason`, in one statement; returns the
   * ids of the continuations removed.
   */
  purgeExpiredContinuations(now: Date, reason?: string): Promise<string[]>;
  close(): Promise<void>;
}
