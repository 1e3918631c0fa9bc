import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { accountsDetailSchema, accountsSummarySchema, pendingSchema } from '@/lib/flinks/schemas';
import { SAMPLE_LOGIN_ID } from '../state';
import { TOOLBOX } from '@/lib/flinks/toolbox';
import { caller, promptsOf } from '../testing/client';
import { startSimulatorServer } from '../testing/serve';

const srv = await startSimulatorServer({ seed: 'data-tests', asyncPolls: 2 });
const c = caller(srv);
afterAll(() => srv.close());
beforeEach(() => srv.sim.reset());

const cachedSession = c.cachedSession;

/** GetAccountsDetail to completion; returns every reply in order. */
async function detailToCompletion(requestId: string, body: Record<string, unknown> = {}, method = 'GET') {
  const replies = [await c.data('GetAccountsDetail', { RequestId: requestId, ...body })];
  while (replies.at(-1)?.status === 202 && replies.length < 20) {
    replies.push(await c.data(`GetAccountsDetailAsync/${requestId}`, undefined, { method }));
  }
  return replies;
}

describe('x-api-key (D12)', () => {
  it('missing or wrong key: 401 UNAUTHORIZED; toolbox and older keys accepted', async () => {
    const id = await cachedSession();
    for (const key of [undefined, 'wrong']) {
      const r = await c.call('GetAccountsSummary', { body: { RequestId: id }, headers: key ? { 'x-api-key': key } : {} });
      expect(r.status).toBe(401);
      expect(r.body).toMatchObject({ HttpStatusCode: 401, FlinksCode: 'UNAUTHORIZED' });
    }
    for (const key of [TOOLBOX.apiKey, TOOLBOX.legacyApiKey]) {
      const r = await c.call('GetAccountsSummary', { body: { RequestId: id }, headers: { 'x-api-key': key } });
      expect(r.status).toBe(200);
    }
  });

  it('requireApiKey:false lets keyless calls through', async () => {
    const other = await startSimulatorServer({ requireApiKey: false });
    try {
      const oc = caller(other);
      const r = await oc.authorize(await oc.token(), { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true });
      expect((await oc.call('GetAccountsSummary', { body: { RequestId: r.body.RequestId } })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('a session still waiting on MFA: 401 UNAUTHORIZED', async () => {
    const r = await c.authorize(await c.token(), c.live('Greatday'));
    expect(r.status).toBe(203);
    const d = await c.data('GetAccountsSummary', { RequestId: r.body.RequestId });
    expect(d.status).toBe(401);
    expect(d.body).toMatchObject({ FlinksCode: 'UNAUTHORIZED', RequestId: r.body.RequestId });
  });

  it('unknown or idle RequestId: 400 SESSION_NONEXISTENT (D3)', async () => {
    const id = await cachedSession();
    srv.sim.advanceClock(8 * 60_000 + 1);
    const r = await c.data('GetAccountsSummary', { RequestId: id });
    expect(r.status).toBe(400);
    expect(r.body.FlinksCode).toBe('SESSION_NONEXISTENT');
    expect((await c.data('GetStatements', { RequestId: 'nope' })).body.FlinksCode).toBe('SESSION_NONEXISTENT');
  });
});

describe('GetAccountsSummary (§8.1)', () => {
  it('answers 200 at once with two or more accounts and holder details', async () => {
    const r = await c.data('GetAccountsSummary', { RequestId: await cachedSession() });
    expect(r.status).toBe(200);
    const body = accountsSummarySchema.parse(r.body);
    expect(body.Accounts.length).toBeGreaterThanOrEqual(2);
    expect(body.Accounts[0]).toMatchObject({ Title: 'Chequing CAD', Category: 'Operations', Currency: 'CAD', AccountType: 'Personal' });
    expect(body.Accounts[0]?.Holder?.Address?.Country).toBe('CA');
    expect(body.Login?.Id).toBe(SAMPLE_LOGIN_ID);
  });
});

describe('GetAccountsDetail (D9, D11, §8.2)', () => {
  it('202 OPERATION_PENDING first, 202 for asyncPolls polls, then 200 (GET and POST)', async () => {
    for (const method of ['GET', 'POST']) {
      srv.sim.reset();
      const id = await cachedSession();
      const replies = await detailToCompletion(id, {}, method);
      expect(replies.map((r) => r.status)).toEqual([202, 202, 202, 200]);
      const first = pendingSchema.parse(replies[0]?.body);
      expect(first).toMatchObject({ FlinksCode: 'OPERATION_PENDING', Message: 'Your operation is still processing', RequestId: id });
      expect(first.Links?.[0]).toEqual({ rel: 'GetAccountsDetailAsync', href: '/GetAccountsDetailAsync', example: `/GetAccountsDetailAsync/${id}` });
      const done = accountsDetailSchema.parse(replies.at(-1)?.body);
      expect(done.Accounts.length).toBeGreaterThanOrEqual(2);
    }
  });

  it('asyncPolls is configurable (0 = the first poll completes)', async () => {
    const other = await startSimulatorServer({ asyncPolls: 0 });
    try {
      const oc = caller(other);
      const a = await oc.authorize(await oc.token(), { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true });
      expect((await oc.data('GetAccountsDetail', { RequestId: a.body.RequestId })).status).toBe(202);
      expect((await oc.data(`GetAccountsDetailAsync/${String(a.body.RequestId)}`, undefined, { method: 'GET' })).status).toBe(200);
    } finally {
      await other.close();
    }
  });

  it('90 days of transactions by default, 365 with Days365, running balances consistent', async () => {
    const id = await cachedSession();
    const d90 = accountsDetailSchema.parse((await detailToCompletion(id)).at(-1)?.body);
    const tx = d90.Accounts[0]?.Transactions ?? [];
    expect(tx.length).toBeGreaterThan(30);
    const oldest = new Date(tx.at(-1)?.Date ?? '').getTime();
    const days = (srv.sim.now() - oldest) / 86_400_000;
    expect(days).toBeLessThan(91);
    expect(days).toBeGreaterThan(80);
    expect(tx[0]?.Balance).toBe(d90.Accounts[0]?.Balance?.Current);
    const [t0, t1] = tx;
    expect(Math.round(((t1?.Balance ?? 0) + (t0?.Credit ?? 0) - (t0?.Debit ?? 0)) * 100) / 100).toBe(t0?.Balance);
    const d365 = accountsDetailSchema.parse((await detailToCompletion(id, { DaysOfTransactions: 'Days365' })).at(-1)?.body);
    const oldest365 = new Date(d365.Accounts[0]?.Transactions?.at(-1)?.Date ?? '').getTime();
    expect((srv.sim.now() - oldest365) / 86_400_000).toBeGreaterThan(300);
  });

  it('flags: WithAccountIdentity/WithKYC/WithTransactions/WithBalance false and AccountsFilter (string booleans too)', async () => {
    const id = await cachedSession();
    const full = accountsDetailSchema.parse((await detailToCompletion(id)).at(-1)?.body);
    const target = full.Accounts[1]?.Id ?? '';
    const flags = { withaccountidentity: 'false', WithKyc: false, WITHTRANSACTIONS: 'False', WithBalance: false, AccountsFilter: [target] };
    const lean = accountsDetailSchema.parse((await detailToCompletion(id, flags)).at(-1)?.body);
    expect(lean.Accounts).toHaveLength(1);
    expect(lean.Accounts[0]).toMatchObject({
      Id: target, AccountNumber: null, TransitNumber: null, InstitutionNumber: null, Holder: null, Transactions: [],
      Balance: { Available: null, Current: null, Limit: null },
    });
    expect(full.Accounts[0]).toMatchObject({ InstitutionNumber: '777', TransitNumber: expect.stringMatching(/^\d{5}$/) });
  });

  it('fixtures are deterministic for a seed', async () => {
    const a = (await detailToCompletion(await cachedSession())).at(-1)?.body.Accounts;
    srv.sim.reset();
    const b = (await detailToCompletion(await cachedSession())).at(-1)?.body.Accounts;
    expect(b).toEqual(a);
  });

  it('test_pending stays pending for 30 minutes, then completes', async () => {
    const { ok } = await c.loginWithToolboxQuestion('test_pending');
    const id = String(ok.body.RequestId);
    expect((await c.data('GetAccountsDetail', { RequestId: id })).body.FlinksCode).toBe('OPERATION_PENDING');
    for (let i = 0; i < 5; i++) {
      const poll = await c.data(`GetAccountsDetailAsync/${id}`, undefined, { method: 'GET' });
      expect(poll.status).toBe(202);
      expect(poll.body.FlinksCode).toBe('OPERATION_PENDING');
      srv.sim.advanceClock(6 * 60_000); // polled less often than the 8-minute idle limit
    }
    expect((await c.data(`GetAccountsDetailAsync/${id}`, undefined, { method: 'GET' })).status).toBe(200);
  });

  it('test_dispatched: 202 OPERATION_DISPATCHED, then completes', async () => {
    const { ok } = await c.loginWithToolboxQuestion('test_dispatched');
    const replies = await detailToCompletion(String(ok.body.RequestId));
    expect(replies[0]?.body.FlinksCode).toBe('OPERATION_DISPATCHED');
    expect(replies.at(-1)?.status).toBe(200);
  });

  it('a Save:false session answers data with Login: null', async () => {
    const tok = await c.token();
    const r = await c.authorize(tok, c.live('sim_choice', { Save: false }));
    const ok = await c.authorize(tok, { RequestId: r.body.RequestId, SecurityResponses: { [promptsOf(r)[0] ?? '']: ['Blue'] } });
    const s = await c.data('GetAccountsSummary', { RequestId: ok.body.RequestId });
    expect(s.body.Login).toBeNull();
  });
});
