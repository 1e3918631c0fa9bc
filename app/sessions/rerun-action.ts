'use server';

import { forbidWith, requireViewer } from '@/lib/auth/viewer';
import { rerunInputSchema } from '@/lib/inspector/session-action-schema';
import { upstreamAdmission } from '@/lib/inspector/upstream-admission';
import { busyErrorView } from '@/lib/inspector/views';
import { runInspectionAgain, type RerunResult } from '@/lib/operations/sessions';

/**
 * Run again from the session page: opening an inspection, so the caller needs what the home page
 * needs (open_cached here; openInspection adds open_live for a live one). The password typed is
 * used for this one call and never stored or returned.
 */
export async function runAgainAction(payload: unknown): Promise<RerunResult> {
  const viewer = await requireViewer('inspection:open_cached');
  const parsed = rerunInputSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'error', error: { kind: 'app', message: 'Invalid request.' } };
  const { inspectionId, ...typed } = parsed.data;
  const admitted = await upstreamAdmission().run('start', () => runInspectionAgain(viewer, inspectionId, typed, 'run_again'));
  if (admitted.kind === 'busy') return { kind: 'error', error: busyErrorView(admitted.retryAfterSeconds) };
  const result = admitted.value;
  return result.kind === 'denied' ? forbidWith(result.permission) : result;
}
