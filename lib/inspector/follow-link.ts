import { moveTo, whileIn } from './inspection-state';
import type { DataResult } from '@/lib/flinks/client';
import { bindLogContext } from '@/lib/log';
import type { Inspection } from '@/lib/store/types';
import { toAccountViews, toStatementViews, type AccountView, type StatementView } from './data-views';
import { DEFAULT_FOLLOW_OPTIONS, detailBody, statementsBody, type FollowOptions } from './follow-options';
import { maskPersonalData } from './mask-personal-data';
import { recordExchange, stepOutcomeOf } from './record';
import { isExpiredCode } from './session-expiry';
import { trackUpstreamCall } from './upstream-calls';
import type { InspectorDeps } from './deps';
import { toFlinksErrorView, toTransportErrorView, type AppErrorView, type FlinksErrorView, type TransportErrorView } from './views';

/**
 * Following the Links of an authorized session (docs/flinks-api.md §8): each call is recorded
 * as a step (statement PDFs replaced by a byte count) and moves the RequestId's idle clock (D3).
 */

export type LinkKind = 'summary' | 'detail' | 'statements';

export type FollowResult =
  | { kind: 'accounts'; link: 'summary' | 'detail'; accounts: AccountView[] }
  | { kind: 'statements'; statements: StatementView[] }
  /** 202: poll GetAccountsDetailAsync (§8.3). */
  | { kind: 'pending'; flinksCode: string; message: string | null }
  | { kind: 'expired'; error: FlinksErrorView }
  | { kind: 'error'; error: FlinksErrorView | TransportErrorView | AppErrorView };

type Usable = { ok: true; inspection: Inspection & { requestId: string } } | { ok: false; result: FollowResult };

export async function usableSession(deps: InspectorDeps, inspectionId: string): Promise<Usable> {
  const inspection = await deps.store.getInspection(inspectionId);
  if (!inspection) return { ok: false, result: { kind: 'error', error: { kind: 'app', message: 'This session is unknown.' } } };
  if (inspection.status === 'expired') {
    return { ok: false, result: { kind: 'error', error: { kind: 'app', message: 'This session has expired: its RequestId sat idle for more than 8 minutes. Reopen it to get a new one.' } } };
  }
  if (inspection.status !== 'authorized' || !inspection.requestId) {
    return { ok: false, result: { kind: 'error', error: { kind: 'app', message: 'This session is not authorized: there is no RequestId to follow the Links with.' } } };
  }
  return { ok: true, inspection: { ...inspection, requestId: inspection.requestId } };
}

/** Records the exchange, updates the inspection, and turns the result into what the page shows. */
export async function settleData<T>(
  deps: InspectorDeps,
  inspectionId: string,
  result: DataResult<T>,
  onOk: (data: T) => FollowResult,
): Promise<FollowResult> {
  const { outcome, flinksCode } = stepOutcomeOf(result.kind === 'flinks_error' ? { kind: result.kind, error: result.error } : result);
  const pendingCode = result.kind === 'pending' ? result.data.FlinksCode : flinksCode;
  const cancelled = result.kind === 'transport_error' && result.reason === 'aborted';
  await recordExchange(deps, inspectionId, result.exchange, cancelled ? 'cancelled' : outcome, pendingCode);
  switch (result.kind) {
    // Activity keeps an open session open; it does not revive one a sweep has already expired.
    case 'ok':
      await deps.store.transition(inspectionId, whileIn('authorized', { lastActivityAt: deps.now(), flinksCode: null }));
      return onOk(result.data);
    case 'pending':
      await deps.store.transition(inspectionId, whileIn('authorized', { lastActivityAt: deps.now(), flinksCode: null }));
      return { kind: 'pending', flinksCode: result.data.FlinksCode, message: result.data.Message ?? null };
    case 'flinks_error': {
      const error = toFlinksErrorView(result.status, result.error, result.exchange.responseHeaders, deps.now());
      const code = result.error.FlinksCode;
      // Flinks has the last word on expiry (session-expiry.ts): the inspection becomes expired.
      await deps.store.transition(inspectionId, isExpiredCode(code) ? moveTo('expired', { flinksCode: code }) : whileIn('authorized', { flinksCode: code }));
      return isExpiredCode(result.error.FlinksCode) ? { kind: 'expired', error } : { kind: 'error', error };
    }
    case 'transport_error': {
      // A body of an unexpected shape is quoted to the user: masked, like the step that records it.
      const response = result.exchange.response;
      const quoted = response !== null && typeof response === 'object' && !('text' in response);
      const bodySnippet = quoted ? JSON.stringify(maskPersonalData(response)).slice(0, 500) : result.bodySnippet;
      return { kind: 'error', error: toTransportErrorView({ ...result, bodySnippet }, result.exchange.responseHeaders, deps.now()) };
    }
  }
}

/** `options` (chosen before fetching) shape the GetAccountsDetail and GetStatements bodies; the summary takes none. */
export async function followLink(deps: InspectorDeps, inspectionId: string, link: LinkKind, options: FollowOptions = DEFAULT_FOLLOW_OPTIONS): Promise<FollowResult> {
  const usable = await usableSession(deps, inspectionId);
  if (!usable.ok) return usable.result;
  const RequestId = usable.inspection.requestId;
  bindLogContext({ inspectionId, requestId: RequestId });
  // Cancel on the session page aborts this call (in this process: upstream-calls.ts).
  const call = trackUpstreamCall(inspectionId);
  const opts = { signal: call.signal };
  try {
    switch (link) {
      case 'summary':
        return await settleData(deps, inspectionId, await deps.client.getAccountsSummary(RequestId, opts), (d) => ({ kind: 'accounts', link: 'summary', accounts: toAccountViews(d) }));
      case 'detail':
        return await settleData(deps, inspectionId, await deps.client.getAccountsDetail(detailBody(RequestId, options), opts), (d) => ({ kind: 'accounts', link: 'detail', accounts: toAccountViews(d) }));
      case 'statements':
        return await settleData(deps, inspectionId, await deps.client.getStatements(statementsBody(RequestId, options), opts), (d) => ({ kind: 'statements', statements: toStatementViews(d) }));
    }
  } finally {
    call.done();
  }
}
