import 'server-only';
import { auditRow, recordAudit } from '@/lib/audit/record';
import type { AuditInput } from '@/lib/audit/types';
import { inspectionTarget, withMeta } from '@/lib/audit/targets';
import { reasonRequired, type Permission } from '@/lib/auth/permissions';
import { auditFields, permits, permitsOwnerOrDelegate, type Viewer } from '@/lib/auth/viewer';
import { answerMfa } from '@/lib/inspector/answer-mfa';
import { defaultDeps, type InspectorDeps } from '@/lib/inspector/deps';
import type { AuthorizeInput } from '@/lib/inspector/form-schema';
import type { AnswerMfaInput } from '@/lib/inspector/mfa-schema';
import type { Alongside } from '@/lib/inspector/settle';
import { startInspection } from '@/lib/inspector/start-inspection';
import { CLOSE_REASONS, moveTo } from '@/lib/inspector/inspection-state';
import { abortUpstreamCalls, untilUpstreamCallsEnd } from '@/lib/inspector/upstream-calls';
import type { InspectionResult } from '@/lib/inspector/views';
import { mfaAttempt, wrongAnswersIn } from '@/lib/inspector/mfa-attempts';

/** An MFA result says which attempt the next answer is, counted from the stored steps (survives a reload). */
async function withAttempt(deps: InspectorDeps, result: InspectionResult): Promise<InspectionResult> {
  if (result.kind !== 'mfa') return result;
  return { ...result, attempt: mfaAttempt(wrongAnswersIn(await deps.store.listSteps(result.inspectionId))) };
}

/**
 * A session just opened has had no answer yet, so no wrong one: its first questions are attempt 1
 * without reading its steps back (issue 10: one statement less per live open).
 */
function firstAttempt(result: InspectionResult): InspectionResult {
  return result.kind === 'mfa' ? { ...result, attempt: mfaAttempt(0) } : result;
}

/**
 * Opening an inspection and answering its MFA, with the checks and audit events around them: one
 * copy shared by the server actions (app/actions/inspection.ts) and the HTTP API (lib/api), so the
 * trail reads the same whichever door was used (only `interface` differs). The caller has already
 * passed requireViewer; what is checked here depends on the input (live mode, whose inspection).
 * A refusal is recorded here and returned, so each door answers it its own way (403 page, 403 problem).
 */

export type Denied = { kind: 'denied'; permission: Permission };
const denied = (permission: Permission): Denied => ({ kind: 'denied', permission });

/**
 * opts.id: the id the browser chose in advance (it links to and can cancel the inspection while it opens);
 * opts.parentId: a Run again or a live Reopen (opts.via), linked to the inspection it repeats.
 */
export async function openInspection(
  viewer: Viewer,
  input: AuthorizeInput,
  door: string,
  opts: { id?: string; parentId?: string; via?: 'run_again' | 'reopen' } = {},
): Promise<InspectionResult | Denied> {
  if (input.mode === 'live' && !(await permits(viewer, 'inspection:open_live', door))) return denied('inspection:open_live');
  if (reasonRequired(viewer.environment) && !input.reason) {
    return { kind: 'invalid', fieldErrors: { reason: 'Give a reason for opening production data, e.g. a ticket number.' }, message: 'Fix the highlighted fields.' };
  }
  const [deps, fields] = await Promise.all([defaultDeps(viewer), auditFields(viewer)]);
  const event = (result: InspectionResult, inspection: AuditedInspection | null): AuditInput => ({
    ...fields,
    action: 'inspection.open',
    outcome: result.kind === 'error' ? 'error' : 'permitted',
    reason: input.reason ?? null,
    ...(inspection ? withMeta(inspectionTarget(inspection), { mode: input.mode, result: result.kind, ...(opts.parentId ? { parentId: opts.parentId, via: opts.via ?? 'run_again' } : {}) }) : { metadata: { mode: input.mode, result: result.kind } }),
  });
  // An answer that names everything the event needs is written by settle's own statement (settle.ts:
  // Alongside); anything else after, from the result.
  let audited = false;
  const alongside: Alongside = (answered) => {
    const inspection = answeredInspection(input, answered);
    if (!inspection) return undefined;
    audited = true;
    return auditRow(event(answered, inspection));
  };
  const result = firstAttempt(await startInspection(input, deps, { parentId: opts.parentId, ...(opts.id ? { id: opts.id } : {}), alongside }));
  if (!audited) await recordAudit(event(result, answeredInspection(input, result) ?? (await storedInspection(deps, result))));
  return result;
}

export async function answerInspectionMfa(viewer: Viewer, input: AnswerMfaInput): Promise<InspectionResult | Denied> {
  const deps = await defaultDeps(viewer);
  const inspection = await deps.store.getInspection(input.inspectionId);
  if (inspection && !(await permitsOwnerOrDelegate(viewer, inspection))) return denied('inspection:act_for_others');
  const fields = await auditFields(viewer);
  const event = (result: InspectionResult): AuditInput => ({
    ...fields,
    action: 'mfa.answer',
    outcome: result.kind === 'error' ? 'error' : 'permitted',
    // The prompts answered, never the answers.
    ...(inspection
      ? withMeta(inspectionTarget(inspection), { result: result.kind, prompts: Object.keys(input.responses) })
      : { target: { type: 'inspection' as const, id: input.inspectionId }, metadata: { result: result.kind } }),
  });
  // Flinks's answer is written by settle's own statement (settle.ts: Alongside); an answer that
  // never reached settle (expired, taken by another tab) after, from its result.
  let audited = false;
  const result = await withAttempt(deps, await answerMfa(input, deps, inspection, (answered) => ((audited = true), auditRow(event(answered)))));
  if (!audited) await recordAudit(event(result));
  return result;
}

/**
 * What the inspection.open event names (inspectionTarget: id, LoginId, RequestId). An authorized or
 * MFA answer carries exactly what settle() writes, so the row is not read for it (issue 10: one
 * statement less per open); an error reads the row, which knows what the answer did not.
 */
type AuditedInspection = { id: string; loginId: string | null; requestId: string | null };

function answeredInspection(input: AuthorizeInput, result: InspectionResult): AuditedInspection | null {
  if (result.kind === 'authorized') return { id: result.inspectionId, loginId: result.session.loginId || null, requestId: result.session.requestId || null };
  if (result.kind === 'mfa') return { id: result.inspectionId, loginId: input.loginId ?? null, requestId: result.requestId };
  return null;
}

async function storedInspection(deps: InspectorDeps, result: InspectionResult): Promise<AuditedInspection | null> {
  return result.kind === 'invalid' || !result.inspectionId ? null : deps.store.getInspection(result.inspectionId);
}

export type CancelResult =
  /** aborted: calls stopped in this process; closed: the inspection went in_progress → failed (cancelled) here. */
  | { kind: 'cancelled'; aborted: number; closed: boolean }
  | { kind: 'nothing'; message: string };

/**
 * Cancel: aborts the Flinks calls this process runs for the inspection, and closes an inspection
 * still being opened (a conditional in_progress → failed, so whichever instance runs the call, the
 * record ends cancelled and that instance aborts too: upstream-calls.ts). Owner or act_for_others;
 * recorded as inspection.cancel when it changed anything.
 */
export async function cancelInspectionCall(viewer: Viewer, inspectionId: string): Promise<CancelResult | Denied> {
  const deps = await defaultDeps(viewer);
  const inspection = await deps.store.getInspection(inspectionId);
  if (!inspection) return { kind: 'nothing', message: 'This session is unknown.' };
  if (!(await permitsOwnerOrDelegate(viewer, inspection))) return denied('inspection:act_for_others');
  const aborted = abortUpstreamCalls(inspectionId);
  // The aborted call records its cancelled step as it ends: answer once it has, so a refresh shows it.
  if (aborted > 0) await untilUpstreamCallsEnd(inspectionId);
  const closed = inspection.status === 'in_progress'
    ? (await deps.store.transition(inspectionId, moveTo('failed', { statusReason: CLOSE_REASONS.cancelled }))) !== null
    : false;
  if (aborted === 0 && !closed) return { kind: 'nothing', message: 'Nothing was running: the call had already ended.' };
  await recordAudit({
    ...(await auditFields(viewer)),
    action: 'inspection.cancel',
    outcome: 'permitted',
    ...withMeta(inspectionTarget(inspection), { aborted, closed, status: inspection.status }),
  });
  return { kind: 'cancelled', aborted, closed };
}
