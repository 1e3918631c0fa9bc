'use server';

import { z } from 'zod';
import { forbidWith, requireViewer } from '@/lib/auth/viewer';
import { parseAuthorizeForm } from '@/lib/inspector/form-schema';
import { historyUnavailableResult, nullWhenDatabaseDown, orHistoryUnavailable } from '@/lib/inspector/history-unavailable';
import { answerMfaInputSchema } from '@/lib/inspector/mfa-schema';
import { upstreamAdmission } from '@/lib/inspector/upstream-admission';
import { busyErrorView, type InspectionResult } from '@/lib/inspector/views';
import { answerInspectionMfa, openInspection } from '@/lib/operations/inspections';

/*
 * Server actions are public HTTP endpoints: each checks the caller first (requireViewer), then
 * parses its input with zod, and returns only what the browser shows (never the secret key, API key
 * or authorize token). The checks that depend on the input and the audit events live in
 * lib/operations, shared with the HTTP API. Right after the caller check, Flinks-bound work passes
 * the admission gate (a bounded queue; "busy, retry in N s" beyond it), and a database that is down
 * or hangs gives "history unavailable, try again", not a crashed request.
 */

const proposedIdSchema = z.object({ inspectionId: z.uuid() });

export async function startInspectionAction(payload: unknown): Promise<InspectionResult> {
  const viewer = await requireViewer('inspection:open_cached').catch(nullWhenDatabaseDown);
  if (!viewer) return historyUnavailableResult(null);
  const admitted = await upstreamAdmission().run('start', async () => {
    const parsed = parseAuthorizeForm(payload);
    // The id the browser chose, so it can link to and cancel the inspection while it opens.
    const proposed = proposedIdSchema.safeParse(payload);
    if (!parsed.ok) return { kind: 'invalid', fieldErrors: parsed.fieldErrors, message: 'Fix the highlighted fields.' } as const;
    const input = parsed.input;
    return orHistoryUnavailable(null, async () => {
      const result = await openInspection(viewer, input, '/', proposed.success ? { id: proposed.data.inspectionId } : {});
      return result.kind === 'denied' ? forbidWith(result.permission) : result;
    });
  });
  return admitted.kind === 'done' ? admitted.value : { kind: 'error', inspectionId: null, error: busyErrorView(admitted.retryAfterSeconds), mfaOpen: false };
}

export async function answerMfaAction(payload: unknown): Promise<InspectionResult> {
  const viewer = await requireViewer('inspection:open_cached').catch(nullWhenDatabaseDown);
  const parsed = answerMfaInputSchema.safeParse(payload);
  if (!viewer) return historyUnavailableResult(parsed.success ? parsed.data.inspectionId : null);
  if (!parsed.success) return { kind: 'invalid', fieldErrors: {}, message: 'Answer every question before submitting.' };
  const input = parsed.data;
  const admitted = await upstreamAdmission().run('continue', () =>
    orHistoryUnavailable(input.inspectionId, async () => {
      const result = await answerInspectionMfa(viewer, input);
      return result.kind === 'denied' ? forbidWith(result.permission) : result;
    }),
  );
  // Busy: the round stays open; the same answer can be sent again.
  return admitted.kind === 'done' ? admitted.value : { kind: 'error', inspectionId: input.inspectionId, error: busyErrorView(admitted.retryAfterSeconds), mfaOpen: true };
}

