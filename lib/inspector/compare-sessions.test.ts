import { describe, expect, it } from 'vitest';
import type { Inspection, Step } from '@/lib/store/types';
import { compareSessions, snapshotOf } from './compare-sessions';

const now = new Date('2026-01-01T12:00:00Z');

const inspection = (over: Partial<Inspection> = {}): Inspection => ({
  id: '00000000-0000-4000-8000-00000000000a',
  createdAt: new Date('2026-01-01T11:59:00Z'),
  updatedAt: new Date('2026-01-01T11:59:00Z'),
  lastActivityAt: new Date('2026-01-01T11:59:00Z'),
  mode: 'cached',
  environment: 'simulator',
  institution: 'FlinksCapital',
  username: null,
  loginId: 'login-1',
  requestId: 'req-1',
  tag: null,
  language: 'en',
  status: 'authorized',
  statusReason: null,
  flinksCode: null,
  parentId: null,
  openedById: null,
  openedByEmail: null,
  ...over,
});

let seq = 0;
const step = (endpoint: string, response: unknown, over: Partial<Step> = {}): Step => ({
  id: `s${++seq}`,
  inspectionId: 'x',
  seq,
  endpoint,
  method: 'POST',
  url: 'http://x',
  startedAt: now,
  durationMs: 1,
  httpStatus: 200,
  flinksCode: null,
  outcome: 'ok',
  request: null,
  response,
  sealedResponse: null,
  error: null,
  ...over,
});

const authorize = (requestId: string) =>
  step('Authorize', { HttpStatusCode: 200, RequestId: requestId, Institution: 'FlinksCapital', InstitutionName: 'Flinks Capital', InstitutionId: 14, Login: { Id: 'login-1', Type: 'Personal', LastRefresh: '2026-01-01', IsScheduledRefresh: false } });

const tx = (id: string, amount: number) => ({ Id: id, Date: '2025/12/01', Description: 'C••• S•••', Debit: amount, Credit: null, Balance: null, Code: null });
const account = (id: string, current: number, transactions: ReturnType<typeof tx>[]) => ({ Id: id, Title: `Chequing ${id}`, Currency: 'CAD', Balance: { Current: current, Available: current - 10 }, Transactions: transactions });
const detail = (requestId: string, accounts: unknown[]) => step('GetAccountsDetail', { HttpStatusCode: 200, RequestId: requestId, Accounts: accounts });

describe('compareSessions', () => {
  it('lines up fields, accounts by id with balance differences and transactions in one only, and steps', () => {
    const a = snapshotOf(inspection(), [authorize('req-1'), detail('req-1', [account('acc-1', 100, [tx('t1', 5), tx('t2', 6)]), account('acc-2', 50, [])])], now);
    const b = snapshotOf(
      inspection({ id: '00000000-0000-4000-8000-00000000000b', requestId: 'req-2', tag: 'ticket-9' }),
      [authorize('req-2'), detail('req-2', [account('acc-1', 80.5, [tx('t2', 6), tx('t3', 7)]), account('acc-3', 1, [])])],
      now,
    );
    const c = compareSessions(a, b);

    expect(c.fields.find((f) => f.label === 'Request ID')).toMatchObject({ a: 'req-1', b: 'req-2', differs: false });
    expect(c.fields.find((f) => f.label === 'Tag')).toMatchObject({ a: null, b: 'ticket-9', differs: true });
    expect(c.fields.find((f) => f.label === 'Institution name')).toMatchObject({ a: 'Flinks Capital', b: 'Flinks Capital', differs: false });

    const acc1 = c.accounts.find((r) => r.id === 'acc-1')!;
    expect(acc1.currentDiff).toBe(-19.5);
    expect(acc1.availableDiff).toBe(-19.5);
    expect(acc1.a?.transactionCount).toBe(2);
    expect(acc1.onlyInA.map((t) => t.id)).toEqual(['t1']);
    expect(acc1.onlyInB.map((t) => t.id)).toEqual(['t3']);
    expect(acc1.differs).toBe(true);
    expect(c.accounts.find((r) => r.id === 'acc-2')).toMatchObject({ b: null, differs: true });
    expect(c.accounts.find((r) => r.id === 'acc-3')).toMatchObject({ a: null, differs: true });

    expect(c.steps).toHaveLength(2);
    expect(c.steps.every((s) => !s.differs)).toBe(true);
    expect(c.differences).toBe(1 + 3);
  });

  it('shows a session that did not follow the Links as having no accounts, and the extra steps', () => {
    const a = snapshotOf(inspection(), [authorize('req-1'), detail('req-1', [account('acc-1', 100, [tx('t1', 5)])])], now);
    const b = snapshotOf(inspection({ id: '00000000-0000-4000-8000-00000000000b' }), [authorize('req-2')], now);
    const c = compareSessions(a, b);
    expect(c.a.accountsSource).toBe('GetAccountsDetail');
    expect(c.b.accountsSource).toBeNull();
    expect(c.accountsCompared).toBe(true);
    expect(c.accounts).toEqual([expect.objectContaining({ id: 'acc-1', b: null, onlyInA: [], differs: true })]);
    expect(c.steps[1]).toMatchObject({ a: { endpoint: 'GetAccountsDetail' }, b: null, differs: true });
  });

  it('marks steps that differ in outcome or FlinksCode, and an idle authorized session as expired', () => {
    const a = snapshotOf(inspection({ lastActivityAt: new Date('2026-01-01T11:00:00Z') }), [authorize('req-1')], now);
    const b = snapshotOf(
      inspection({ id: '00000000-0000-4000-8000-00000000000b', status: 'failed', flinksCode: 'INVALID_LOGIN' }),
      [step('Authorize', { HttpStatusCode: 401, FlinksCode: 'INVALID_LOGIN' }, { outcome: 'flinks_error', flinksCode: 'INVALID_LOGIN', httpStatus: 401 })],
      now,
    );
    const c = compareSessions(a, b);
    expect(c.fields.find((f) => f.label === 'Status')).toMatchObject({ a: 'expired', b: 'failed', differs: true });
    expect(c.steps[0]).toMatchObject({ differs: true, b: { flinksCode: 'INVALID_LOGIN', outcome: 'flinks_error' } });
    expect(c.accountsCompared).toBe(false);
    expect(c.fields.find((f) => f.label === 'Login type')).toMatchObject({ a: 'Personal', b: null, differs: true });
  });

  it('treats two identical sessions as having no differences', () => {
    const steps = [authorize('req-1'), detail('req-1', [account('acc-1', 100, [tx('t1', 5)])])];
    const a = snapshotOf(inspection(), steps, now);
    const b = snapshotOf(inspection({ id: '00000000-0000-4000-8000-00000000000b', requestId: 'req-2' }), steps, now);
    expect(compareSessions(a, b).differences).toBe(0);
  });
});
