import { bindLogContext } from '@/lib/log';
import type { InspectorDeps } from './deps';
import { MFA_EXPIRED_MESSAGE } from './expire-abandoned-mfa';
import type { AnswerMfaInput } from './mfa-schema';
import { openAuthorizeToken } from './sealed';
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
  const token = openAuthorizeToken(deps.keyring, continuation.authorizeToken);
  if (!token.ok) {
    // Sealed with a key this server no longer holds (or altered): the round cannot be answered.
    await store.deleteContinuation(inspection.id);
    await store.updateInspection(inspection.id, { status: 'failed' });
    return {
      kind: 'error',
      inspectionId: inspection.id,
      error: { kind: 'app', message: 'This MFA round can no longer be answered (its token cannot be read with the current data key). Start over to open a new session.' },
      mfaOpen: false,
    };
  }
  const result = await client.authorize(token.value, {
    RequestId: continuation.requestId,
    SecurityResponses: input.responses,
  });
  return settleAuthorize(deps, inspection.id, token.value, result, 'answer');
}
