import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { authorizeSuccessSchema, flinksErrorSchema, mfaRequiredSchema } from '@/lib/flinks/schemas';
import { caller, promptsOf, toolboxAnswer, type Reply } from '../testing/client';
import { startSimulatorServer } from '../testing/serve';

const srv = await startSimulatorServer({ seed: 'mfa-tests' });
const c = caller(srv);
afterAll(() => srv.close());
beforeEach(() => srv.sim.reset());

const challenges = (r: Reply) => mfaRequiredSchema.parse(r.body).SecurityChallenges;

const start = c.startMfa;

describe('Greatday questions (D7)', () => {
  it('asks one of the three Canadian questions, and the right answer opens the session', async () => {
    const { first, answer } = await start('Greatday');
    const [ch] = challenges(first);
    expect(['What city were you born in?', 'What is the best country on earth?', 'What shape do people like most?']).toContain(ch?.Prompt);
    expect(ch?.Type).toBe('QuestionAndAnswer');
    expect(ch?.Iterables).toBeUndefined();
    const ok = await answer({ [ch?.Prompt ?? '']: [`  ${toolboxAnswer(ch?.Prompt ?? '').toUpperCase()} `] });
    expect(ok.status).toBe(200);
    expect(authorizeSuccessSchema.parse(ok.body).RequestId).toBe(first.body.RequestId);
  });

  it('the question is random per attempt but repeatable with a seed', async () => {
    const sequence = async () => {
      srv.sim.reset();
      const seen: string[] = [];
      for (let i = 0; i < 8; i++) seen.push(promptsOf(await c.authorize(await c.token(), c.live('Greatday')))[0] ?? '');
      return seen;
    };
    const a = await sequence();
    expect(new Set(a).size).toBeGreaterThan(1);
    expect(await sequence()).toEqual(a);
    const other = await startSimulatorServer({ seed: 'another seed' });
    try {
      const oc = caller(other);
      const b: string[] = [];
      for (let i = 0; i < 8; i++) b.push(promptsOf(await oc.authorize(await oc.token(), oc.live('Greatday')))[0] ?? '');
      expect(b).not.toEqual(a);
    } finally {
      await other.close();
    }
  });

  it('French prompts for Language fr; the same answers are accepted', async () => {
    const { first, answer } = await start('Greatday', { Language: 'fr' });
    const prompt = promptsOf(first)[0] ?? '';
    expect(prompt).toMatch(/Où|Quel|Quelle|quelle/);
    expect(toolboxAnswer(prompt)).not.toBe('');
    const ok = await answer({ [prompt]: [toolboxAnswer(prompt)] });
    expect(ok.status).toBe(200);
  });
});

describe('wrong and missing answers (D4, D5)', () => {
  it('D4: a wrong answer is 401 INVALID_SECURITY_RESPONSE with the RequestId and another question; the third ends it', async () => {
    const { first, answer } = await start('Greatday');
    const p1 = promptsOf(first)[0] ?? '';
    const w1 = await answer({ [p1]: ['wrong'] });
    expect(w1.status).toBe(401);
    const e1 = flinksErrorSchema.parse(w1.body);
    expect(e1).toMatchObject({ FlinksCode: 'INVALID_SECURITY_RESPONSE', RequestId: first.body.RequestId });
    const p2 = e1.SecurityChallenges?.[0]?.Prompt ?? '';
    expect(p2).not.toBe(p1);
    const w2 = await answer({ [p2]: ['wrong'] });
    expect(w2.body.FlinksCode).toBe('INVALID_SECURITY_RESPONSE');
    const p3 = promptsOf(w2)[0] ?? '';
    const w3 = await answer({ [p3]: ['wrong'] });
    expect(w3.status).toBe(401);
    expect(w3.body).toMatchObject({ FlinksCode: 'INVALID_SECURITY_RESPONSE_NO_RETRY', RequestId: first.body.RequestId });
    // The session is over: even the right answer now finds nothing.
    const after = await answer({ [p3]: [toolboxAnswer(p3)] });
    expect(after.status).toBe(400);
    expect(after.body.FlinksCode).toBe('SESSION_NONEXISTENT');
  });

  it('D4: a wrong answer followed by the right one to the new question succeeds', async () => {
    const { first, answer } = await start('Greatday');
    const w = await answer({ [promptsOf(first)[0] ?? '']: ['nope'] });
    const p = promptsOf(w)[0] ?? '';
    expect((await answer({ [p]: [toolboxAnswer(p)] })).status).toBe(200);
  });

  it('D5: a key that was not asked is 401 UNKNOWN_CHALLENGE_KEY (prompts are verbatim)', async () => {
    const { first, answer } = await start('sim_choice');
    const prompt = promptsOf(first)[0] ?? '';
    const r = await answer({ [prompt.toUpperCase()]: ['Blue'] });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ FlinksCode: 'UNKNOWN_CHALLENGE_KEY', RequestId: first.body.RequestId });
    expect((await answer({ [prompt]: ['Blue'] })).status).toBe(200);
  });

  it.each(['constructor', 'toString', 'hasOwnProperty'])('D5: an answer keyed %s is an unknown challenge key, not a crash', async (key) => {
    const { first, answer } = await start('Greatday');
    const r = await answer({ [key]: ['Montreal'] });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ FlinksCode: 'UNKNOWN_CHALLENGE_KEY', RequestId: first.body.RequestId });
  });

  it('D5: a __proto__ key is dropped when the body is parsed, so the round is simply asked again', async () => {
    const { first, answer } = await start('Greatday');
    // Raw JSON: an object literal would make __proto__ the prototype instead of a field.
    const again = await answer(JSON.parse('{"__proto__":["Montreal"]}') as Record<string, string[]>);
    expect(again.status).toBe(203);
    expect(again.body.RequestId).toBe(first.body.RequestId);
  });

  it('D5: empty answers (or none) get the same 203 again, without counting as wrong', async () => {
    const { first, answer } = await start('Greatday');
    const prompt = promptsOf(first)[0] ?? '';
    for (let i = 0; i < 4; i++) {
      const again = await answer({ [prompt]: [] });
      expect(again.status).toBe(203);
      expect(again.body).toEqual(first.body);
    }
    expect((await answer({})).body).toEqual(first.body);
    expect((await answer({ [prompt]: [toolboxAnswer(prompt)] })).status).toBe(200);
  });

  it('D3: a RequestId idle for 8 minutes is 400 SESSION_NONEXISTENT', async () => {
    const { first, answer } = await start('Greatday');
    const prompt = promptsOf(first)[0] ?? '';
    srv.sim.advanceClock(7 * 60_000);
    expect((await answer({ [prompt]: [] })).status).toBe(203); // activity resets the idle timer
    await c.call('/_control/clock', { body: { AdvanceMs: 8 * 60_000 + 1 } });
    const r = await answer({ [prompt]: [toolboxAnswer(prompt)] });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      HttpStatusCode: 400,
      FlinksCode: 'SESSION_NONEXISTENT',
      Message: `RequestId ${first.body.RequestId} is invalid or session has ended`,
    });
  });

  it('answering an already authorized session is 400 ALREADY_AUTHORIZED', async () => {
    const { first, answer } = await start('sim_choice');
    const prompt = promptsOf(first)[0] ?? '';
    expect((await answer({ [prompt]: ['Blue'] })).status).toBe(200);
    expect((await answer({ [prompt]: ['Blue'] })).body.FlinksCode).toBe('ALREADY_AUTHORIZED');
  });
});
