import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/components/session/format';
import { csvCell } from '@/lib/audit/export-format';
import type { AccountView } from './data-views';
import { DEFAULT_SORT, filterTransactions, nextSort, NO_FILTER, sortTransactions, totalsOf, transactionRows, transactionsCsv, type TransactionRow } from './transaction-filters';

const account = (id: string, title: string, currency: string, txs: [date: string, description: string, debit: number | null, credit: number | null, balance: number][]): AccountView => ({
  id, title, type: 'Chequing', category: 'Operations', accountType: 'Personal', currency, current: 100, available: 100, limit: null, overdraftLimit: null,
  lastFour: id === 'a' ? '1234' : '9876', transitNumber: null, holder: null,
  transactions: txs.map(([date, description, debit, credit, balance], i) => ({ id: `${id}${i}`, date, description, code: null, debit, credit, balance })),
});

const ACCOUNTS = [
  account('a', 'Chequing CAD', 'CAD', [
    ['2026-11-02', 'M••• #214', 12.3, null, 980.5],
    ['2026-10-31', 'P••• deposit', null, 1500, 992.8],
    ['2026-10-31', 'T••• H•••', 4.25, null, -507.2],
    ['2026-10-05', '=HYPERLINK("x")', 1234.56, null, -502.95],
    ['2026-09-30', 'B••• C•••', 80, null, 731.61],
  ]),
  account('b', 'Savings USD', 'USD', [
    ['2026-10-15', 'I••• e-Transfer', null, 200, 5200],
    ['2026-08-01', 'U••• Trip', 30, null, 5000],
  ]),
];
const rows = transactionRows(ACCOUNTS);
const only = (r: TransactionRow[]) => r.map((x) => x.id);

describe('transaction rows', () => {
  it('merges accounts newest first, keeping Flinks order within a day, with the signed amount', () => {
    expect(only(rows)).toEqual(['a0', 'a1', 'a2', 'b0', 'a3', 'a4', 'b1']);
    expect(rows[0]).toMatchObject({ account: 'Chequing CAD ••••1234', amount: -12.3, currency: 'CAD' });
    expect(rows[1]!.amount).toBe(1500);
  });
});

describe('filters apply across every row (not one page)', () => {
  const f = (over: Partial<typeof NO_FILTER>) => only(filterTransactions(rows, { ...NO_FILTER, ...over }, formatMoney));

  it('From and To are inclusive days', () => {
    expect(f({ from: '2026-10-01', to: '2026-10-31' })).toEqual(['a1', 'a2', 'b0', 'a3']);
    expect(f({ from: '2026-10-31' })).toEqual(['a0', 'a1', 'a2']);
    expect(f({ to: '2026-09-30' })).toEqual(['a4', 'b1']);
  });

  it('Account narrows to one account', () => {
    expect(f({ accountId: 'b' })).toEqual(['b0', 'b1']);
  });

  it('Min and Max amount compare the size of a debit or credit, inclusive; junk is ignored', () => {
    expect(f({ minAmount: '100' })).toEqual(['a1', 'b0', 'a3']);
    expect(f({ minAmount: '12.30', maxAmount: '200' })).toEqual(['a0', 'b0', 'a4', 'b1']);
    expect(f({ maxAmount: '$1,234.56', minAmount: '1,234.56' })).toEqual(['a3']);
    expect(f({ minAmount: 'abc' })).toHaveLength(rows.length);
  });

  it('text finds month names (English and French), dates in words and amounts as displayed', () => {
    expect(f({ text: 'October' })).toEqual(['a1', 'a2', 'b0', 'a3']);
    expect(f({ text: 'octobre 2026' })).toEqual(['a1', 'a2', 'b0', 'a3']);
    expect(f({ text: 'October 31, 2026' })).toEqual(['a1', 'a2']);
    expect(f({ text: '31 octobre' })).toEqual(['a1', 'a2']);
    expect(f({ text: '$1,234.56' })).toEqual(['a3']);
    expect(f({ text: '12.30' })).toEqual(['a0']);
    expect(f({ text: 'US$200.00' })).toEqual(['b0']);
    expect(f({ text: 'savings trip' })).toEqual(['b1']);
    expect(f({ text: 'no such thing' })).toEqual([]);
  });

  it('filters combine', () => {
    expect(f({ from: '2026-10-01', to: '2026-10-31', accountId: 'a', minAmount: '4.25', maxAmount: '1500', text: 'oct' })).toEqual(['a1', 'a2', 'a3']);
  });
});

describe('sort', () => {
  it('date descending by default; ascending reverses fully (same-day order too)', () => {
    expect(only(sortTransactions(rows, DEFAULT_SORT))).toEqual(only(rows));
    expect(only(sortTransactions(rows, { key: 'date', direction: 'ascending' }))).toEqual(only(rows).reverse());
  });

  it('amount columns: empty cells last both ways; text columns alphabetical', () => {
    expect(only(sortTransactions(rows, { key: 'debit', direction: 'descending' }))).toEqual(['a3', 'a4', 'b1', 'a0', 'a2', 'a1', 'b0']);
    expect(only(sortTransactions(rows, { key: 'debit', direction: 'ascending' }))).toEqual(['a2', 'a0', 'b1', 'a4', 'a3', 'a1', 'b0']);
    expect(only(sortTransactions(rows, { key: 'amount', direction: 'ascending' }))[0]).toBe('a3');
    expect(only(sortTransactions(rows, { key: 'account', direction: 'descending' })).slice(0, 2)).toEqual(['b0', 'b1']);
  });

  it('a new column starts largest-first for dates and amounts, A→Z for text; the same column flips', () => {
    expect(nextSort(DEFAULT_SORT, 'date')).toEqual({ key: 'date', direction: 'ascending' });
    expect(nextSort(DEFAULT_SORT, 'balance')).toEqual({ key: 'balance', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'description')).toEqual({ key: 'description', direction: 'ascending' });
  });
});

describe('totals of the filtered rows', () => {
  it('count, debits, credits and net, one line per currency', () => {
    const october = filterTransactions(rows, { ...NO_FILTER, from: '2026-10-01', to: '2026-10-31' }, formatMoney);
    expect(totalsOf(october)).toEqual([
      { currency: 'CAD', count: 3, debits: 1238.81, credits: 1500, net: 261.19 },
      { currency: 'USD', count: 1, debits: 0, credits: 200, net: 200 },
    ]);
    expect(totalsOf([])).toEqual([]);
  });
});

describe('CSV export', () => {
  const csv = transactionsCsv(filterTransactions(rows, { ...NO_FILTER, accountId: 'a', to: '2026-10-31' }, formatMoney));
  const lines = csv.replace(/^\uFEFF/, '').split('\r\n');

  it('a header, the filtered rows in order, CRLF, plain amounts (negative balances stay numbers)', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines[0]).toBe('Date,Account,Description,Code,Debit,Credit,Balance,Currency');
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(lines.at(-1)).toBe('');
    expect(lines[1]).toBe('2026-10-31,Chequing CAD ••••1234,P••• deposit,,,1500.00,992.80,CAD');
    expect(lines[2]).toBe('2026-10-31,Chequing CAD ••••1234,T••• H•••,,4.25,,-507.20,CAD');
  });

  it('neutralises formula starts in text cells and quotes what RFC 4180 says to', () => {
    expect(lines[3]).toBe(`2026-10-05,Chequing CAD ••••1234,${csvCell('=HYPERLINK("x")')},,1234.56,,-502.95,CAD`);
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
  });
});
