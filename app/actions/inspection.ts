'use server';

import { recordAudit } from '@/lib/audit/record';
import { inspectionTarget, withMeta } from '@/lib/audit/targets';
import { reasonRequired } from '@/lib/auth/permissions';
import { actorOf, currentRequestMeta, demand, requireOwnerOrDelegate, requireViewer } from '@/lib/auth/viewer';
import { parseAuthorizeForm } from '@/lib/inspector/form-schema';
import { answerMfaInputSchema } from '@/lib/inspector/mfa-schema';
import { defaultDeps } from '@/lib/inspector/deps';
import { startInspection } from '@/lib/inspector/start-inspection';
import { answerMfa } from '@/lib/inspector/answer-mfa';
import { upstreamAdmission } from '@/lib/inspector/upstream-admission';
import { busyErrorView, type InspectionResult } from '@/lib/inspector/views';

/*
 * Server actions are public HTTP endpoints: each checks the caller first (requireViewer), then
 * parses its input with zod, and returns only what the browser shows (never the secret key, API key
 * or authorize token). What was done, by whom, is recorded in the audit trail.
 */

export async function startInspectionAction(payload: unknown): Promise<InspectionResult> {
  const viewer = await requireViewer('inspection:open_cached');
  const parsed = parseAuthorizeForm(payload);
  if (!parsed.ok) return { kind: 'invalid', fieldErrors: parsed.fieldErrors, message: 'Fix the highlighted fields.' };
  const input = parsed.input;
  if (input.mode === 'live') await demand(viewer, 'inspection:open_live', '/');
  if (reasonRequired(viewer.environment) && !input.reason) {
    return { kind: 'invalid', fieldErrors: { reason: 'Give a reason for opening production data, e.g. a ticket number.' }, message: 'Fix the highlighted fields.' };
  }
  const deps = await defaultDeps(viewer);
  // Busy: nothing was opened or sent, so there is nothing to record either.
  const admitted = await upstreamAdmission().run('start', () => startInspection(input, deps));
  if (admitted.kind === 'busy') return { kind: 'error', inspectionId: null, error: busyErrorView(admitted.retryAfterSeconds), mfaOpen: false };
  const result = admitted.value;
  const inspection = result.kind === 'invalid' || !result.inspectionId ? null : await deps.store.getInspection(result.inspectionId);
  await recordAudit({
    action: 'inspection.open',
    actor: actorOf(viewer),
    outcome: result.kind === 'error' ? 'error' : 'permitted',
    environment: viewer.environment,
    reason: input.reason ?? null,
    request: await currentRequestMeta(),
    ...(inspection ? withMeta(inspectionTarget(inspection), { mode: input.mode, result: result.kind }) : { metadata: { mode: input.mode, result: result.kind } }),
  });
  return result;
}

export async function answerMfaAction(payload: unknown): Promise<InspectionResult> {
  const viewer = await requireViewer('inspection:open_cached');
  const parsed = answerMfaInputSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'invalid', fieldErrors: {}, message: 'Answer every question before submitting.' };
  const deps = await defaultDeps(viewer);
  const inspection = await deps.store.getInspection(parsed.data.inspectionId);
  if (inspection) await requireOwnerOrDelegate(viewer, inspection);
  // An open round goes ahead of new sessions; when busy, the round stays open for the same answer.
  const admitted = await upstreamAdmission().run('continue', () => answerMfa(parsed.data, deps));
  if (admitted.kind === 'busy') return { kind: 'error', inspectionId: parsed.data.inspectionId, error: busyErrorView(admitted.retryAfterSeconds), mfaOpen: true };
  const result = admitted.value;
  await recordAudit({
    action: 'mfa.answer',
    actor: actorOf(viewer),
    outcome: result.kind === 'error' ? 'error' : 'permitted',
    environment: viewer.environment,
    request: await currentRequestMeta(),
    // The prompts answered, never the answers.
    ...(inspection
      ? withMeta(inspectionTarget(inspection), { result: result.kind, prompts: Object.keys(parsed.data.responses) })
      : { target: { type: 'inspection', id: parsed.data.inspectionId }, metadata: { result: result.kind } }),
  });
  return result;
}
