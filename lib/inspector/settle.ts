import type { AuthorizeResult } from '@/lib/flinks/client';
import type { SettleResult } from '@/lib/store/types';
import type { InspectorDeps } from './deps';
import { MFA_CONTINUATION_TTL_MS } from './deps';
import { withChallengeImages } from './challenge-images';
import { CLOSE_REASONS, moveTo } from './inspection-state';
import { exchangeStep, stepOutcomeOf } from './record';
import { sealAuthorizeToken } from './sealed';
import { settledResult } from './settled-result';
import { toChallengeViews, toFlinksErrorView, toSessionView, toTransportErrorView, type ChallengeView, type InspectionResult } from './views';

/**
 * One Authorize answer → the store and the view. The step, the status change and the MFA
 * continuation (token + RequestId + the questions, never the answers) are written in one
 * transaction by store.settle, and the status change is conditional (inspection-state.ts): when
 * something else settled the inspection first (a sweep, another answer), the step is still
 * recorded and the caller gets what the store holds instead of overwriting it.
 */
export async function settleAuthorize(
  deps: InspectorDeps,
  inspectionId: string,
  authorizeToken: string,
  result: AuthorizeResult,
  phase: 'start' | 'answer',
  /** The round just answered (0 when starting). */
  round = 0,
): Promise<InspectionResult> {
  const { store, now } = deps;
  const challengeViews = (challenges: Parameters<typeof toChallengeViews>[0]) => withChallengeImages(toChallengeViews(challenges), (url) => deps.client.fetchImage(url));
  const { outcome, flinksCode } = stepOutcomeOf(result);
  const step = exchangeStep(deps, result.exchange, outcome, flinksCode);
  const at = now();
  // The token opens the customer's session for its 30 minutes: it is kept sealed, never in clear.
  const keepRound = (requestId: string, challenges: ChallengeView[], nextRound: number) => ({
    put: {
      authorizeToken: sealAuthorizeToken(deps.keyring, authorizeToken),
      requestId,
      expiresAt: new Date(at.getTime() + MFA_CONTINUATION_TTL_MS),
      challenges,
      round: nextRound,
    },
  });
  const orStored = async (settled: SettleResult, mine: InspectionResult): Promise<InspectionResult> =>
    settled.ok ? mine : settledResult(deps, inspectionId);

  switch (result.kind) {
    case 'authorized': {
      const session = toSessionView(result.data);
      const settled = await store.settle(inspectionId, {
        step,
        transition: moveTo('authorized', {
          flinksCode: null,
          statusReason: null,
          requestId: session.requestId,
          loginId: session.loginId,
          username: session.username,
          institution: session.institution,
          lastActivityAt: at,
        }),
        continuation: 'delete',
      });
      return orStored(settled, { kind: 'authorized', inspectionId, session });
    }
    case 'mfa_required': {
      const challenges = await challengeViews(result.data.SecurityChallenges);
      const settled = await store.settle(inspectionId, {
        step,
        transition: moveTo('mfa_pending', { flinksCode: null, requestId: result.data.RequestId, lastActivityAt: at }),
        continuation: keepRound(result.data.RequestId, challenges, round + 1),
      });
      return orStored(settled, { kind: 'mfa', inspectionId, requestId: result.data.RequestId, challenges, error: null });
    }
    case 'flinks_error': {
      const error = toFlinksErrorView(result.status, result.error, result.exchange.responseHeaders, at);
      const { RequestId, SecurityChallenges } = result.error;
      if (error.flinksCode === 'ALREADY_AUTHORIZED') {
        const current = await store.getInspection(inspectionId);
        // Another answer (here or on another instance) opened it first: that is success, not failure.
        if (current?.status === 'authorized') {
          await store.settle(inspectionId, { step });
          return settledResult(deps, inspectionId);
        }
        // An earlier answer of ours reached Flinks but its 200 was never recorded (a timeout, a
        // database fault that rolled it back): Flinks says the RequestId is open, so it is.
        if (phase === 'answer' && current?.status === 'mfa_pending') {
          await store.settle(inspectionId, {
            step,
            transition: moveTo('authorized', { flinksCode: null, statusReason: null, requestId: RequestId ?? current.requestId, lastActivityAt: at }),
            continuation: 'delete',
          });
          return settledResult(deps, inspectionId);
        }
      }
      // D4: a wrong answer's 401 carries the RequestId and a fresh question: the round stays open.
      if (RequestId && SecurityChallenges && SecurityChallenges.length > 0) {
        const challenges = await challengeViews(SecurityChallenges);
        const settled = await store.settle(inspectionId, {
          step,
          transition: moveTo('mfa_pending', { flinksCode: error.flinksCode, requestId: RequestId, lastActivityAt: at }),
          continuation: keepRound(RequestId, challenges, Math.max(round, 1)),
        });
        return orStored(settled, { kind: 'mfa', inspectionId, requestId: RequestId, challenges, error });
      }
      const settled = await store.settle(inspectionId, {
        step,
        transition: moveTo('failed', { flinksCode: error.flinksCode, ...(RequestId ? { requestId: RequestId } : {}) }),
        continuation: 'delete',
      });
      return orStored(settled, { kind: 'error', inspectionId, error, mfaOpen: false });
    }
    case 'transport_error': {
      const error = toTransportErrorView(result, result.exchange.responseHeaders, at);
      // Cancel pressed: the step says so, and the inspection's reason too (History shows "Cancelled").
      const cancelled = result.reason === 'aborted';
      const recorded = cancelled ? { ...step, outcome: 'cancelled' as const } : step;
      // While answering, a timeout (or a cancel) says nothing about the Flinks session: the same answer may be sent again.
      if (phase === 'answer') {
        await store.settle(inspectionId, { step: recorded, continuation: 'release' });
        return { kind: 'error', inspectionId, error, mfaOpen: true };
      }
      const settled = await store.settle(inspectionId, {
        step: recorded,
        transition: moveTo('failed', { flinksCode: null, ...(cancelled ? { statusReason: CLOSE_REASONS.cancelled } : {}) }),
        continuation: 'delete',
      });
      return orStored(settled, { kind: 'error', inspectionId, error, mfaOpen: false });
    }
  }
}
