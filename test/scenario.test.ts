import { describe, expect, it } from 'vitest';
import { answersForRound, bookOf, parseAnswerFlags } from '@/cli/answers';
import { interpolate, junitXml, scenarioSchema, unmet } from '@/cli/scenario';

/** The scenario runner's pure parts: references, expectations and their messages, answers per round, JUnit. */
describe('scenarios', () => {
  it('interpolates earlier results and variables, with shell-style defaults', () => {
    const results = { open: { id: 'abc', accounts: [1, 2] } };
    expect(interpolate({ a: '${open.id}/x', b: ['${open.accounts.length}'], c: '${env.FSI_NOT_SET_ANYWHERE:-d}' }, results)).toEqual({ a: 'abc/x', b: ['2'], c: 'd' });
    expect(() => interpolate('${nope.id}', results)).toThrow('${nope.id} has no value');
  });

  it('says which expectation is unmet, in words', () => {
    const r = { status: 'authorized', httpStatus: 201, error: null, challenges: [], accounts: [{ transactions: [1, 2, 3] }] };
    expect(unmet({ status: 'authorized', counts: { accounts: 1, transactions: '>=3', challenges: '<1' } }, r)).toBeNull();
    expect(unmet({ status: 'failed' }, r)).toBe('expected status failed, got authorized');
    expect(unmet({ flinksCode: 'DISABLED_LOGIN' }, r)).toBe('expected FlinksCode DISABLED_LOGIN, got none');
    expect(unmet({ counts: { accounts: '>1' } }, r)).toBe('expected accounts >1, got 1');
    expect(unmet({ counts: { statements: 1 } }, r)).toBe('expected a count of statements, but the result has no statements');
    expect(unmet({ httpStatus: 202 }, r)).toBe('expected HTTP 202, got 201');
  });

  it('refuses an unknown step kind or expectation key', () => {
    expect(scenarioSchema.safeParse({ name: 'x', steps: [{ opne: {} }] }).success).toBe(false);
    expect(scenarioSchema.safeParse({ name: 'x', steps: [{ expect: { stauts: 'ok' } }] }).success).toBe(false);
  });

  it('answers only the questions of the round; #N picks an offered value; a picked question keys the answer', () => {
    const flags = parseAnswerFlags(['Q1=a', 'Colours=Red', 'Colours=Green', 'Image=#2', 'What shape do people like most?=Triangle']);
    if (!flags.ok) throw new Error(flags.message);
    const round = [
      { type: 'QuestionAndAnswer', prompt: 'Q1', iterables: [] },
      { type: 'MultipleChoiceMultipleAnswers', prompt: 'Colours', iterables: ['Red', 'Green', 'Blue'] },
      { type: 'ImageSelection', prompt: 'Image', iterables: ['data:1', 'data:2'] },
      { type: 'QuestionAndAnswer', prompt: 'Choose a question', iterables: ['What city?', 'What shape do people like most?'] },
      { type: 'QuestionAndAnswer', prompt: 'Unknown', iterables: [] },
    ];
    const { answers, missing } = answersForRound(round, flags.book);
    expect(answers).toEqual({ Q1: ['a'], Colours: ['Red', 'Green'], Image: ['data:2'], 'What shape do people like most?': ['Triangle'] });
    expect(missing.map((c) => c.prompt)).toEqual(['Unknown']);
    expect(answersForRound(round.slice(0, 1), bookOf({ Q1: 'b' })).answers).toEqual({ Q1: ['b'] });
    expect(parseAnswerFlags(['no equals sign']).ok).toBe(false);
  });

  it('writes JUnit with the failure message escaped', () => {
    const xml = junitXml({ scenario: 'S & co', ok: false, steps: [{ id: 'a', name: '1. open', ok: false, message: 'expected <x>', ms: 5 }] });
    expect(xml).toContain('<testsuite name="S &amp; co" tests="1" failures="1"');
    expect(xml).toContain('<failure message="expected &lt;x&gt;">');
  });
});
