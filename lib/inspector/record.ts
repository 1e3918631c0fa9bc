import type { Exchange } from '@/lib/flinks/client';
import type { NewStep, StepOutcome } from '@/lib/store/types';
import { compactResponse } from './compact-response';
import type { InspectorDeps } from './deps';
import { maskPersonalData } from './mask-personal-data';
import { sealResponse } from './sealed';

/**
 * Every exchange becomes a step before the UI hears about it. The exchange is already redacted of
 * secrets; here the response is masked of personal data for the step, and the unmasked one sealed
 * beside it (only when masking changed something, so steps without personal data carry no blob).
 */
export async function recordExchange(
  deps: Pick<InspectorDeps, 'store' | 'keyring'>,
  inspectionId: string,
  exchange: Exchange,
  outcome: StepOutcome,
  flinksCode: string | null = null,
): Promise<void> {
  await deps.store.appendStep(inspectionId, exchangeStep(deps, exchange, outcome, flinksCode));
}

/** The step an exchange records as; settle() writes it in the same transaction as the status change. */
export function exchangeStep(
  { keyring }: Pick<InspectorDeps, 'keyring'>,
  exchange: Exchange,
  outcome: StepOutcome,
  flinksCode: string | null = null,
): NewStep {
  const response = maskPersonalData(compactResponse(exchange.response));
  const original = compactResponse(exchange.unmasked ?? exchange.response);
  const sealedResponse = JSON.stringify(original) === JSON.stringify(response) ? null : sealResponse(keyring, original);
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
    response,
    sealedResponse,
    error: exchange.error,
    responseHeaders: exchange.responseHeaders ?? null,
  };
  return step;
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
