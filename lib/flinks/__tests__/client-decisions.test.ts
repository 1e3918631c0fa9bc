import { describe, expect, it } from 'vitest';
import type { AuthorizeBody } from '../schemas';
import { SAMPLE_LOGIN_ID, answersFor, live, openLive, useSimulatorClient } from './simulator-harness';

/** Decisions D1-D12 of docs/flinks-api.md, through the client over HTTP. */
describe('client × simulator decisions', () => {
  const ctx = useSimulatorClient({ asyncPolls: 2 });
  const token = async () => {
    const t = await ctx.client.generateAuthorizeToken();
    if (t.kind !== 'ok') throw new Error(`token: ${t.kind}`);
    return t.token;
  };
  const code = (r: { kind: string; error?: { FlinksCode: string } }) => (r.kind === 'flinks_error' ? r.error?.FlinksCode : r.kind);

  it('GenerateAuthorizeToken: a GUID-like token for the secret key; 401 UNAUTHORIZED without it', async () => {
    const ok = await ctx.client.generateAuthorizeToken();
    expect(ok.kind === 'ok' && ok.token).toMatch(/^[0-9a-f-]{36}$/);
    const bad = await ctx.clientWith({ secretKey: 'wrong' }).generateAuthorizeToken();
    expect(bad.kind === 'flinks_error' && [bad.status, bad.error.FlinksCode, bad.error.Message]).toEqual([401, 'UNAUTHORIZED', 'You must provide a valid auth key']);
  });

  it('D1: a bad, expired (30 min) or used token → 401 UNAUTHORIZED', async () => {
    const bad = await ctx.client.authorize('not-a-token', { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true });
    expect(bad.kind === 'flinks_error' && [bad.status, bad.error.FlinksCode, bad.error.Message]).toEqual([401, 'UNAUTHORIZED', 'You must provide a valid authorize token']);
    const old = await token();
    ctx.srv.sim.advanceClock(31 * 60_000);
    expect(code(await ctx.client.authorize(old, { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true }))).toBe('UNAUTHORIZED');
    const used = await token();
    expect((await ctx.client.authorize(used, { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true })).kind).toBe('authorized');
    expect(code(await ctx.client.authorize(used, { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true }))).toBe('UNAUTHORIZED');
  });

  it('D2: the MFA answer reuses the token with its RequestId; another RequestId is refused', async () => {
    const t = await token();
    const first = await ctx.client.authorize(t, live('Greatday'));
    if (first.kind !== 'mfa_required') throw new Error(first.kind);
    const other = await ctx.client.authorize(t, { RequestId: '00000000-0000-0000-0000-000000000000', SecurityResponses: answersFor(first.data.SecurityChallenges) });
    expect(code(other)).toBe('UNAUTHORIZED');
    const ok = await ctx.client.authorize(t, { RequestId: first.data.RequestId, SecurityResponses: answersFor(first.data.SecurityChallenges) });
    expect(ok.kind === 'authorized' && ok.data.RequestId).toBe(first.data.RequestId);
  });

  it('D3: after 8 minutes idle the RequestId is gone (400 SESSION_NONEXISTENT)', async () => {
    const t = await token();
    const first = await ctx.client.authorize(t, live('Greatday'));
    if (first.kind !== 'mfa_required') throw new Error(first.kind);
    ctx.srv.sim.advanceClock(8 * 60_000 + 1000);
    const late = await ctx.client.authorize(t, { RequestId: first.data.RequestId, SecurityResponses: answersFor(first.data.SecurityChallenges) });
    expect(late.kind === 'flinks_error' && [late.status, late.error.FlinksCode]).toEqual([400, 'SESSION_NONEXISTENT']);
    expect(late.kind === 'flinks_error' && late.error.Message).toBe(`RequestId ${first.data.RequestId} is invalid or session has ended`);
  });

  it('D4: a wrong answer re-asks with the same RequestId; the third ends the session', async () => {
    const t = await token();
    let r = await ctx.client.authorize(t, live('Greatday'));
    if (r.kind !== 'mfa_required') throw new Error(r.kind);
    const requestId = r.data.RequestId;
    let challenges = r.data.SecurityChallenges;
    for (let i = 1; i <= 2; i++) {
      r = await ctx.client.authorize(t, { RequestId: requestId, SecurityResponses: answersFor(challenges, () => ['wrong']) });
      expect(r.kind === 'flinks_error' && [r.status, r.error.FlinksCode, r.error.RequestId]).toEqual([401, 'INVALID_SECURITY_RESPONSE', requestId]);
      const fresh = r.kind === 'flinks_error' ? r.error.SecurityChallenges : undefined;
      expect(fresh?.length).toBe(1);
      challenges = fresh ?? [];
    }
    r = await ctx.client.authorize(t, { RequestId: requestId, SecurityResponses: answersFor(challenges, () => ['wrong']) });
    expect(code(r)).toBe('INVALID_SECURITY_RESPONSE_NO_RETRY');
    const after = await ctx.client.authorize(t, { RequestId: requestId, SecurityResponses: answersFor(challenges) });
    expect(after.kind).toBe('flinks_error');
  });

  it('D5: an answer to a prompt not asked → UNKNOWN_CHALLENGE_KEY; an empty answer → the same 203', async () => {
    const t = await token();
    const r = await ctx.client.authorize(t, live('Greatday'));
    if (r.kind !== 'mfa_required') throw new Error(r.kind);
    const prompt = r.data.SecurityChallenges[0]?.Prompt ?? '';
    const empty = await ctx.client.authorize(t, { RequestId: r.data.RequestId, SecurityResponses: { [prompt]: [] } });
    expect(empty.kind === 'mfa_required' && empty.data.SecurityChallenges[0]?.Prompt, JSON.stringify(empty)).toBe(prompt);
    const unknown = await ctx.client.authorize(t, { RequestId: r.data.RequestId, SecurityResponses: { [prompt.toUpperCase()]: ['x'] } });
    expect(code(unknown)).toBe('UNKNOWN_CHALLENGE_KEY');
  });

  it('D6: an unknown LoginId → 401 INVALID_LOGIN; a body with nothing to authorize → 401 INVALID_REQUEST', async () => {
    const unknown = await ctx.client.authorize(await token(), { LoginId: '11111111-2222-3333-4444-555555555555', MostRecentCached: true });
    expect(unknown.kind === 'flinks_error' && [unknown.status, unknown.error.FlinksCode]).toEqual([401, 'INVALID_LOGIN']);
    const empty = await ctx.client.authorize(await token(), { MostRecentCached: false, Save: true });
    expect(empty.kind === 'flinks_error' && [empty.status, empty.error.FlinksCode]).toEqual([401, 'INVALID_REQUEST']);
  });

  it('D7: credentials and answers ignore case and surrounding spaces', async () => {
    const t = await token();
    const r = await ctx.client.authorize(t, live('  GREATDAY ', { Password: ' everyday', Institution: 'flinkscapital' }));
    if (r.kind !== 'mfa_required') throw new Error(r.kind);
    const answers = answersFor(r.data.SecurityChallenges, (c) => [` ${String(answersFor([c])[c.Prompt]?.[0]).toUpperCase()} `]);
    expect((await ctx.client.authorize(t, { RequestId: r.data.RequestId, SecurityResponses: answers })).kind).toBe('authorized');
  });

  it('D8: lower-case keys and "true" strings are accepted', async () => {
    const body = { loginid: SAMPLE_LOGIN_ID, mostrecentcached: 'true' } as unknown as AuthorizeBody;
    expect((await ctx.client.authorize(await token(), body)).kind).toBe('authorized');
  });

  it('D10: LoginIds are deterministic; a Save:false login is not kept for cached calls', async () => {
    const a = await openLive(ctx.client, 'sim_choice', { Save: true });
    const b = await openLive(ctx.client, 'sim_choice', { Save: true });
    const idOf = (x: typeof a) => (x.result.kind === 'authorized' ? x.result.data.Login.Id : null);
    expect(idOf(a)).toBe(idOf(b));
    ctx.srv.sim.reset();
    const unsaved = await openLive(ctx.client, 'greatday_nomfa', { Save: false });
    const id = unsaved.result.kind === 'authorized' ? unsaved.result.data.Login.Id : '';
    expect(code(await ctx.client.authorize(await token(), { LoginId: id, MostRecentCached: true }))).toBe('INVALID_LOGIN');
  });
});
