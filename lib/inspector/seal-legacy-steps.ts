import type { InspectorDeps } from './deps';
import { maskPersonalData } from './mask-personal-data';
import { sealResponse } from './sealed';

/**
 * Steps recorded before responses were masked still hold holder data in clear. At server start
 * each one is rewritten like a new step: its response masked, the original sealed beside it.
 * Idempotent (a resealed step is no longer listed) and batched, so a large history does not
 * hold a transaction or the memory. Returns how many steps were resealed.
 */
export async function sealLegacySteps(deps: Pick<InspectorDeps, 'store' | 'keyring'>, batchSize = 200): Promise<number> {
  let after: string | null = null;
  let resealed = 0;
  for (;;) {
    const batch = await deps.store.listUnsealedSteps({ after, limit: batchSize });
    for (const step of batch) {
      const masked = maskPersonalData(step.response);
      if (JSON.stringify(masked) === JSON.stringify(step.response)) continue;
      await deps.store.resealStep(step.id, masked, sealResponse(deps.keyring, step.response));
      resealed += 1;
    }
    if (batch.length < batchSize) return resealed;
    after = batch.at(-1)!.id;
  }
}
