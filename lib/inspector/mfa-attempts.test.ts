import { describe, expect, it } from 'vitest';
import { attemptLabel, mfaAttempt, wrongAnswersIn } from './mfa-attempts';

describe('MFA attempts (D4: three wrong answers per session)', () => {
  it('counts only the wrong answers that left the session open', () => {
    const steps = [
      { flinksCode: null },
      { flinksCode: null },
      { flinksCode: 'INVALID_SECURITY_RESPONSE' },
      { flinksCode: 'UNKNOWN_CHALLENGE_KEY' },
      { flinksCode: 'INVALID_SECURITY_RESPONSE' },
    ];
    expect(wrongAnswersIn(steps)).toBe(2);
  });

  it('numbers the next attempt and flags the last one', () => {
    expect(mfaAttempt(0)).toEqual({ number: 1, of: 3, last: false });
    expect(attemptLabel(mfaAttempt(1))).toBe('Attempt 2 of 3');
    expect(mfaAttempt(2)).toEqual({ number: 3, of: 3, last: true });
    expect(mfaAttempt(7)).toEqual({ number: 3, of: 3, last: true });
  });
});
