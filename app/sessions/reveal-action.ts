'use server';

import { forbidWith, requireViewer } from '@/lib/auth/viewer';
import type { RevealHolderDataResult } from '@/lib/inspector/reveal-holder-data';
import { revealHolderDataInputSchema } from '@/lib/inspector/reveal-schema';
import { revealInspectionHolder } from '@/lib/operations/sessions';

/*
 * The only endpoint that answers with clear holder data: the session page's tables get masked
 * values, and the page HTML never holds clear ones. Checks and the pii.reveal event live in
 * lib/operations with the session page's other operations.
 */

export async function revealHolderDataAction(payload: unknown): Promise<RevealHolderDataResult> {
  const viewer = await requireViewer('pii:reveal');
  const parsed = revealHolderDataInputSchema.safeParse(payload);
  if (!parsed.success) {
    const reason = parsed.error.issues.find((i) => i.path[0] === 'reason')?.message;
    return { kind: 'invalid', message: reason ?? 'Invalid request.', fieldErrors: reason ? { reason } : {} };
  }
  const result = await revealInspectionHolder(viewer, parsed.data.inspectionId, parsed.data.reason);
  return result.kind === 'denied' ? forbidWith(result.permission) : result;
}
