'use server';

import { recordAudit } from '@/lib/audit/record';
import { inspectionTarget, withMeta } from '@/lib/audit/targets';
import { actorOf, currentRequestMeta, requireOwnerOrDelegate, requireViewer } from '@/lib/auth/viewer';
import { defaultDeps } from '@/lib/inspector/deps';
import { revealHolderData, type RevealHolderDataResult } from '@/lib/inspector/reveal-holder-data';
import { revealHolderDataInputSchema } from '@/lib/inspector/reveal-schema';

/*
 * The only endpoint that answers with clear holder data: the session page's tables get masked
 * values, and the page HTML never holds clear ones. Allowed to those with pii:reveal, on their own
 * inspections or as someone who may act for others; recorded as pii.reveal with the reason and the
 * names of the fields shown (never their values) before the values leave.
 */

export async function revealHolderDataAction(payload: unknown): Promise<RevealHolderDataResult> {
  const viewer = await requireViewer('pii:reveal');
  const parsed = revealHolderDataInputSchema.safeParse(payload);
  if (!parsed.success) {
    const reason = parsed.error.issues.find((i) => i.path[0] === 'reason')?.message;
    return { kind: 'invalid', message: reason ?? 'Invalid request.', fieldErrors: reason ? { reason } : {} };
  }
  const deps = await defaultDeps(viewer);
  const inspection = await deps.store.getInspection(parsed.data.inspectionId);
  if (inspection) await requireOwnerOrDelegate(viewer, inspection);
  const result = await revealHolderData(deps, parsed.data.inspectionId);
  await recordAudit({
    action: 'pii.reveal',
    actor: actorOf(viewer),
    outcome: result.kind === 'revealed' ? 'permitted' : 'error',
    environment: viewer.environment,
    reason: parsed.data.reason,
    request: await currentRequestMeta(),
    ...(inspection
      ? withMeta(inspectionTarget(inspection), { fields: result.kind === 'revealed' ? result.fields : [], result: result.kind })
      : { target: { type: 'inspection', id: parsed.data.inspectionId }, metadata: { result: result.kind } }),
  });
  return result;
}
