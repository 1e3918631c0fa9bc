import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { inspectionTarget, withMeta } from '@/lib/audit/targets';
import { reasonRequired, type Permission } from '@/lib/auth/permissions';
import { auditFields, permits, permitsOwnerOrDelegate, type Viewer } from '@/lib/auth/viewer';
import { answerMfa } from '@/lib/inspector/answer-mfa';
import { defaultDeps } from '@/lib/inspector/deps';
import type { AuthorizeInput } from '@/lib/inspector/form-schema';
import type { AnswerMfaInput } from '@/lib/inspector/mfa-schema';
import { startInspection } from '@/lib/inspector/start-inspection';
import type { InspectionResult } from '@/lib/inspector/views';
import { mfaAttempt, wrongAnswersIn } from '@/lib/inspector/mfa-attempts';
import type { InspectorDeps } from '@/lib/inspector/deps';

/** An MFA result says which attempt the next answer is, counted from the stored steps (survives a reload). */
async function withAttempt(deps: InspectorDeps, result: InspectionResult): Promise<InspectionResult> {
  if (result.kind !== 'mfa') return result;
  return { ...result, attempt: mfaAttempt(wrongAnswersIn(await deps.store.listSteps(result.inspectionId))) };
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

/** opts.parentId: a Run again or a live Reopen (opts.via), linked to the inspection it repeats. */
export async function openInspection(
  viewer: Viewer,
  input: AuthorizeInput,
  door: string,
  opts: { parentId?: string; via?: 'run_again' | 'reopen' } = {},
): Promise<InspectionResult | Denied> {
  if (input.mode === 'live' && !(await permits(viewer, 'inspection:open_live', door))) return denied('inspection:open_live');
  if (reasonRequired(viewer.environment) && !input.reason) {
    return { kind: 'invalid', fieldErrors: { reason: 'Give a reason for opening production data, e.g. a ticket number.' }, message: 'Fix the highlighted fields.' };
  }
  const deps = await defaultDeps(viewer);
  const result = await withAttempt(deps, await startInspection(input, deps, { parentId: opts.parentId }));
  const inspection = result.kind === 'invalid' || !result.inspectionId ? null : await deps.store.getInspection(result.inspectionId);
  await recordAudit({
    ...(await auditFields(viewer)),
    action: 'inspection.open',
    outcome: result.kind === 'error' ? 'error' : 'permitted',
    reason: input.reason ?? null,
    ...(inspection ? withMeta(inspectionTarget(inspection), { mode: input.mode, result: result.kind, ...(opts.parentId ? { parentId: opts.parentId, via: opts.via ?? 'run_again' } : {}) }) : { metadata: { mode: input.mode, result: result.kind } }),
  });
  return result;
}

export async function answerInspectionMfa(viewer: Viewer, input: AnswerMfaInput): Promise<InspectionResult | Denied> {
  const deps = await defaultDeps(viewer);
  const inspection = await deps.store.getInspection(input.inspectionId);
  if (inspection && !(await permitsOwnerOrDelegate(viewer, inspection))) return denied('inspection:act_for_others');
  const result = await withAttempt(deps, await answerMfa(input, deps));
  await recordAudit({
    ...(await auditFields(viewer)),
    action: 'mfa.answer',
    outcome: result.kind === 'error' ? 'error' : 'permitted',
    // The prompts answered, never the answers.
    ...(inspection
      ? withMeta(inspectionTarget(inspection), { result: result.kind, prompts: Object.keys(input.responses) })
      : { target: { type: 'inspection' as const, id: input.inspectionId }, metadata: { result: result.kind } }),
  });
  return result;
}
