'use server';

import { recordAudit } from '@/lib/audit/record';
import { inspectionTarget, withMeta } from '@/lib/audit/targets';
import { reasonRequired } from '@/lib/auth/permissions';
import { actorOf, currentRequestMeta, demand, requireOwnerOrDelegate, requireViewer, type Viewer } from '@/lib/auth/viewer';
import { parseAuthorizeForm, type AuthorizeInput } from '@/lib/inspector/form-schema';
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

/**
 * After the sign-in check (the first thing every door does), each action takes a turn from the
 * admission gate for the rest of its work, so at most INSPECTOR_UPSTREAM_CONCURRENCY run at once and
 * a bounded queue waits; anyone beyond hears "busy, retry in N s" at once. Nothing was done for them,
 * so nothing is recorded. An open MFA round goes ahead of new sessions and stays open when busy.
 */
export async function startInspectionAction(payload: unknown): Promise<InspectionResult> {
  const viewer = await requireViewer('inspection:open_cached');
  const admitted = await upstreamAdmission().run('start', () => startInspectionNow(viewer, payload));
  return admitted.kind === 'done' ? admitted.value : { kind: 'error', inspectionId: null, error: busyErrorView(admitted.retryAfterSeconds), mfaOpen: false };
}

export async function answerMfaAction(payload: unknown): Promise<InspectionResult> {
  const viewer = await requireViewer('inspection:open_cached');
  const admitted = await upstreamAdmission().run('continue', () => answerMfaNow(viewer, payload));
  if (admitted.kind === 'done') return admitted.value;
  const parsed = answerMfaInputSchema.safeParse(payload);
  return { kind: 'error', inspectionId: parsed.success ? parsed.data.inspectionId : null, error: busyErrorView(admitted.retryAfterSeconds), mfaOpen: true };
}

/** What the audit names: the inspection as settle left it, read from the result instead of the database. */
function openedTarget(result: InspectionResult, input: AuthorizeInput): { id: string; loginId: string | null; requestId: string | null } | null {
  if (result.kind === 'invalid' || !result.inspectionId) return null;
  const id = result.inspectionId;
  switch (result.kind) {
    case 'authorized':
      return { id, loginId: result.session.loginId, requestId: result.session.requestId };
    case 'mfa':
      return { id, loginId: input.loginId ?? null, requestId: result.requestId };
    case 'error':
      return { id, loginId: input.loginId ?? null, requestId: result.error.kind === 'flinks' ? result.error.requestId : null };
  }
}

async function startInspectionNow(viewer: Viewer, payload: unknown): Promise<InspectionResult> {
  const parsed = parseAuthorizeForm(payload);
  if (!parsed.ok) return { kind: 'invalid', fieldErrors: parsed.fieldErrors, message: 'Fix the highlighted fields.' };
  const input = parsed.input;
  if (input.mode === 'live') await demand(viewer, 'inspection:open_live', '/');
  if (reasonRequired(viewer.environment) && !input.reason) {
    return { kind: 'invalid', fieldErrors: { reason: 'Give a reason for opening production data, e.g. a ticket number.' }, message: 'Fix the highlighted fields.' };
  }
  const deps = await defaultDeps(viewer);
  const result = await startInspection(input, deps);
  const inspection = openedTarget(result, input);
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

async function answerMfaNow(viewer: Viewer, payload: unknown): Promise<InspectionResult> {
  const parsed = answerMfaInputSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'invalid', fieldErrors: {}, message: 'Answer every question before submitting.' };
  const deps = await defaultDeps(viewer);
  const inspection = await deps.store.getInspection(parsed.data.inspectionId);
  if (inspection) await requireOwnerOrDelegate(viewer, inspection);
  const result = await answerMfa(parsed.data, deps);
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
