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
