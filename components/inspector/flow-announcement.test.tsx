import { describe, expect, it } from 'vitest';
import type { SessionView } from '@/lib/inspector/views';
import { announcement, shownKey } from './flow-announcement';

const challenges = [{ type: 'QuestionAndAnswer', prompt: 'What city?', iterables: [] }];

describe('announcement', () => {
  it('says what appeared, worded apart from the visible text so on-screen lookups stay unique', () => {
    expect(announcement({ stage: 'mfa', inspectionId: 'i', challenges, round: 1, error: null })).toBe('Security questions: one question.');
    const second = announcement({ stage: 'mfa', inspectionId: 'i', challenges, round: 2, error: null });
    expect(second).toContain('again');
    expect(second.toLowerCase()).not.toContain('round 2');
    expect(announcement({ stage: 'result', inspectionId: 'i', session: { requestId: 'r-1' } as SessionView })).toBe('Session opened. Request ID r-1.');
    expect(announcement({ stage: 'form', inspectionId: null, error: { kind: 'app', message: 'Down.' } })).toBe('The session did not open. Down.');
    expect(announcement({ stage: 'form', inspectionId: null, error: null })).toBe('');
  });

  it('after a wrong answer says which try is next, and warns before the last one', () => {
    const wrong = { kind: 'app' as const, message: 'Wrong.' };
    const second = announcement({ stage: 'mfa', inspectionId: 'i', challenges, round: 1, error: wrong, attempt: { number: 2, of: 3, last: false } });
    expect(second).toBe('Problem with the answers. Wrong. Try 2 of 3 next.');
    const third = announcement({ stage: 'mfa', inspectionId: 'i', challenges, round: 1, error: wrong, attempt: { number: 3, of: 3, last: true } });
    expect(third).toContain('the final one: one more wrong answer ends the session');
    expect(third).not.toContain('Attempt 3 of 3');
  });
});

describe('shownKey', () => {
  it('changes when a new error appears, even the same one twice', () => {
    const flow = { stage: 'form' as const, inspectionId: null, error: { kind: 'app' as const, message: 'x' } };
    expect(shownKey(flow, 1)).not.toBe(shownKey(flow, 2));
    expect(shownKey({ stage: 'form', inspectionId: null, error: null }, 3)).toBe('form');
  });
});
