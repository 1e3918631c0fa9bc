import { authorizeSuccessSchema, flinksErrorSchema } from '@/lib/flinks/schemas';
import type { Inspection, Step } from '@/lib/store/types';
import type { InspectorDeps } from './deps';
import { MFA_EXPIRED_MESSAGE } from './expire-abandoned-mfa';
import { CLOSE_REASONS } from './inspection-state';
import { parseStoredChallenges } from './stored-challenges';
import { errorOfStep } from './stored-session-data';
import { openResponse } from './sealed';
import { toFlinksErrorView, toSessionView, type InspectionResult, type SessionView } from './views';

/**
 * The result of an inspection as the store holds it, for whoever did not make the call that
 * settled it: an answer that waited for another one (this instance or another), an answer that
 * lost its race to a sweep, or ALREADY_AUTHORIZED for a session we know is open. Built from the
 * recorded steps, so every caller sees the same outcome as the one who called Flinks.
 */
export async function settledResult(deps: Pick<InspectorDeps, 'store' | 'keyring'>, inspectionId: string): Promise<InspectionResult> {
  const inspection = await deps.store.getInspection(inspectionId);
  if (!inspection) return { kind: 'error', inspectionId: null, error: { kind: 'app', message: 'This session is unknown. Start over to open a new one.' }, mfaOpen: false };
  switch (inspection.status) {
    case 'authorized': {
      const steps = await deps.store.listSteps(inspectionId);
      return { kind: 'authorized', inspectionId, session: sessionFromSteps(deps, inspection, steps) };
    }
    case 'mfa_pending': {
      const c = await deps.store.getContinuation(inspectionId);
      const challenges = c ? parseStoredChallenges(c.challenges) : null;
      if (c && challenges) return { kind: 'mfa', inspectionId, requestId: c.requestId, challenges, error: null };
      return { kind: 'error', inspectionId, error: { kind: 'app', message: MFA_EXPIRED_MESSAGE }, mfaOpen: false };
    }
    case 'failed': {
      const steps = await deps.store.listSteps(inspectionId);
      const last = steps.findLast((s) => s.outcome === 'flinks_error');
      const body = last ? flinksErrorSchema.safeParse(last.response) : null;
      if (inspection.flinksCode && last && body?.success) {
        return { kind: 'error', inspectionId, error: toFlinksErrorView(last.httpStatus ?? body.data.HttpStatusCode, body.data, last.responseHeaders, last.startedAt), mfaOpen: false };
      }
      // Failed without a FlinksCode: a transport failure, or a Cancel that settled the row first,
      // explained by its step (the same card as the caller who made the call); a sweep's reason otherwise.
      if (!inspection.flinksCode && (!inspection.statusReason || inspection.statusReason === CLOSE_REASONS.cancelled)) {
        const failing = steps.findLast((s) => s.outcome === 'transport_error' || s.outcome === 'cancelled');
        const error = failing ? errorOfStep(failing) : null;
        if (error) return { kind: 'error', inspectionId, error, mfaOpen: false };
      }
      return { kind: 'error', inspectionId, error: { kind: 'app', message: inspection.statusReason ?? MFA_EXPIRED_MESSAGE }, mfaOpen: false };
    }
    case 'expired':
      return { kind: 'error', inspectionId, error: { kind: 'app', message: inspection.statusReason ?? 'This session has expired. Reopen it from its session page.' }, mfaOpen: false };
    case 'in_progress':
      return { kind: 'error', inspectionId, error: { kind: 'app', message: 'This session is still being opened. Look at its session page in a moment.' }, mfaOpen: false };
  }
}

/** The newest successful Authorize, as first shown (the sealed original when this server can open it). */
function sessionFromSteps(deps: Pick<InspectorDeps, 'keyring'>, inspection: Inspection, steps: Step[]): SessionView {
  for (const s of [...steps].reverse()) {
    if (s.endpoint !== 'Authorize' || s.outcome !== 'ok') continue;
    const opened = s.sealedResponse ? openResponse(deps.keyring, s.sealedResponse) : null;
    const parsed = authorizeSuccessSchema.safeParse(opened?.ok ? opened.body : s.response);
    if (parsed.success) return toSessionView(parsed.data);
  }
  // ALREADY_AUTHORIZED with no 200 recorded (another tool opened it): what the inspection knows.
  return {
    requestId: inspection.requestId ?? '',
    loginId: inspection.loginId ?? '',
    username: inspection.username,
    loginType: null,
    lastRefresh: null,
    isScheduledRefresh: null,
    institution: inspection.institution,
    institutionName: inspection.institution,
    institutionId: null,
    tag: inspection.tag,
    links: [],
  };
}
