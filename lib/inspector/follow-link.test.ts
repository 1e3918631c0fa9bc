import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '@/lib/crypto/testing';
import { createFlinksClient } from '@/lib/flinks/client';
import { HOLDERS } from '@/lib/simulator/fixtures/holders';
import { createStore } from '@/lib/store/create-store';
import type { InspectionStore } from '@/lib/store/types';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { followLink } from './follow-link';
import { withFollowDefaults } from './follow-options';
import { pollAccountsDetail } from './poll-accounts-detail';
import { reopenSession } from './reopen-session';
import { startInspection } from './start-inspection';
import type { InspectorDeps } from './deps';

const GREATDAY = '5e115eac-1209-4f19-641c-08d6d484e2fe';

let srv: SimulatorServer;
let store: InspectionStore;
let inspector: InspectorDeps;

beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'follow-link', asyncPolls: 2 });
  const client = createFlinksClient({ baseUrl: srv.baseUrl, ...srv.credentials, timeoutMs: 5000 });
  store = await createStore({ kind: 'memory' });
  inspector = { client, store, environment: 'simulator', now: () => new Date(), keyring: testKeyring() };
});
afterAll(async () => {
  await srv.close();
});

async function openCached(tag?: string) {
  const r = await startInspection({ mode: 'cached', loginId: GREATDAY, tag }, inspector);
  if (r.kind !== 'authorized') throw new Error(`cached Authorize failed: ${JSON.stringify(r)}`);
  return r.inspectionId;
}

describe('followLink', () => {
  it('summary: accounts with last four digits, one recorded step, activity clock moved', async () => {
    const id = await openCached();
    const before = (await store.getInspection(id))!.lastActivityAt!;
    await new Promise((r) => setTimeout(r, 5));
    const r = await followLink(inspector, id, 'summary');
    expect(r.kind).toBe('accounts');
    if (r.kind !== 'accounts') return;
    expect(r.accounts.length).toBeGreaterThan(0);
    expect(r.accounts[0]!.lastFour).toMatch(/^\w{4}$/);
    const steps = await store.listSteps(id);
    expect(steps.map((s) => s.endpoint)).toEqual(['GenerateAuthorizeToken', 'Authorize', 'GetAccountsSummary']);
    expect((await store.getInspection(id))!.lastActivityAt!.getTime()).toBeGreaterThan(before.getTime());
  });

  it('answers with masked holder data and descriptions; balances and dates stay', async () => {
    const id = await openCached();
    await followLink(inspector, id, 'detail');
    await pollAccountsDetail(inspector, id);
    await pollAccountsDetail(inspector, id);
    const done = await pollAccountsDetail(inspector, id);
    if (done.kind !== 'accounts') throw new Error(done.kind);
    const text = JSON.stringify(done);
    for (const h of HOLDERS) for (const v of [h.Name!, h.Email!, h.PhoneNumber!]) expect(text).not.toContain(v);
    const a = done.accounts.find((x) => x.transactions.length > 0)!;
    expect(a.holder?.name).toMatch(/^\p{L}••• \p{L}•••/u);
    expect(a.transitNumber).toMatch(/^••••\d{4}$/);
    expect(a.transactions[0]!.description).toMatch(/•••/);
    expect(a.transactions[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(typeof a.current).toBe('number');
  });

  it('quotes a body of an unexpected shape masked', async () => {
    const id = await openCached();
    const holderBody = { HttpStatusCode: 200, Accounts: [{ Holder: { Name: 'John Doe' }, AccountNumber: '1234567' }] };
    const client = {
      ...inspector.client,
      getAccountsSummary: async () => ({
        kind: 'transport_error' as const,
        reason: 'unexpected_shape' as const,
        message: 'does not match',
        status: 200,
        bodySnippet: JSON.stringify(holderBody),
        exchange: { endpoint: 'GetAccountsSummary', method: 'POST' as const, url: 'http://x', startedAt: new Date(), durationMs: 1, httpStatus: 200, request: { headers: {}, body: null }, response: holderBody, error: 'does not match' },
      }),
    };
    const r = await followLink({ ...inspector, client }, id, 'summary');
    expect(r.kind === 'error' && r.error.kind === 'transport' && r.error.raw).toContain('J••• D•••');
    expect(JSON.stringify(r)).not.toMatch(/John|1234567/);
    expect(JSON.stringify(await store.listSteps(id))).not.toMatch(/John|1234567/);
  });

  it('detail: 202, then polls through 202 to 200 with transactions and holder', async () => {
    const id = await openCached();
    expect(await followLink(inspector, id, 'detail')).toMatchObject({ kind: 'pending', flinksCode: 'OPERATION_PENDING' });
    expect((await pollAccountsDetail(inspector, id)).kind).toBe('pending');
    expect((await pollAccountsDetail(inspector, id)).kind).toBe('pending');
    const done = await pollAccountsDetail(inspector, id);
    expect(done.kind).toBe('accounts');
    if (done.kind !== 'accounts') return;
    expect(done.accounts.some((a) => a.transactions.length > 0)).toBe(true);
    expect(done.accounts.some((a) => a.holder?.name)).toBe(true);
    const steps = await store.listSteps(id);
    expect(steps.slice(2).map((s) => `${s.endpoint} ${s.httpStatus} ${s.flinksCode ?? ''}`.trim())).toEqual([
      'GetAccountsDetail 202 OPERATION_PENDING',
      'GetAccountsDetailAsync 202 OPERATION_PENDING',
      'GetAccountsDetailAsync 202 OPERATION_PENDING',
      'GetAccountsDetailAsync 200',
    ]);
  });

  it('statements: PDFs to the caller, a byte count in the store', async () => {
    const id = await openCached();
    const r = await followLink(inspector, id, 'statements');
    expect(r.kind).toBe('statements');
    if (r.kind !== 'statements') return;
    expect(r.statements.length).toBeGreaterThan(0);
    expect(Buffer.from(r.statements[0]!.base64, 'base64').subarray(0, 4).toString()).toBe('%PDF');
    const stored = JSON.stringify((await store.listSteps(id)).at(-1)!.response);
    expect(stored).toMatch(/bytes of PDF not stored/);
    expect(stored).not.toContain(r.statements[0]!.base64.slice(0, 40));
  });

  it('options chosen before fetching shape the bodies: Days365 and one account; statements of that account with their period', async () => {
    const id = await openCached();
    const summary = await followLink(inspector, id, 'summary');
    if (summary.kind !== 'accounts') throw new Error(summary.kind);
    const one = summary.accounts[0]!;
    const options = withFollowDefaults({ daysOfTransactions: 'Days365', accountsFilter: [one.id], withKYC: false });
    expect((await followLink(inspector, id, 'detail', options)).kind).toBe('pending');
    let done = await pollAccountsDetail(inspector, id);
    while (done.kind === 'pending') done = await pollAccountsDetail(inspector, id);
    if (done.kind !== 'accounts') throw new Error(done.kind);
    expect(done.accounts.map((a) => a.id)).toEqual([one.id]);
    expect(done.accounts[0]!.holder).toBeNull();
    const oldest = done.accounts[0]!.transactions.at(-1)!.date;
    expect((Date.now() - Date.parse(oldest)) / 86_400_000).toBeGreaterThan(300);
    const sent = (await store.listSteps(id)).find((s) => s.endpoint === 'GetAccountsDetail')!.request as { body: Record<string, unknown> };
    expect(sent.body).toMatchObject({ DaysOfTransactions: 'Days365', AccountsFilter: [one.id], WithKYC: false, WithTransactions: true, WithBalance: true, WithAccountIdentity: true });

    const st = await followLink(inspector, id, 'statements', withFollowDefaults({ accountsFilter: [one.id], numberOfStatements: 'Months3' }));
    if (st.kind !== 'statements') throw new Error(st.kind);
    expect(st.statements).toHaveLength(3);
    for (const s of st.statements) {
      expect(s.accountLastFour).toBe(one.lastFour);
      expect(s.periodStart).toMatch(/^\d{4}-\d{2}-01$/);
      expect(s.periodEnd?.slice(0, 7)).toBe(s.periodStart?.slice(0, 7));
    }
  });

  it('no options: the body the dashboard always sent (Days90, every flag, no AccountsFilter, the most recent statement)', async () => {
    const id = await openCached();
    await followLink(inspector, id, 'detail');
    await followLink(inspector, id, 'statements');
    const steps = await store.listSteps(id);
    const body = (endpoint: string) => (steps.find((s) => s.endpoint === endpoint)!.request as { body: Record<string, unknown> }).body;
    expect(body('GetAccountsDetail')).toEqual({ RequestId: expect.any(String), WithAccountIdentity: true, WithKYC: true, WithTransactions: true, WithBalance: true, DaysOfTransactions: 'Days90' });
    expect(body('GetStatements')).toEqual({ RequestId: expect.any(String), NumberOfStatements: 'MostRecent' });
  });

  it('an idle RequestId answers SESSION_NONEXISTENT → expired; reopen links a new authorized session', async () => {
    const id = await openCached('ticket-7');
    srv.sim.advanceClock(9 * 60_000);
    const r = await followLink(inspector, id, 'summary');
    expect(r).toMatchObject({ kind: 'expired', error: { flinksCode: 'SESSION_NONEXISTENT' } });
    expect((await store.getInspection(id))!.flinksCode).toBe('SESSION_NONEXISTENT');

    const reopened = await reopenSession(inspector, id);
    expect(reopened).toMatchObject({ kind: 'reopened', authorized: true });
    if (reopened.kind !== 'reopened') return;
    const child = (await store.getInspection(reopened.inspectionId))!;
    expect(child).toMatchObject({ parentId: id, loginId: GREATDAY, mode: 'cached', tag: 'ticket-7', status: 'authorized' });
    expect((await followLink(inspector, child.id, 'summary')).kind).toBe('accounts');
  });

  it('refuses sessions without a RequestId', async () => {
    const failed = await store.createInspection({ mode: 'live', environment: 'simulator' });
    expect(await followLink(inspector, failed.id, 'summary')).toMatchObject({ kind: 'error', error: { kind: 'app' } });
    expect(await reopenSession(inspector, failed.id)).toMatchObject({ kind: 'error' });
  });
});
