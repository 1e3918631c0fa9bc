import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { mfaRequiredSchema } from '@/lib/flinks/schemas';
import { IMAGE_CHOICES } from '../png';
import { TOOLBOX_QUESTIONS } from '../questions';
import { caller, promptsOf, toolboxAnswer, type Reply } from '../testing/client';
import { startSimulatorServer } from '../testing/serve';

const srv = await startSimulatorServer({ seed: 'mfa-persona-tests' });
const c = caller(srv);
afterAll(() => srv.close());
beforeEach(() => srv.sim.reset());

const challenges = (r: Reply) => mfaRequiredSchema.parse(r.body).SecurityChallenges;

const start = c.startMfa;

describe('simulator-only MFA personas', () => {
  it('sim_choice: MultipleChoice with Iterables, answer Blue', async () => {
    const { first, answer } = await start('sim_choice');
    const [ch] = challenges(first);
    expect(ch).toMatchObject({ Type: 'MultipleChoice', Iterables: expect.arrayContaining(['Blue']) });
    expect((await answer({ [ch?.Prompt ?? '']: ['Red'] })).body.FlinksCode).toBe('INVALID_SECURITY_RESPONSE');
    expect((await answer({ [ch?.Prompt ?? '']: ['blue'] })).status).toBe(200);
  });

  it('sim_multi: MultipleChoiceMultipleAnswers, Red and Green in any order', async () => {
    const { first, answer } = await start('sim_multi');
    const [ch] = challenges(first);
    expect(ch?.Type).toBe('MultipleChoiceMultipleAnswers');
    expect((await answer({ [ch?.Prompt ?? '']: ['Red'] })).body.FlinksCode).toBe('INVALID_SECURITY_RESPONSE');
    expect((await answer({ [ch?.Prompt ?? '']: ['green', 'RED'] })).status).toBe(200);
  });

  it('sim_image: ImageSelection with base64 PNG Iterables; the second image is right', async () => {
    const { first, answer } = await start('sim_image');
    const [ch] = challenges(first);
    expect(ch?.Type).toBe('ImageSelection');
    expect(ch?.Iterables?.length).toBeGreaterThanOrEqual(2);
    for (const img of ch?.Iterables ?? []) {
      expect(Buffer.from(img, 'base64').subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    }
    expect(ch?.Iterables?.[1]).toBe(IMAGE_CHOICES[1]);
    expect((await answer({ [ch?.Prompt ?? '']: [ch?.Iterables?.[0] ?? ''] })).status).toBe(401);
    expect((await answer({ [ch?.Prompt ?? '']: [ch?.Iterables?.[1] ?? ''] })).status).toBe(200);
  });

  it('sim_text_or_call: a delivery choice, then a code round (123456)', async () => {
    const { first, answer } = await start('sim_text_or_call');
    const [ch] = challenges(first);
    expect(ch?.Type).toBe('TextOrCall');
    const second = await answer({ [ch?.Prompt ?? '']: [ch?.Iterables?.[1] ?? ''] });
    expect(second.status).toBe(203);
    const [code] = challenges(second);
    expect(code?.Type).toBe('QuestionAndAnswer');
    expect(second.body.RequestId).toBe(first.body.RequestId);
    expect((await answer({ [code?.Prompt ?? '']: ['123456'] })).status).toBe(200);
  });

  it('sim_two_rounds: a toolbox question, then the favourite colour', async () => {
    const { first, answer } = await start('sim_two_rounds');
    const p1 = promptsOf(first)[0] ?? '';
    const second = await answer({ [p1]: [toolboxAnswer(p1)] });
    expect(promptsOf(second)).toEqual(['What is your favourite colour?']);
    expect((await answer({ 'What is your favourite colour?': ['Blue'] })).status).toBe(200);
  });

  it('sim_all_types: every challenge type in one 203, all answered in one call', async () => {
    const { first, answer } = await start('sim_all_types');
    const list = challenges(first);
    expect(new Set(list.map((ch) => ch.Type))).toEqual(
      new Set(['QuestionAndAnswer', 'MultipleChoice', 'MultipleChoiceMultipleAnswers', 'ImageSelection', 'TextOrCall']),
    );
    const right: Record<string, string[]> = {};
    for (const ch of list) {
      right[ch.Prompt] =
        ch.Type === 'QuestionAndAnswer' ? [toolboxAnswer(ch.Prompt)]
        : ch.Type === 'MultipleChoice' ? ['Blue']
        : ch.Type === 'MultipleChoiceMultipleAnswers' ? ['Red', 'Green']
        : ch.Type === 'ImageSelection' ? [ch.Iterables?.[1] ?? '']
        : [ch.Iterables?.[0] ?? ''];
    }
    const partial = Object.fromEntries(Object.entries(right).slice(0, 2));
    expect((await answer(partial)).status).toBe(203);
    expect((await answer(right)).status).toBe(200);
  });

  describe('sim_pick_question: QuestionAndAnswer with Iterables, keyed by the chosen question', () => {
    const SHAPE = 'What shape do people like most?';

    it('offers the three toolbox questions and accepts any of them with its answer', async () => {
      const { first } = await start('sim_pick_question');
      expect(challenges(first)).toEqual([
        { Type: 'QuestionAndAnswer', Prompt: 'Choose a security question and answer it.', Iterables: TOOLBOX_QUESTIONS.map((q) => q.en) },
      ]);
      for (const q of TOOLBOX_QUESTIONS) {
        const { answer } = await start('sim_pick_question');
        expect((await answer({ [q.en]: [`  ${q.answer.toUpperCase()} `] })).status).toBe(200);
      }
    });

    it('keyed by the Prompt itself → UNKNOWN_CHALLENGE_KEY (the Prompt is not a key here)', async () => {
      const { first, answer } = await start('sim_pick_question');
      const r = await answer({ [challenges(first)[0]?.Prompt ?? '']: ['Triangle'] });
      expect([r.status, r.body.FlinksCode]).toEqual([401, 'UNKNOWN_CHALLENGE_KEY']);
    });

    it('a key that is not one of the Iterables → UNKNOWN_CHALLENGE_KEY', async () => {
      const { answer } = await start('sim_pick_question');
      const r = await answer({ 'what shape do people like most?': ['Triangle'] });
      expect([r.status, r.body.FlinksCode]).toEqual([401, 'UNKNOWN_CHALLENGE_KEY']);
    });

    it("another question's answer is wrong (D4), and the same choice is offered again", async () => {
      const { first, answer } = await start('sim_pick_question');
      const r = await answer({ [SHAPE]: ['Montreal'] });
      expect([r.status, r.body.FlinksCode, r.body.RequestId]).toEqual([401, 'INVALID_SECURITY_RESPONSE', first.body.RequestId]);
      expect(r.body.SecurityChallenges).toEqual(challenges(first));
      expect((await answer({ [SHAPE]: ['Triangle'] })).status).toBe(200);
    });

    it('two questions answered at once is wrong; an empty answer gets the same 203', async () => {
      const { answer } = await start('sim_pick_question');
      expect((await answer({ [SHAPE]: [' '] })).status).toBe(203);
      const both = await answer({ [SHAPE]: ['Triangle'], 'What is the best country on earth?': ['Canada'] });
      expect(both.body.FlinksCode).toBe('INVALID_SECURITY_RESPONSE');
    });

    it('French: a French prompt, the French questions as Iterables and keys', async () => {
      const { first, answer } = await start('sim_pick_question', { Language: 'fr' });
      const [ch] = challenges(first);
      expect(ch?.Prompt).toBe('Choisissez une question de sécurité et répondez-y.');
      expect(ch?.Iterables).toEqual(TOOLBOX_QUESTIONS.map((q) => q.fr));
      expect((await answer({ [TOOLBOX_QUESTIONS[2].fr]: ['triangle'] })).status).toBe(200);
    });
  });

  it('sim_ prompts are French too', async () => {
    const { first } = await start('sim_choice', { Language: 'fr' });
    expect(promptsOf(first)[0]).toMatch(/Quel|quelle|Où/);
  });
});
