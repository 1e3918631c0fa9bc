/**
 * What each timeline entry says in its heading and under it. Pure functions over a stored (masked)
 * step, so the session page and its tests read the same words. Questions are not secret (answers
 * are, and are never in a response); they come from the masked response as recorded.
 */

type StepHead = { seq: number; method: string; endpoint: string; httpStatus: number | null; flinksCode: string | null; outcome: string };

/** e.g. "203 MFA required", "401 INVALID_SECURITY_RESPONSE", "200 OK", "No answer". */
export function stepStatusLabel(s: Pick<StepHead, 'httpStatus' | 'flinksCode' | 'outcome'>): string {
  if (s.httpStatus === null) return 'No answer';
  switch (s.outcome) {
    case 'ok':
      return `${s.httpStatus} OK`;
    case 'mfa_required':
      return `${s.httpStatus} MFA required`;
    case 'pending':
      return `${s.httpStatus} ${s.flinksCode ?? 'Pending'}`;
    case 'transport_error':
      return `${s.httpStatus} Transport error`;
    default:
      return `${s.httpStatus} ${s.flinksCode ?? 'Error'}`;
  }
}

/** The entry's heading: "Step 3 · POST Authorize · 203 MFA required". */
export function stepHeading(s: StepHead): string {
  return `Step ${s.seq} · ${s.method} ${s.endpoint} · ${stepStatusLabel(s)}`;
}

/**
 * The prompts of the SecurityChallenges in a response (a 203, or a wrong answer's 401 that asks
 * again, D4); for a question picked from a list, the questions offered. Anything unexpected reads
 * as no questions rather than failing the page.
 */
export function questionsAsked(response: unknown): string[] {
  if (!response || typeof response !== 'object') return [];
  const challenges = (response as { SecurityChallenges?: unknown }).SecurityChallenges;
  if (!Array.isArray(challenges)) return [];
  const out: string[] = [];
  for (const c of challenges) {
    if (!c || typeof c !== 'object') continue;
    const prompt = (c as { Prompt?: unknown }).Prompt;
    if (typeof prompt === 'string' && prompt.trim()) out.push(prompt.trim());
  }
  return out;
}
