import { bindLogContext } from '@/lib/log';
import type { InspectorDeps } from './deps';
import { MFA_EXPIRED_MESSAGE } from './expire-abandoned-mfa';
import type { AnswerMfaInput } from './mfa-schema';
import { settleAuthorize } from './settle';
import type { InspectionResult } from './views';

/**
 * Sends one MFA round's answers with the same authorize token and RequestId as the 203 (D2),
 * both read from the server-side continuation of this inspection.
 */
export async function answerMfa(input: AnswerMfaInput, deps: InspectorDeps): Promise<InspectionResult> {
  const { store, client, now } = deps;
  const inspection = await store.getInspection(input.inspectionId);
  if (!inspection) {
    return { kind: 'error', inspectionId: null, error: { kind: 'app', message: 'This session is unknown. Start over to open a new one.' }, mfaOpen: false };
  }
  bindLogContext({ inspectionId: inspection.id, requestId: inspection.requestId ?? undefined });
  const continuation = await store.getContinuation(inspection.id);
  if (!continuation || continuation.expiresAt.getTime() <= now().getTime()) {
    if (continuation) await store.deleteContinuation(inspection.id);
    if (inspection.status === 'mfa_pending') await store.updateInspection(inspection.id, { status: 'failed' });
    return {
      kind: 'error',
      inspectionId: inspection.id,
      error: { kind: 'app', message: MFA_EXPIRED_MESSAGE },
      mfaOpen: false,
    };
  }
  const result = await client.authorize(continuation.authorizeToken, {
    RequestId: continuation.requestId,
    SecurityResponses: input.responses,
  });
  return settleAuthorize(deps, inspection.id, continuation.authorizeToken, result, 'answer');
}
