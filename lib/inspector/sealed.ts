import { open, seal, type Keyring, type OpenResult } from '@/lib/crypto/seal';

/**
 * What the inspector keeps sealed, each under its own context (authenticated with the value, so a
 * sealed token cannot be passed off as a sealed response or the other way round).
 */
export const SEAL_CONTEXT = {
  stepResponse: 'steps.sealed_response',
  authorizeToken: 'mfa_continuations.authorize_token',
} as const;

export const sealAuthorizeToken = (ring: Keyring, token: string): string => seal(ring, token, SEAL_CONTEXT.authorizeToken);
export const openAuthorizeToken = (ring: Keyring, sealed: string): OpenResult => open(ring, sealed, SEAL_CONTEXT.authorizeToken);

export const sealResponse = (ring: Keyring, body: unknown): string => seal(ring, JSON.stringify(body), SEAL_CONTEXT.stepResponse);

/** The original response of a step, parsed; a result for a missing key or altered data. */
export function openResponse(ring: Keyring, sealed: string): { ok: true; body: unknown } | Extract<OpenResult, { ok: false }> {
  const opened = open(ring, sealed, SEAL_CONTEXT.stepResponse);
  if (!opened.ok) return opened;
  try {
    return { ok: true, body: JSON.parse(opened.value) as unknown };
  } catch {
    return { ok: false, reason: 'malformed', message: 'This sealed response is not JSON.' };
  }
}
