import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { accountsDetailSchema, accountsSummarySchema, statementsSchema } from '@/lib/flinks/schemas';
import { caller } from '../testing/client';
import { startSimulatorServer } from '../testing/serve';

const srv = await startSimulatorServer({ seed: 'statement-tests' });
const c = caller(srv);
afterAll(() => srv.close());
beforeEach(() => srv.sim.reset());

const cachedSession = c.cachedSession;

describe('GetStatements (§8.4)', () => {
  it('MostRecent / Months3 / Months12 give 1 / 3 / 12 real PDFs per account', async () => {
    const id = await cachedSession();
    for (const [range, n] of [['MostRecent', 1], ['Months3', 3], ['Months12', 12]] as const) {
      const r = await c.data('GetStatements', { RequestId: id, NumberOfStatements: range });
      expect(r.status).toBe(200);
      const body = statementsSchema.parse(r.body);
      expect(body.StatementsByAccount.length).toBeGreaterThanOrEqual(2);
      for (const acc of body.StatementsByAccount) expect(acc.Statements).toHaveLength(n);
    }
    const one = statementsSchema.parse((await c.data('GetStatements', { RequestId: id })).body).StatementsByAccount[0]?.Statements[0];
    expect(one?.FileType).toBe('PDF');
    const pdf = Buffer.from(one?.Base64Bytes ?? '', 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF-1.')).toBe(true);
    expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  it('AccountsFilter narrows statements; the async twin answers GET and POST', async () => {
    const id = await cachedSession();
    const summary = accountsSummarySchema.parse((await c.data('GetAccountsSummary', { RequestId: id })).body);
    const only = summary.Accounts[0]?.Id ?? '';
    const r = statementsSchema.parse((await c.data('GetStatements', { RequestId: id, AccountsFilter: [only] })).body);
    expect(r.StatementsByAccount.map((s) => s.AccountNumber)).toEqual([summary.Accounts[0]?.AccountNumber]);
    for (const method of ['GET', 'POST']) {
      const a = await c.data(`GetStatementsAsync/${id}`, undefined, { method });
      expect(a.status).toBe(200);
      expect(statementsSchema.parse(a.body).StatementsByAccount).toHaveLength(1);
      expect((await c.data(`GetAccountsSummaryAsync/${id}`, undefined, { method })).status).toBe(200);
    }
  });

  it('each statement names its account and period, and agrees with the transactions (closing = running balance at the period end)', async () => {
    const id = await cachedSession();
    let detail = await c.data('GetAccountsDetail', { RequestId: id, DaysOfTransactions: 'Days365' });
    for (let i = 0; detail.status === 202 && i < 10; i++) detail = await c.data(`GetAccountsDetailAsync/${id}`, undefined, { method: 'GET' });
    const accounts = accountsDetailSchema.parse(detail.body).Accounts;
    const statements = statementsSchema.parse((await c.data('GetStatements', { RequestId: id, NumberOfStatements: 'Months12' })).body).StatementsByAccount;
    expect(statements.map((s) => s.AccountNumber)).toEqual(accounts.map((a) => a.AccountNumber));
    const today = new Date(srv.sim.now()).toISOString().slice(0, 10);
    let compared = 0;
    for (const [i, group] of statements.entries()) {
      const account = accounts[i]!;
      const txs = account.Transactions ?? [];
      const oldest = txs.at(-1)?.Date ?? today;
      let previousStart: string | null = null;
      for (const s of group.Statements) {
        const { StartDate: start, EndDate: end } = s as unknown as { StartDate: string; EndDate: string };
        // A closed calendar month, most recent first, each the month before the previous one.
        expect(start).toMatch(/^\d{4}-\d{2}-01$/);
        expect(end.slice(0, 7)).toBe(start.slice(0, 7));
        expect(new Date(`${end}T00:00:00Z`).getUTCDate()).toBe(new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0)).getUTCDate());
        expect(end < today).toBe(true);
        if (previousStart) expect(end < previousStart).toBe(true);
        previousStart = start;
        const text = Buffer.from(s.Base64Bytes, 'base64').toString('latin1');
        expect(text).toContain(`Account: ${account.Title} ${account.AccountNumber}`);
        expect(text).toContain(`Period: ${start} to ${end}`);
        const figure = (label: string) => Number(new RegExp(`\\(${label}: (-?[0-9.]+)\\)`).exec(text)?.[1]);
        // Within the 365 days of transactions: the running balance after the period's last entry.
        if (start <= oldest) continue;
        const inPeriod = txs.filter((t) => t.Date >= start && t.Date <= end);
        const lastAtEnd = txs.find((t) => t.Date <= end);
        const firstBefore = txs.find((t) => t.Date < start);
        expect(lastAtEnd).toBeDefined();
        expect(figure('Closing balance').toFixed(2)).toBe(lastAtEnd!.Balance!.toFixed(2));
        if (firstBefore) expect(figure('Opening balance').toFixed(2)).toBe(firstBefore.Balance!.toFixed(2));
        const sum = (f: (t: (typeof txs)[number]) => number) => Math.round(inPeriod.reduce((n, t) => n + f(t), 0) * 100) / 100;
        expect(figure('Deposits').toFixed(2)).toBe(sum((t) => t.Credit ?? 0).toFixed(2));
        expect(figure('Withdrawals').toFixed(2)).toBe(sum((t) => t.Debit ?? 0).toFixed(2));
        compared++;
      }
    }
    // Three accounts, about eleven closed months each inside 365 days.
    expect(compared).toBeGreaterThanOrEqual(30);
  });
});
