'use server';

import { defaultDeps } from '@/lib/inspector/deps';
import { revealHolderData, type RevealHolderDataResult } from '@/lib/inspector/reveal-holder-data';
import { revealHolderDataInputSchema } from '@/lib/inspector/reveal-schema';

/*
 * The only endpoint that answers with clear holder data: the session page's tables get masked
 * values, and the page HTML never holds clear ones.
 */

export async function revealHolderDataAction(payload: unknown): Promise<RevealHolderDataResult> {
  // GUARD: requireViewer('pii:reveal', { ownerOf: inspectionId }) + audit pii.reveal (wired by lead)
  const parsed = revealHolderDataInputSchema.safeParse(payload);
  if (!parsed.success) {
    const reason = parsed.error.issues.find((i) => i.path[0] === 'reason')?.message;
    return { kind: 'invalid', message: reason ?? 'Invalid request.', fieldErrors: reason ? { reason } : {} };
  }
  return revealHolderData(await defaultDeps(), parsed.data.inspectionId);
}
