import { describe, expect, it } from 'vitest';
import { TOOLBOX_QUESTIONS } from '@/lib/simulator/questions';
import { SAMPLE_LOGIN_ID, live, openLive, useSimulatorClient } from './simulator-harness';

/** Every toolbox persona (§7) and every sim_ persona, through the client over HTTP. */
describe('client × simulator personas', () => {
  const ctx = useSimulatorClient({}, 1500);

  it('Greatday: one toolbox question, then the documented sample LoginId', async () => {
    const { result, rounds } = await openLive(ctx.client, 'Greatday', { Language: 'en' });
    expect(rounds).toBe(1);
    expect(result.kind).toBe('authorized');
    if (result.kind !== 'authorized') return;
    expect(result.data.Login.Id).toBe(SAMPLE_LOGIN_ID);
    expect(result.data.InstitutionId).toBe(14);
    expect(result.data.Links?.map((l) => l.rel)).toEqual(expect.arrayContaining(['AccountsSummary', 'AccountsDetail', 'Statements']));
  });

  it('greatday_nomfa: 200 at once', async () => {
    const { result, rounds } = await openLive(ctx.client, 'greatday_nomfa');
    expect([result.kind, rounds]).toEqual(['authorized', 0]);
  });

  it.each([
    ['test_disabled_account', 'DISABLED_LOGIN', 401],
    ['test_service_unavailable', 'RETRY_LATER', 401],
    ['sim_new_account', 'NEW_ACCOUNT', 401],
    ['sim_rate_limited', 'TOO_MANY_REQUESTS', 401],
    ['sim_500', 'AGGREGATION_ERROR', 500],
  ])('%s → %s', async (username, code, status) => {
    const { result } = await openLive(ctx.client, username);
    expect(result.kind === 'flinks_error' && [result.error.FlinksCode, result.status]).toEqual([code, status]);
  });

  it('a wrong password → INVALID_PASSWORD; an unknown user → INVALID_LOGIN', async () => {
    const t1 = await ctx.client.generateAuthorizeToken();
    const t2 = await ctx.client.generateAuthorizeToken();
    if (t1.kind !== 'ok' || t2.kind !== 'ok') throw new Error('token');
    const wrong = await ctx.client.authorize(t1.token, live('Greatday', { Password: 'nope' }));
    const unknown = await ctx.client.authorize(t2.token, live('nobody_here'));
    expect(wrong.kind === 'flinks_error' && wrong.error.FlinksCode).toBe('INVALID_PASSWORD');
    expect(unknown.kind === 'flinks_error' && unknown.error.FlinksCode).toBe('INVALID_LOGIN');
  });

  it.each([
    ['sim_choice', 'MultipleChoice', 1],
    ['sim_multi', 'MultipleChoiceMultipleAnswers', 1],
    ['sim_image', 'ImageSelection', 1],
    ['sim_text_or_call', 'TextOrCall', 2],
    ['sim_pick_question', 'QuestionAndAnswer', 1],
    ['sim_two_rounds', 'QuestionAndAnswer', 2],
  ])('%s: %s challenges, %i round(s), then authorized', async (username, type, expectedRounds) => {
    const token = await ctx.client.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('token');
    const first = await ctx.client.authorize(token.token, live(username));
    expect(first.kind === 'mfa_required' && first.data.SecurityChallenges[0]?.Type).toBe(type);
    const { result, rounds } = await openLive(ctx.client, username);
    expect([result.kind, rounds]).toEqual(['authorized', expectedRounds]);
  });

  it('sim_image offers base64 PNG data, not URLs', async () => {
    const token = await ctx.client.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('token');
    const r = await ctx.client.authorize(token.token, live('sim_image'));
    const images = r.kind === 'mfa_required' ? (r.data.SecurityChallenges[0]?.Iterables ?? []) : [];
    expect(images.length).toBeGreaterThan(1);
    for (const img of images) expect(Buffer.from(img.replace(/^data:image\/png;base64,/, ''), 'base64').subarray(1, 4).toString()).toBe('PNG');
  });

  it('sim_pick_question: the Iterables are the toolbox questions; keyed by the Prompt it is UNKNOWN_CHALLENGE_KEY', async () => {
    const token = await ctx.client.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('token');
    const first = await ctx.client.authorize(token.token, live('sim_pick_question'));
    if (first.kind !== 'mfa_required') throw new Error(first.kind);
    const [ch] = first.data.SecurityChallenges;
    expect(ch?.Iterables).toEqual(TOOLBOX_QUESTIONS.map((q) => q.en));
    const byPrompt = await ctx.client.authorize(token.token, { RequestId: first.data.RequestId, SecurityResponses: { [ch?.Prompt ?? '']: ['Montreal'] } });
    expect(byPrompt.kind === 'flinks_error' && byPrompt.error.FlinksCode).toBe('UNKNOWN_CHALLENGE_KEY');
  });

  it('sim_all_types: several challenge types in one 203, answered in one call', async () => {
    const token = await ctx.client.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('token');
    const first = await ctx.client.authorize(token.token, live('sim_all_types'));
    const types = first.kind === 'mfa_required' ? new Set(first.data.SecurityChallenges.map((c) => c.Type)) : new Set();
    expect(types.size).toBeGreaterThanOrEqual(4);
    const { result, rounds } = await openLive(ctx.client, 'sim_all_types');
    expect([result.kind, rounds]).toEqual(['authorized', 1]);
  });

  it('sim_slow answers after the delay', async () => {
    const t0 = Date.now();
    const { result } = await openLive(ctx.client, 'sim_slow');
    expect(result.kind).toBe('authorized');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(250);
  });

  it('sim_hang: the client timeout fires and says so', async () => {
    const { result } = await openLive(ctx.client, 'sim_hang');
    expect(result.kind === 'transport_error' && result.reason).toBe('timeout');
    if (result.kind === 'transport_error') expect(result.message).toMatch(/did not answer within 1\.5 s/);
  });

  it('sim_garbage: a non-JSON 200 is a transport error with the status and the first bytes', async () => {
    const { result } = await openLive(ctx.client, 'sim_garbage');
    expect(result.kind).toBe('transport_error');
    if (result.kind !== 'transport_error') return;
    expect([result.reason, result.status]).toEqual(['non_json', 200]);
    expect(result.bodySnippet?.length).toBeGreaterThan(0);
    expect(result.exchange.response).toEqual({ text: result.bodySnippet });
  });

  it('test_pending and test_dispatched go through MFA like Greatday', async () => {
    for (const u of ['test_pending', 'test_dispatched']) expect((await openLive(ctx.client, u)).result.kind).toBe('authorized');
  });

  it('French: Language fr asks a French question and accepts the same answer', async () => {
    const token = await ctx.client.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('token');
    const r = await ctx.client.authorize(token.token, live('Greatday', { Language: 'fr' }));
    const prompt = r.kind === 'mfa_required' ? r.data.SecurityChallenges[0]?.Prompt : undefined;
    expect(TOOLBOX_QUESTIONS.map((q) => q.fr)).toContain(prompt);
    const { result } = await openLive(ctx.client, 'Greatday', { Language: 'fr' });
    expect(result.kind).toBe('authorized');
    if (result.kind === 'authorized') expect(result.data.Login.Id).not.toBe(SAMPLE_LOGIN_ID);
  });

  it('an unreachable upstream is a network transport error', async () => {
    const client = ctx.clientWith({ baseUrl: 'http://127.0.0.1:9' });
    const r = await client.generateAuthorizeToken();
    expect(r.kind === 'transport_error' && r.reason).toBe('network');
  });
});
