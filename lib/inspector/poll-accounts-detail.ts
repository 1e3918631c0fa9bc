import { bindLogContext } from '@/lib/log';
import { toAccountViews } from './data-views';
import { settleData, usableSession, type FollowResult } from './follow-link';
import type { InspectorDeps } from './deps';

/**
 * One poll of GET /GetAccountsDetailAsync/{requestId} (§8.3): 202 while Flinks is still collecting,
 * 200 with the GetAccountsDetail payload when done. The page decides when to poll again and when
 * to give up (POLL_INTERVAL_MS / POLL_GIVE_UP_MS); each poll is a recorded step.
 */
export async function pollAccountsDetail(deps: InspectorDeps, inspectionId: string): Promise<FollowResult> {
  const usable = await usableSession(deps, inspectionId);
  if (!usable.ok) return usable.result;
  bindLogContext({ inspectionId, requestId: usable.inspection.requestId });
  const result = await deps.client.getAccountsDetailAsync(usable.inspection.requestId);
  return settleData(deps, inspectionId, result, (d) => ({ kind: 'accounts', link: 'detail', accounts: toAccountViews(d) }));
}
