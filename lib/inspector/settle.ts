import type { AuthorizeResult } from '@/lib/flinks/client';
import type { InspectorDeps } from './deps';
import { MFA_CONTINUATION_TTL_MS } from './deps';
import { withChallengeImages } from './challenge-images';
import { recordExchange, stepOutcomeOf } from './record';
import { sealAuthorizeToken } from './sealed';
import { toChallengeViews, toFlinksErrorView, toSessionView, toTransportErrorView, type InspectionResult } from './views';

/**
 * One Authorize answer → the store and the view: record the step, update the inspection, keep the
 * MFA continuation (token + RequestId) server-side while a round is open, drop it when it ends.
 */
export async function settleAuthorize(
  deps: InspectorDeps,
  inspectionId: string,
  authorizeToken: string,
  result: AuthorizeResult,
  phase: 'start' | 'answer',
): Promise<InspectionResult> {
  const { store, now } = deps;
  const challengeViews = (challenges: Parameters<typeof toChallengeViews>[0]) => withChallengeImages(toChallengeViews(challenges), (url) => deps.client.fetchImage(url));
  const { outcome, flinksCode } = stepOutcomeOf(result);
  await recordExchange(deps, inspectionId, result.exchange, outcome, flinksCode);
  const at = now();
  // The token opens the customer's session for its 30 minutes: it is kept sealed, never in clear.
  const keepContinuation = (requestId: string) =>
    store.putContinuation({
      inspectionId,
      authorizeToken: sealAuthorizeToken(deps.keyring, authorizeToken),
      requestId,
      expiresAt: new Date(at.getTime() + MFA_CONTINUATION_TTL_MS),
    });

  switch (result.kind) {
    case 'authorized': {
      const session = toSessionView(result.data);
      await store.updateInspection(inspectionId, {
        status: 'authorized',
        flinksCode: null,
        requestId: session.requestId,
        loginId: session.loginId,
        username: session.username,
        institution: session.institution,
        lastActivityAt: at,
      });
      await store.deleteContinuation(inspectionId);
      return { kind: 'authorized', inspectionId, session };
    }
    case 'mfa_required': {
      await keepContinuation(result.data.RequestId);
      await store.updateInspection(inspectionId, { status: 'mfa_pending', flinksCode: null, requestId: result.data.RequestId, lastActivityAt: at });
      return { kind: 'mfa', inspectionId, requestId: result.data.RequestId, challenges: await challengeViews(result.data.SecurityChallenges), error: null };
    }
    case 'flinks_error': {
      const error = toFlinksErrorView(result.status, result.error);
      const { RequestId, SecurityChallenges } = result.error;
      // D4: a wrong answer's 401 carries the RequestId and a fresh question: the round stays open.
      if (RequestId && SecurityChallenges && SecurityChallenges.length > 0) {
        await keepContinuation(RequestId);
        await store.updateInspection(inspectionId, { status: 'mfa_pending', flinksCode: error.flinksCode, requestId: RequestId, lastActivityAt: at });
        return { kind: 'mfa', inspectionId, requestId: RequestId, challenges: await challengeViews(SecurityChallenges), error };
      }
      await store.deleteContinuation(inspectionId);
      await store.updateInspection(inspectionId, { status: 'failed', flinksCode: error.flinksCode, ...(RequestId ? { requestId: RequestId } : {}) });
      return { kind: 'error', inspectionId, error, mfaOpen: false };
    }
    case 'transport_error': {
      const error = toTransportErrorView(result);
      // While answering, a timeout says nothing about the Flinks session: the same answer may be sent again.
      if (phase === 'answer') return { kind: 'error', inspectionId, error, mfaOpen: true };
      await store.deleteContinuation(inspectionId);
      await store.updateInspection(inspectionId, { status: 'failed', flinksCode: null });
      return { kind: 'error', inspectionId, error, mfaOpen: false };
    }
  }
}
