import type { InspectorDeps } from './deps';

/** The message an abandoned MFA round leaves, on its page and when someone answers it too late. */
export const MFA_EXPIRED_MESSAGE =
  'This MFA session is no longer open: it finished or sat idle for more than 8 minutes. Start over to open a new one.';

/**
 * MFA rounds nobody finished: their continuation (which holds the authorize token) is removed once
 * the RequestId's 8 idle minutes are over (D3), and the inspection is closed as failed, so history
 * does not show it waiting for answers forever. Returns the ids it closed.
 */
export async function expireAbandonedMfa(deps: Pick<InspectorDeps, 'store' | 'now'>): Promise<string[]> {
  const ids = await deps.store.purgeExpiredContinuations(deps.now());
  const closed: string[] = [];
  for (const id of ids) {
    const inspection = await deps.store.getInspection(id);
    if (inspection?.status !== 'mfa_pending') continue;
    await deps.store.updateInspection(id, { status: 'failed' });
    closed.push(id);
  }
  return closed;
}

type SweepLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/**
 * One run of the minute sweep. It never rejects (a failure must not stop the next run), but every
 * failure is logged: until a sweep works, abandoned authorize tokens stay in the store.
 */
export async function sweepAbandonedMfa(deps: Pick<InspectorDeps, 'store' | 'now'>, log: SweepLog): Promise<string[]> {
  try {
    const closed = await expireAbandonedMfa(deps);
    if (closed.length > 0) log.info({ closed: closed.length, inspectionIds: closed }, 'closed abandoned MFA rounds');
    return closed;
  } catch (err) {
    log.error({ err }, 'MFA sweep failed');
    return [];
  }
}
