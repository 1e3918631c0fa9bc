import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { accountsSummarySchema, statementsSchema } from '@/lib/flinks/schemas';
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
});
