import { PERSONAS } from '@/lib/flinks/personas';
import type { LastFailure } from '@/lib/store/types';

/**
 * History's Problem column: a few words naming what went wrong, from the last failing step. A
 * FlinksCode names itself; a transport failure is only stored as its sentence (lib/flinks/http.ts),
 * so the sentence is recognised here and named the way support staff talk about it.
 */
const TRANSPORT: readonly [RegExp, string][] = [
  [/did not answer within/i, 'Timeout'],
  [/could not reach/i, 'Network'],
  [/larger than/i, 'Too large'],
  [/nested deeper/i, 'Too deep'],
  [/not an object/i, 'Unexpected JSON'],
  [/without a FlinksCode/i, 'No FlinksCode'],
  [/cancelled/i, 'Cancelled'],
  [/HTTP \d+ with /i, 'Not JSON'],
];

export function problemLabel(f: Pick<LastFailure, 'outcome' | 'flinksCode' | 'error' | 'httpStatus'> | null | undefined, fallbackCode?: string | null): string | null {
  if (f?.flinksCode) return f.flinksCode;
  if (f?.outcome === 'cancelled') return 'Cancelled';
  if (f?.outcome === 'transport_error') {
    const named = TRANSPORT.find(([re]) => re.test(f.error ?? ''))?.[1];
    const status = f.httpStatus ? ` (HTTP ${f.httpStatus})` : '';
    return `${named ?? 'Transport failure'}${named === 'No FlinksCode' ? '' : status}`;
  }
  if (f?.outcome === 'flinks_error') return f.httpStatus ? `HTTP ${f.httpStatus}` : 'Flinks error';
  return fallbackCode ?? null;
}

const PERSONA_NAMES: ReadonlySet<string> = new Set(PERSONAS.map((p) => p.username));

/** A live username is shown only when it is a test persona: a real customer's username stays off the list. */
export function personaOf(username: string | null): string | null {
  return username !== null && PERSONA_NAMES.has(username) ? username : null;
}
