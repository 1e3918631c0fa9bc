import type { Exchange } from '@/lib/flinks/client';
import type { InspectionStore, NewStep, StepOutcome } from '@/lib/store/types';

/** Every exchange becomes a step before the UI hears about it (the exchange is already redacted). */
export async function recordExchange(
  store: InspectionStore,
  inspectionId: string,
  exchange: Exchange,
  outcome: StepOutcome,
  flinksCode: string | null = null,
): Promise<void> {
  const step: NewStep = {
    endpoint: exchange.endpoint,
    method: exchange.method,
    url: exchange.url,
    startedAt: exchange.startedAt,
    durationMs: exchange.durationMs,
    httpStatus: exchange.httpStatus,
    flinksCode,
    outcome,
    request: exchange.request,
    response: exchange.response,
    error: exchange.error,
  };
  await store.appendStep(inspectionId, step);
}

/** The outcome and FlinksCode a client result records as. */
export function stepOutcomeOf(
  result: { kind: 'ok' | 'authorized' | 'mfa_required' | 'pending' | 'flinks_error' | 'transport_error'; error?: { FlinksCode: string } },
): { outcome: StepOutcome; flinksCode: string | null } {
  switch (result.kind) {
    case 'ok':
    case 'authorized':
      return { outcome: 'ok', flinksCode: null };
    case 'mfa_required':
      return { outcome: 'mfa_required', flinksCode: null };
    case 'pending':
      return { outcome: 'pending', flinksCode: null };
    case 'flinks_error':
      return { outcome: 'flinks_error', flinksCode: result.error?.FlinksCode ?? null };
    case 'transport_error':
      return { outcome: 'transport_error', flinksCode: null };
  }
}
