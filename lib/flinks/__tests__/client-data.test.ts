import { describe, expect, it } from 'vitest';
import { SAMPLE_LOGIN_ID, openLive, useSimulatorClient } from './simulator-harness';

/** The data endpoints behind the Links (§8, D9, D11, D12), through the client over HTTP. */
describe('client × simulator data endpoints', () => {
  const ctx = useSimulatorClient({ asyncPolls: 2 });

  async function cachedSession() {
    const t = await ctx.client.generateAuthorizeToken();
    if (t.kind !== 'ok') throw new Error(t.kind);
    const r = await ctx.client.authorize(t.token, { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true });
    if (r.kind !== 'authorized') throw new Error(r.kind);
    return r.data.RequestId;
  }

  it('cached mode: the documented sample LoginId opens a session without MFA', async () => {
    expect(await cachedSession()).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GetAccountsSummary answers 200 at once with two or more accounts and their holders', async () => {
    const r = await ctx.client.getAccountsSummary(await cachedSession());
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.data.Accounts.length).toBeGreaterThanOrEqual(2);
    expect(r.data.Accounts[0]?.Holder?.Name).toBeTruthy();
    // The stored exchange keeps only the last four digits of account numbers.
    expect(JSON.stringify(r.exchange.response)).not.toContain(r.data.Accounts[0]?.AccountNumber ?? 'none');
  });

  it('D11: GetAccountsDetail 202 OPERATION_PENDING, the async GET 202 twice, then 200 with 90 days of transactions', async () => {
    const requestId = await cachedSession();
    const first = await ctx.client.getAccountsDetail({ RequestId: requestId, WithTransactions: true, DaysOfTransactions: 'Days90' });
    expect(first.kind === 'pending' && first.data.FlinksCode).toBe('OPERATION_PENDING');
    const kinds: string[] = [];
    let last = await ctx.client.getAccountsDetailAsync(requestId);
    kinds.push(last.kind);
    while (last.kind === 'pending' && kinds.length < 10) {
      last = await ctx.client.getAccountsDetailAsync(requestId);
      kinds.push(last.kind);
    }
    expect(kinds).toEqual(['pending', 'pending', 'ok']);
    if (last.kind !== 'ok') return;
    const dates = last.data.Accounts.flatMap((a) => a.Transactions ?? []).map((t) => t.Date).sort();
    const days = (Date.parse(dates.at(-1) ?? '') - Date.parse(dates[0] ?? '')) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(80);
    expect(days).toBeLessThanOrEqual(91);
  });

  async function liveRequestId(user: string) {
    const { result } = await openLive(ctx.client, user);
    if (result.kind !== 'authorized') throw new Error(result.kind);
    return result.data.RequestId;
  }

  it('D11: test_pending stays pending (OPERATION_PENDING) poll after poll', async () => {
    const rid = await liveRequestId('test_pending');
    expect((await ctx.client.getAccountsDetail({ RequestId: rid })).kind).toBe('pending');
    for (let i = 0; i < 5; i++) {
      const poll = await ctx.client.getAccountsDetailAsync(rid);
      expect(poll.kind === 'pending' && poll.data.FlinksCode).toBe('OPERATION_PENDING');
    }
  });

  it('D11: test_dispatched answers OPERATION_DISPATCHED, then completes later', async () => {
    const rid = await liveRequestId('test_dispatched');
    const first = await ctx.client.getAccountsDetail({ RequestId: rid });
    expect(first.kind === 'pending' && first.data.FlinksCode).toBe('OPERATION_DISPATCHED');
    let poll = await ctx.client.getAccountsDetailAsync(rid);
    for (let i = 0; i < 5 && poll.kind === 'pending'; i++) poll = await ctx.client.getAccountsDetailAsync(rid);
    expect(poll.kind).toBe('ok');
  });

  it('GetStatements answers 200 at once with real PDF files', async () => {
    const r = await ctx.client.getStatements({ RequestId: await cachedSession(), NumberOfStatements: 'Months3' });
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const statements = r.data.StatementsByAccount.flatMap((a) => a.Statements);
    expect(statements.length).toBeGreaterThanOrEqual(3);
    for (const s of statements) expect(Buffer.from(s.Base64Bytes, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('D12: a missing or wrong x-api-key → 401 UNAUTHORIZED', async () => {
    const rid = await cachedSession();
    const r = await ctx.clientWith({ apiKey: 'wrong-key' }).getAccountsSummary(rid);
    expect(r.kind === 'flinks_error' && [r.status, r.error.FlinksCode]).toEqual([401, 'UNAUTHORIZED']);
  });

  it('D12: a session still waiting on MFA → 401 UNAUTHORIZED on data calls', async () => {
    const t = await ctx.client.generateAuthorizeToken();
    if (t.kind !== 'ok') throw new Error(t.kind);
    const r = await ctx.client.authorize(t.token, { Institution: 'FlinksCapital', Username: 'Greatday', Password: 'Everyday', MostRecentCached: false, Save: true });
    if (r.kind !== 'mfa_required') throw new Error(r.kind);
    const data = await ctx.client.getAccountsSummary(r.data.RequestId);
    expect(data.kind === 'flinks_error' && data.error.FlinksCode).toBe('UNAUTHORIZED');
  });

  it('D3: data calls after 8 idle minutes → 400 SESSION_NONEXISTENT', async () => {
    const rid = await cachedSession();
    ctx.srv.sim.advanceClock(9 * 60_000);
    const r = await ctx.client.getAccountsSummary(rid);
    expect(r.kind === 'flinks_error' && [r.status, r.error.FlinksCode]).toEqual([400, 'SESSION_NONEXISTENT']);
  });

  it('exchanges never carry the API key', async () => {
    const r = await ctx.client.getAccountsSummary(await cachedSession());
    expect(JSON.stringify(r.exchange)).not.toContain(ctx.srv.credentials.apiKey);
    expect(r.exchange.request.headers['x-api-key']).toBe('$FLINKS_API_KEY');
  });
});
