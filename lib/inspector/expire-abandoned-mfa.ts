import { REQUEST_ID_IDLE_MS } from '@/lib/flinks/lifetimes';
import type { InspectorDeps } from './deps';
import { CLOSE_REASONS } from './inspection-state';

/** The message an abandoned MFA round leaves, on its page and when someone answers it too late. */
export const MFA_EXPIRED_MESSAGE =
  'This MFA session is no longer open: it finished or sat idle for more than 8 minutes. Start over to open a new one.';

/** How long past the Flinks timeout an inspection may stay in_progress before the sweep closes it. */
export const STUCK_MARGIN_MS = 60_000;

export type SweepResult = { abandoned: string[]; idle: string[]; stuck: string[] };

/**
 * The minute sweep (instrumentation-node.ts), safe to run on every instance at once because each
 * change is a conditional update of the state machine (inspection-state.ts) — it can never move an
 * authorized session back to failed, however it races an answer:
 *
 * - MFA rounds nobody finished: their continuation (which holds the authorize token) is removed once
 *   the RequestId's 8 idle minutes are over (D3) and no answer holds its lease, and a still pending
 *   inspection is closed as failed, so history does not show it waiting for answers forever.
 * - Authorized sessions idle for more than 8 minutes become expired (D3): Flinks has closed them.
 * - Inspections still in_progress after the token call and Authorize could each have timed out
 *   (2 × FLINKS_TIMEOUT_MS + a margin) are failed: the server that made them died mid-call.
 *   Skipped when `flinksTimeoutMs` is not given.
 */
export async function expireAbandonedMfa(
  deps: Pick<InspectorDeps, 'store' | 'now'> & { flinksTimeoutMs?: number },
): Promise<SweepResult> {
  const now = deps.now();
  const abandoned = await deps.store.purgeExpiredContinuations(now, CLOSE_REASONS.abandonedMfa);
  const idle = await deps.store.expireIdleSessions(new Date(now.getTime() - REQUEST_ID_IDLE_MS), CLOSE_REASONS.idle);
  const stuck =
    deps.flinksTimeoutMs === undefined
      ? []
      : await deps.store.failStuckInProgress(new Date(now.getTime() - 2 * deps.flinksTimeoutMs - STUCK_MARGIN_MS), CLOSE_REASONS.stuck);
  return { abandoned, idle, stuck };
}

type SweepLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * One run of the minute sweep. It never rejects (a failure must not stop the next run), but every
 * failure is logged: until a sweep works, abandoned authorize tokens stay in the store.
 */
export async function sweepAbandonedMfa(deps: Pick<InspectorDeps, 'store' | 'now'> & { flinksTimeoutMs?: number }, log: SweepLog): Promise<SweepResult | null> {
  try {
    const result = await expireAbandonedMfa(deps);
    const closed = result.abandoned;
    if (closed.length > 0) log.info({ closed: closed.length, inspectionIds: closed }, 'closed abandoned MFA rounds');
    if (result.idle.length > 0) log.info({ expired: result.idle.length, inspectionIds: result.idle }, 'expired idle sessions');
    if (result.stuck.length > 0) log.info({ failed: result.stuck.length, inspectionIds: result.stuck }, 'closed inspections stuck in progress');
    return result;
  } catch (err) {
    log.error({ err }, 'MFA sweep failed');
    return null;
  }
}
