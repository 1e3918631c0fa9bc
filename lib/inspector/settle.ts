import type { AuthorizeResult } from '@/lib/flinks/client';
import type { NewAuditEvent } from '@/lib/store/schema-audit';
import type { NewStep, Settlement } from '@/lib/store/types';
import type { InspectorDeps } from './deps';
import { MFA_CONTINUATION_TTL_MS } from './deps';
import { withChallengeImages } from './challenge-images';
import { CLOSE_REASONS, moveTo } from './inspection-state';
import { exchangeStep, stepOutcomeOf } from './record';
import { sealAuthorizeToken } from './sealed';
import { settledResult } from './settled-result';
import { toChallengeViews, toFlinksErrorView, toSessionView, toTransportErrorView, type ChallengeView, type InspectionResult } from './views';

/**
 * The caller's audit event for an answer (operations), written by settle's own statement instead of
 * after it (issue 10: one statement and one database round trip less on the user's wait). It gets
 * the answer as Flinks gave it, before the store says whether it won a race; undefined = nothing to
 * write now (the caller then records it after, from the result it is given).
 */
export type Alongside = (answered: InspectionResult) => NewAuditEvent | undefined;

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
  more: {
    /** Steps not yet written that come before this answer's (an open's token step): written with it. */
    before?: readonly NewStep[];
    alongside?: Alongside;
  } = {},
): Promise<InspectionResult> {
  const before = more.before ?? [];
  const { store, now } = deps;
  const challengeViews = (challenges: Parameters<typeof toChallengeViews>[0]) => withChallengeImages(toChallengeViews(challenges), (url) => deps.client.fetchImage(url));
  const { outcome, flinksCode } = stepOutcomeOf(result);
  const step = exchangeStep(deps, result.exchange, outcome, flinksCode);
  // Every settle below records these (the exchange, and any earlier ones not yet written).
  const recorded = before.length > 0 ? { step, before } : { step };
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
  // A session being opened has no round yet: nothing to delete (one statement less per cached open).
  const endRound = phase === 'start' ? undefined : ('delete' as const);
  // The write, with the caller's audit event for this answer; when something else settled the
  // inspection first, the caller gets what the store holds.
  const settleAs = async (mine: InspectionResult, settlement: Settlement): Promise<InspectionResult> => {
    const audit = more.alongside?.(mine);
    const settled = await store.settle(inspectionId, audit ? { ...settlement, audit } : settlement);
    return settled.ok ? mine : settledResult(deps, inspectionId);
  };

  switch (result.kind) {
    case 'authorized': {
      const session = toSessionView(result.data);
      return settleAs({ kind: 'authorized', inspectionId, session }, {
        ...recorded,
        transition: moveTo('authorized', {
          flinksCode: null,
          statusReason: null,
          requestId: session.requestId,
          loginId: session.loginId,
          username: session.username,
          institution: session.institution,
          lastActivityAt: at,
        }),
        continuation: endRound,
      });
    }
    case 'mfa_required': {
      const challenges = await challengeViews(result.data.SecurityChallenges);
      return settleAs({ kind: 'mfa', inspectionId, requestId: result.data.RequestId, challenges, error: null }, {
        ...recorded,
        transition: moveTo('mfa_pending', { flinksCode: null, requestId: result.data.RequestId, lastActivityAt: at }),
        continuation: keepRound(result.data.RequestId, challenges, round + 1),
      });
    }
    case 'flinks_error': {
      const error = toFlinksErrorView(result.status, result.error, result.exchange.responseHeaders, at);
      const { RequestId, SecurityChallenges } = result.error;
      if (error.flinksCode === 'ALREADY_AUTHORIZED') {
        const current = await store.getInspection(inspectionId);
        // Another answer (here or on another instance) opened it first: that is success, not failure.
        if (current?.status === 'authorized') {
          await store.settle(inspectionId, recorded);
          return settledResult(deps, inspectionId);
        }
        // An earlier answer of ours reached Flinks but its 200 was never recorded (a timeout, a
        // database fault that rolled it back): Flinks says the RequestId is open, so it is.
        if (phase === 'answer' && current?.status === 'mfa_pending') {
          await store.settle(inspectionId, {
            ...recorded,
            transition: moveTo('authorized', { flinksCode: null, statusReason: null, requestId: RequestId ?? current.requestId, lastActivityAt: at }),
            continuation: 'delete',
          });
          return settledResult(deps, inspectionId);
        }
      }
      // D4: a wrong answer's 401 carries the RequestId and a fresh question: the round stays open.
      if (RequestId && SecurityChallenges && SecurityChallenges.length > 0) {
        const challenges = await challengeViews(SecurityChallenges);
        return settleAs({ kind: 'mfa', inspectionId, requestId: RequestId, challenges, error }, {
          ...recorded,
          transition: moveTo('mfa_pending', { flinksCode: error.flinksCode, requestId: RequestId, lastActivityAt: at }),
          continuation: keepRound(RequestId, challenges, Math.max(round, 1)),
        });
      }
      return settleAs({ kind: 'error', inspectionId, error, mfaOpen: false }, {
        ...recorded,
        transition: moveTo('failed', { flinksCode: error.flinksCode, ...(RequestId ? { requestId: RequestId } : {}) }),
        continuation: endRound,
      });
    }
    case 'transport_error': {
      const error = toTransportErrorView(result, result.exchange.responseHeaders, at);
      // Cancel pressed: the step says so, and the inspection's reason too (History shows "Cancelled").
      const cancelled = result.reason === 'aborted';
      const writes = cancelled ? { ...recorded, step: { ...step, outcome: 'cancelled' as const } } : recorded;
      // While answering, a timeout (or a cancel) says nothing about the Flinks session: the same answer may be sent again.
      if (phase === 'answer') {
        await store.settle(inspectionId, { ...writes, continuation: 'release' });
        return { kind: 'error', inspectionId, error, mfaOpen: true };
      }
      return settleAs({ kind: 'error', inspectionId, error, mfaOpen: false }, {
        ...writes,
        transition: moveTo('failed', { flinksCode: null, ...(cancelled ? { statusReason: CLOSE_REASONS.cancelled } : {}) }),
        continuation: endRound,
      });
    }
  }
}
