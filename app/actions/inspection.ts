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
import type { InspectionResult } from '@/lib/inspector/views';
import { historyUnavailableResult, nullWhenDatabaseDown, orHistoryUnavailable } from '@/lib/inspector/history-unavailable';

/*
 * Server actions are public HTTP endpoints: each checks the caller first (requireViewer), then
 * parses its input with zod, and returns only what the browser shows (never the secret key, API key
 * or authorize token). What was done, by whom, is recorded in the audit trail.
 */

export async function startInspectionAction(payload: unknown): Promise<InspectionResult> {
  const viewer = await requireViewer('inspection:open_cached').catch(nullWhenDatabaseDown);
  if (!viewer) return historyUnavailableResult(null);
  const parsed = parseAuthorizeForm(payload);
  if (!parsed.ok) return { kind: 'invalid', fieldErrors: parsed.fieldErrors, message: 'Fix the highlighted fields.' };
  const input = parsed.input;
  if (input.mode === 'live') await demand(viewer, 'inspection:open_live', '/');
  if (reasonRequired(viewer.environment) && !input.reason) {
    return { kind: 'invalid', fieldErrors: { reason: 'Give a reason for opening production data, e.g. a ticket number.' }, message: 'Fix the highlighted fields.' };
  }
  // A database that is down or hangs: "history unavailable, try again", not a crashed request.
  return orHistoryUnavailable(null, async () => {
    const deps = await defaultDeps(viewer);
    const result = await startInspection(input, deps);
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
  });
}

export async function answerMfaAction(payload: unknown): Promise<InspectionResult> {
  const viewer = await requireViewer('inspection:open_cached').catch(nullWhenDatabaseDown);
  const parsed = answerMfaInputSchema.safeParse(payload);
  if (!viewer) return historyUnavailableResult(parsed.success ? parsed.data.inspectionId : null);
  if (!parsed.success) return { kind: 'invalid', fieldErrors: {}, message: 'Answer every question before submitting.' };
  return orHistoryUnavailable(parsed.data.inspectionId, async () => {
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
  });
}

