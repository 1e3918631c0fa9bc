/**
 * How many wrong MFA answers a Flinks session allows (docs/flinks-api.md D4): the third wrong answer
 * of a session is 401 INVALID_SECURITY_RESPONSE_NO_RETRY and ends it. Counted from the stored steps,
 * so the counter survives a reload and reads the same on the home page and the session page.
 * Plain module (no zod, no server-only): the MFA form imports the type and the wording.
 */
export const MFA_ATTEMPTS_PER_SESSION = 3;

/** The FlinksCode of a wrong answer that leaves the session open (another try is allowed). */
export const WRONG_ANSWER_CODE = 'INVALID_SECURITY_RESPONSE';

export type MfaAttempt = { number: number; of: number; last: boolean };

/** Wrong answers given so far in one inspection (one Flinks session), from its steps. */
export function wrongAnswersIn(steps: readonly { flinksCode: string | null }[]): number {
  return steps.filter((s) => s.flinksCode === WRONG_ANSWER_CODE).length;
}

/** The attempt the next answer is; capped, since past the last one the session has ended anyway. */
export function mfaAttempt(wrongAnswers: number, of = MFA_ATTEMPTS_PER_SESSION): MfaAttempt {
  const number = Math.min(Math.max(wrongAnswers, 0) + 1, of);
  return { number, of, last: number === of };
}

export function attemptLabel(a: MfaAttempt): string {
  return `Attempt ${a.number} of ${a.of}`;
}

export const LAST_ATTEMPT_WARNING =
  'Last attempt: another wrong answer ends this session (INVALID_SECURITY_RESPONSE_NO_RETRY) and you will have to log in again.';
