import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { flinksErrorSchema, generateTokenResponseSchema } from '@/lib/flinks/schemas';
import { startSimulatorServer } from '../testing/serve';
import { caller } from '../testing/client';

const srv = await startSimulatorServer({ seed: 'token-tests' });
const c = caller(srv);
afterAll(() => srv.close());
beforeEach(() => srv.sim.reset());

const TOKEN_ERROR = { HttpStatusCode: 401, FlinksCode: 'UNAUTHORIZED', Message: 'You must provide a valid authorize token' };

describe('GenerateAuthorizeToken (§2.2)', () => {
  it('issues a GUID token for the secret key', async () => {
    const r = await c.call('GenerateAuthorizeToken', { headers: { 'flinks-auth-key': srv.credentials.secretKey } });
    expect(r.status).toBe(200);
    const body = generateTokenResponseSchema.parse(r.body);
    expect(body.Token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a missing or wrong secret with 401 UNAUTHORIZED', async () => {
    const variants: Record<string, string>[] = [{}, { 'flinks-auth-key': 'nope' }, { 'x-api-key': srv.credentials.secretKey }];
    for (const headers of variants) {
      const r = await c.call('GenerateAuthorizeToken', { headers });
      expect(r.status).toBe(401);
      expect(r.body).toEqual({ HttpStatusCode: 401, FlinksCode: 'UNAUTHORIZED', Message: 'You must provide a valid auth key' });
    }
  });
});

describe('authorize token rules (D1, D2)', () => {
  it('D1: a missing or unknown token is 401 UNAUTHORIZED', async () => {
    const cached = { LoginId: '5e115eac-1209-4f19-641c-08d6d484e2fe', MostRecentCached: true };
    expect((await c.call('Authorize', { body: cached })).body).toEqual(TOKEN_ERROR);
    const r = await c.authorize('00000000-0000-0000-0000-000000000000', cached);
    expect(r.status).toBe(401);
    expect(r.body).toEqual(TOKEN_ERROR);
    flinksErrorSchema.parse(r.body);
  });

  it('D1: a token unused for 30 minutes expires (clock control)', async () => {
    const tok = await c.token();
    await c.call('/_control/clock', { body: { advanceMs: 30 * 60_000 + 1 } });
    const r = await c.authorize(tok, c.live('greatday_nomfa'));
    expect(r.body).toEqual(TOKEN_ERROR);
  });

  it('D1: a token is still good just under 30 minutes', async () => {
    const tok = await c.token();
    srv.sim.advanceClock(29 * 60_000);
    expect((await c.authorize(tok, c.live('greatday_nomfa'))).status).toBe(200);
  });

  it('D2: a used token cannot open a second session', async () => {
    const tok = await c.token();
    expect((await c.authorize(tok, c.live('greatday_nomfa'))).status).toBe(200);
    const again = await c.authorize(tok, c.live('greatday_nomfa'));
    expect(again.body).toEqual(TOKEN_ERROR);
    const cached = await c.authorize(tok, { LoginId: '5e115eac-1209-4f19-641c-08d6d484e2fe', MostRecentCached: true });
    expect(cached.body).toEqual(TOKEN_ERROR);
  });

  it('D2: the same token answers MFA for its own RequestId only', async () => {
    const tokA = await c.token();
    const tokB = await c.token();
    const a = await c.authorize(tokA, c.live('sim_choice'));
    const b = await c.authorize(tokB, c.live('sim_choice'));
    expect(a.status).toBe(203);
    const prompt = (a.body.SecurityChallenges as { Prompt: string }[])[0]?.Prompt ?? '';
    // Token B presented with A's RequestId: refused.
    const cross = await c.authorize(tokB, { RequestId: a.body.RequestId, SecurityResponses: { [prompt]: ['Blue'] } });
    expect(cross.body).toEqual(TOKEN_ERROR);
    // A fresh token cannot continue someone's session either.
    const fresh = await c.authorize(await c.token(), { RequestId: b.body.RequestId, SecurityResponses: { [prompt]: ['Blue'] } });
    expect(fresh.body).toEqual(TOKEN_ERROR);
    const ok = await c.authorize(tokA, { RequestId: a.body.RequestId, SecurityResponses: { [prompt]: ['Blue'] } });
    expect(ok.status).toBe(200);
    expect(ok.body.RequestId).toBe(a.body.RequestId);
  });

  it('tokenErrorCode option switches the FlinksCode to ACCESS_DENIED', async () => {
    const other = await startSimulatorServer({ tokenErrorCode: 'ACCESS_DENIED' });
    try {
      const r = await caller(other).authorize('bad', { LoginId: 'x' });
      expect(r.body).toMatchObject({ HttpStatusCode: 401, FlinksCode: 'ACCESS_DENIED' });
    } finally {
      await other.close();
    }
  });
});
