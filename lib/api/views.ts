import type { FollowResult } from '@/lib/inspector/follow-link';
import type { InspectionResult } from '@/lib/inspector/views';
import type { Inspection } from '@/lib/store/types';
import { problemOfError, type Problem } from './problem';
import type { InspectionOutcome, InspectionSummary, LinkName, LinkResult } from './schemas';

/** The inspector's results in the API's words (lib/api/schemas.ts): plain mapping, no I/O. */

export function toInspectionSummary(i: Inspection): InspectionSummary {
  return {
    id: i.id,
    createdAt: i.createdAt.toISOString(),
    updatedAt: i.updatedAt.toISOString(),
    lastActivityAt: i.lastActivityAt?.toISOString() ?? null,
    mode: i.mode,
    environment: i.environment,
    institution: i.institution,
    username: i.username,
    loginId: i.loginId,
    requestId: i.requestId,
    tag: i.tag,
    language: i.language,
    status: i.status,
    flinksCode: i.flinksCode,
    parentId: i.parentId,
    openedByEmail: i.openedByEmail,
  };
}

export type OutcomeOrProblem = { ok: true; outcome: InspectionOutcome } | { ok: false; problem: Problem };

/** An attempt that was recorded is a resource (even failed: it has a timeline); one that was not is a problem. */
export function toOutcome(result: InspectionResult, stored: Inspection | null): OutcomeOrProblem {
  const base = { requestId: stored?.requestId ?? null, loginId: stored?.loginId ?? null, session: null, challenges: [], error: null, mfaOpen: false };
  switch (result.kind) {
    case 'authorized':
      return { ok: true, outcome: { ...base, id: result.inspectionId, status: 'authorized', requestId: result.session.requestId, loginId: result.session.loginId, session: result.session } };
    case 'mfa':
      return {
        ok: true,
        outcome: { ...base, id: result.inspectionId, status: 'mfa_pending', requestId: result.requestId, challenges: result.challenges, error: result.error ? problemOfError(result.error) : null, mfaOpen: true },
      };
    case 'error':
      if (!result.inspectionId) return { ok: false, problem: problemOfError(result.error) };
      return {
        ok: true,
        outcome: { ...base, id: result.inspectionId, status: result.mfaOpen ? 'mfa_pending' : (stored?.status ?? 'failed'), error: problemOfError(result.error, { inspectionId: result.inspectionId }), mfaOpen: result.mfaOpen },
      };
    case 'invalid':
      return { ok: false, problem: { type: 'https://flinks-session-inspector.invalid/problems/invalid', title: 'Invalid request', status: 400, detail: result.message, errors: { ...result.fieldErrors } } };
  }
}

export type LinkOrProblem = { ok: true; status: 200 | 202; body: LinkResult } | { ok: false; problem: Problem };

export function toLinkResult(inspectionId: string, link: LinkName, result: FollowResult, polls: number): LinkOrProblem {
  const base = { inspectionId, link, flinksCode: null, message: null, polls };
  switch (result.kind) {
    case 'accounts':
      return { ok: true, status: 200, body: { ...base, status: 'ok', accounts: result.accounts } };
    case 'statements':
      return { ok: true, status: 200, body: { ...base, status: 'ok', statements: result.statements } };
    case 'pending':
      return { ok: true, status: 202, body: { ...base, status: 'pending', flinksCode: result.flinksCode, message: result.message } };
    case 'expired':
      return { ok: false, problem: { ...problemOfError(result.error, { inspectionId }), status: 410, type: 'https://flinks-session-inspector.invalid/problems/session-expired' } };
    case 'error':
      return { ok: false, problem: problemOfError(result.error, { inspectionId }) };
  }
}
