import { describe, expect, it } from 'vitest';
import { questionsAsked, stepHeading, stepStatusLabel } from './timeline-step-label';

describe('timeline entry headings', () => {
  it('names the step, the call and its answer', () => {
    expect(stepHeading({ seq: 3, method: 'POST', endpoint: 'Authorize', httpStatus: 203, flinksCode: null, outcome: 'mfa_required' })).toBe('Step 3 · POST Authorize · 203 MFA required');
    expect(stepStatusLabel({ httpStatus: 401, flinksCode: 'INVALID_SECURITY_RESPONSE', outcome: 'flinks_error' })).toBe('401 INVALID_SECURITY_RESPONSE');
    expect(stepStatusLabel({ httpStatus: 200, flinksCode: null, outcome: 'ok' })).toBe('200 OK');
    expect(stepStatusLabel({ httpStatus: 202, flinksCode: 'OPERATION_PENDING', outcome: 'pending' })).toBe('202 OPERATION_PENDING');
    expect(stepStatusLabel({ httpStatus: null, flinksCode: null, outcome: 'transport_error' })).toBe('No answer');
  });

  it('lists the prompts a response asked, and nothing for other bodies', () => {
    const body = { HttpStatusCode: 203, SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: 'What city were you born in?' }, { Type: 'MultipleChoice', Prompt: 'Pick a colour', Iterables: ['Red'] }] };
    expect(questionsAsked(body)).toEqual(['What city were you born in?', 'Pick a colour']);
    expect(questionsAsked({ FlinksCode: 'INVALID_LOGIN' })).toEqual([]);
    expect(questionsAsked({ SecurityChallenges: 'junk' })).toEqual([]);
    expect(questionsAsked(null)).toEqual([]);
    expect(questionsAsked({ text: 'not json' })).toEqual([]);
  });
});
