import { csvCell } from '@/lib/audit/export-format';
import type { AccountView, TransactionView } from './data-views';

/**
 * The transactions table's filters, sort, totals and CSV export, on the rows already fetched (the
 * browser has them all; paging only cuts what is drawn). Pure and zod-free: the table imports it.
 * Rows are as on screen: descriptions masked by data-views.ts, amounts and dates in clear.
 */

export type TransactionRow = TransactionView & {
  accountId: string;
  /** "Chequing CAD ••••1234", as the Account column shows it. */
  account: string;
  currency: string | null;
  /** Credit − debit: what the Amount column shows on phones and what the amount filters compare. */
  amount: number;
  /** Position in Flinks' order (newest first), the tie-break of every sort. */
  order: number;
};

export type TransactionFilter = {
  /** YYYY-MM-DD, inclusive; '' for no bound. */
  from: string;
  to: string;
  /** An account id; '' for every account. */
  accountId: string;
  /** On the size of the amount (debit or credit), inclusive; '' for no bound. */
  minAmount: string;
  maxAmount: string;
  /** Words starting a word of the description, account, code, date (also as "October 5, 2026") or an amount as displayed. */
  text: string;
};

export const NO_FILTER: TransactionFilter = { from: '', to: '', accountId: '', minAmount: '', maxAmount: '', text: '' };

export type SortKey = 'date' | 'account' | 'description' | 'debit' | 'credit' | 'amount' | 'balance';
export type SortDirection = 'ascending' | 'descending';
export type TransactionSort = { key: SortKey; direction: SortDirection };
export const DEFAULT_SORT: TransactionSort = { key: 'date', direction: 'descending' };

export type Money = (n: number, currency: string | null) => string;

const round2 = (n: number) => Math.round(n * 100) / 100;

export function accountLabel(a: Pick<AccountView, 'title' | 'lastFour'>): string {
  const four = a.lastFour ? `••••${a.lastFour}` : null;
  return [a.title, four].filter(Boolean).join(' ') || 'Account';
}

/** Every account's transactions in one list, newest first (Flinks' order kept within a day). */
export function transactionRows(accounts: readonly AccountView[]): TransactionRow[] {
  const rows = accounts.flatMap((a) =>
    a.transactions.map((t) => ({ ...t, accountId: a.id, account: accountLabel(a), currency: a.currency, amount: round2((t.credit ?? 0) - (t.debit ?? 0)), order: 0 })),
  );
  // Array.prototype.sort is stable: same-day entries keep the order Flinks gave them.
  rows.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0));
  return rows.map((r, i) => ({ ...r, order: i }));
}

const MONTHS = ['en-CA', 'fr-CA'].map((locale) => new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }));

/** What a date can be searched as: 2026-10-05, "October 5, 2026", "5 octobre 2026", "Oct". */
function dateWords(date: string): string[] {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return [date];
  const day = d.getUTCDate();
  const year = d.getUTCFullYear();
  return [date, ...MONTHS.flatMap((f) => {
    const month = f.format(d);
    return [`${month} ${day}, ${year}`, `${day} ${month} ${year}`];
  })];
}

/** What an amount can be searched as: 1234.5, 1234.50, $1,234.50, 1,234.50. */
function amountWords(n: number | null, currency: string | null, money: Money): string[] {
  if (n === null) return [];
  const shown = money(n, currency);
  return [String(n), n.toFixed(2), shown, shown.replace(/[^0-9.,-]/g, '')];
}

function parseAmount(s: string): number | null {
  const cleaned = s.replace(/[\s$,]/g, '');
  if (cleaned === '') return null;
  const n = Number(cleaned);
  return Number.isFinite(n) ? Math.abs(n) : null;
}

function startsAWord(haystack: string, word: string): boolean {
  for (let i = haystack.indexOf(word); i !== -1; i = haystack.indexOf(word, i + 1)) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(haystack[i - 1]!)) return true;
  }
  return false;
}

export function filterTransactions(rows: readonly TransactionRow[], f: TransactionFilter, money: Money): TransactionRow[] {
  const min = parseAmount(f.minAmount);
  const max = parseAmount(f.maxAmount);
  const words = f.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    const day = r.date.slice(0, 10);
    if (f.from && day < f.from) return false;
    if (f.to && day > f.to) return false;
    if (f.accountId && r.accountId !== f.accountId) return false;
    const size = Math.abs(r.amount);
    if (min !== null && size < min) return false;
    if (max !== null && size > max) return false;
    if (words.length === 0) return true;
    const haystack = [
      r.description, r.account, r.code ?? '', ...dateWords(r.date),
      ...amountWords(r.debit, r.currency, money), ...amountWords(r.credit, r.currency, money), ...amountWords(r.balance, r.currency, money),
    ].join(' \u0000 ').toLowerCase();
    // Every word, at the start of a word: "October 2026" finds October's rows, "Metro 12.30" one
    // purchase, and "October 5," is not found inside "October 15,".
    return words.every((w) => startsAWord(haystack, w));
  });
}

const VALUE: Record<SortKey, (r: TransactionRow) => string | number | null> = {
  date: (r) => r.date,
  account: (r) => r.account.toLowerCase(),
  description: (r) => r.description.toLowerCase(),
  debit: (r) => r.debit,
  credit: (r) => r.credit,
  amount: (r) => r.amount,
  balance: (r) => r.balance,
};

/** Sorted by one column; empty cells last either way; ties in Flinks' order (reversed for dates ascending). */
export function sortTransactions(rows: readonly TransactionRow[], sort: TransactionSort): TransactionRow[] {
  const value = VALUE[sort.key];
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const tieSign = sort.key === 'date' ? -sign : 1;
  return [...rows].sort((x, y) => {
    const a = value(x);
    const b = value(y);
    if (a === null || b === null) {
      if (a !== b) return a === null ? 1 : -1;
    } else if (a !== b) return (a < b ? -1 : 1) * sign;
    return (x.order - y.order) * tieSign;
  });
}

/** Clicking a column: a new column starts with what is useful (dates and amounts largest first), the same one flips. */
export function nextSort(current: TransactionSort, key: SortKey): TransactionSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'account' || key === 'description' ? 'ascending' : 'descending' };
}

export type Totals = { currency: string | null; count: number; debits: number; credits: number; net: number };

/** Totals of the given rows, one per currency: adding CAD to USD would answer nothing. */
export function totalsOf(rows: readonly TransactionRow[]): Totals[] {
  const by = new Map<string, Totals>();
  for (const r of rows) {
    const key = r.currency ?? '';
    const t = by.get(key) ?? { currency: r.currency, count: 0, debits: 0, credits: 0, net: 0 };
    t.count += 1;
    t.debits += r.debit ?? 0;
    t.credits += r.credit ?? 0;
    by.set(key, t);
  }
  return [...by.values()].map((t) => ({ ...t, debits: round2(t.debits), credits: round2(t.credits), net: round2(t.credits - t.debits) }));
}

export const CSV_COLUMNS = ['Date', 'Account', 'Description', 'Code', 'Debit', 'Credit', 'Balance', 'Currency'] as const;

const num = (n: number | null) => (n === null ? '' : n.toFixed(2));

/**
 * The rows as CSV (RFC 4180, CRLF), in the order given. Text cells go through the audit export's
 * csvCell, which neutralises formula starts (= + - @): descriptions come from banks and merchants.
 * Amounts are written by us from numbers, plain (-12.30 must stay a number a spreadsheet can add).
 * A byte-order mark first, so spreadsheets read the masking dots (•) as UTF-8.
 */
export function transactionsCsv(rows: readonly TransactionRow[]): string {
  const line = (cells: string[]) => `${cells.join(',')}\r\n`;
  return (
    '\uFEFF' +
    line(CSV_COLUMNS.map((c) => csvCell(c))) +
    rows.map((r) => line([csvCell(r.date), csvCell(r.account), csvCell(r.description), csvCell(r.code), num(r.debit), num(r.credit), num(r.balance), csvCell(r.currency)])).join('')
  );
}
