'use client';

import { useId, useMemo, useState } from 'react';
import type { AccountView } from '@/lib/inspector/data-views';
import {
  accountLabel,
  DEFAULT_SORT,
  filterTransactions,
  nextSort,
  NO_FILTER,
  sortTransactions,
  totalsOf,
  transactionRows,
  transactionsCsv,
  type SortKey,
  type TransactionFilter,
  type TransactionRow,
  type TransactionSort,
} from '@/lib/inspector/transaction-filters';
import { formatMoney } from './format';
import { DataTable, type Column } from '@/components/ui/data-table';

export const TRANSACTIONS_PAGE_SIZE = 15;

/*
 * The amount columns stay in view on narrow screens: the table scrolls sideways under them (sticky
 * right, fixed widths so each knows its offset). Phones get one signed Amount column instead of
 * Debit and Credit, so the description keeps some room; from `sm` up Debit, Credit and Balance stick.
 */
const STICKY = {
  debit: 'hidden sm:table-cell sm:sticky sm:right-56 sm:w-28 sm:min-w-28 sm:border-l sm:border-slate-200',
  credit: 'hidden sm:table-cell sm:sticky sm:right-28 sm:w-28 sm:min-w-28',
  amount: 'sticky right-24 w-24 min-w-24 border-l border-slate-200 sm:hidden',
  balance: 'sticky right-0 w-24 min-w-24 sm:w-28 sm:min-w-28',
} as const;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean; sticky?: keyof typeof STICKY }[] = [
  { key: 'date', label: 'Date' },
  { key: 'account', label: 'Account' },
  { key: 'description', label: 'Description' },
  { key: 'debit', label: 'Debit', numeric: true, sticky: 'debit' },
  { key: 'credit', label: 'Credit', numeric: true, sticky: 'credit' },
  { key: 'amount', label: 'Amount', numeric: true, sticky: 'amount' },
  { key: 'balance', label: 'Balance', numeric: true, sticky: 'balance' },
];

const money = (n: number | null, currency: string | null) => (n === null ? '' : formatMoney(n, currency));
const signed = (n: number, currency: string | null) => `${n > 0 ? '+' : ''}${formatMoney(n, currency)}`;

function download(csv: string, filename: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the blob to the download; release it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

function csvName(rows: readonly TransactionRow[]): string {
  if (rows.length === 0) return 'transactions.csv';
  const dates = rows.map((r) => r.date.slice(0, 10)).sort();
  return `transactions-${dates[0]}-to-${dates.at(-1)}.csv`;
}

export function TransactionsTable({ accounts }: { accounts: AccountView[] }) {
  const id = useId();
  const [filter, setFilter] = useState<TransactionFilter>(NO_FILTER);
  const [sort, setSort] = useState<TransactionSort>(DEFAULT_SORT);
  const [page, setPage] = useState(0);
  const rows = useMemo(() => transactionRows(accounts), [accounts]);
  // Filters and sort apply to every fetched row; paging only cuts what is drawn.
  const filtered = useMemo(() => sortTransactions(filterTransactions(rows, filter, formatMoney), sort), [rows, filter, sort]);
  const totals = useMemo(() => totalsOf(filtered), [filtered]);
  const pages = Math.max(1, Math.ceil(filtered.length / TRANSACTIONS_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * TRANSACTIONS_PAGE_SIZE, (current + 1) * TRANSACTIONS_PAGE_SIZE);
  const filtering = Object.values(filter).some((v) => v.trim() !== '');

  const set = (key: keyof TransactionFilter) => (e: { target: { value: string } }) => {
    setFilter((f) => ({ ...f, [key]: e.target.value }));
    setPage(0);
  };
  const columns: Column[] = COLUMNS.map((c) => ({
    label: c.label,
    numeric: c.numeric,
    className: c.sticky ? `${STICKY[c.sticky]} bg-slate-50` : undefined,
    sort: sort.key === c.key ? sort.direction : 'none',
    onSort: () => {
      setSort((s) => nextSort(s, c.key));
      setPage(0);
    },
  }));
  const input = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  const label = 'block text-xs font-medium text-slate-700';
  const amountCell = (sticky: keyof typeof STICKY) => `${STICKY[sticky]} whitespace-nowrap bg-white px-2 py-1.5 text-right text-xs tabular-nums sm:text-sm`;

  return (
    <section aria-labelledby={`${id}-h`} className="min-w-0 space-y-3">
      <h3 id={`${id}-h`} className="text-sm font-semibold text-slate-800">Transactions</h3>
      <form role="search" aria-label="Transaction filters" onSubmit={(e) => e.preventDefault()} className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <label htmlFor={`${id}-from`} className={label}>From</label>
          <input id={`${id}-from`} type="date" value={filter.from} max={filter.to || undefined} onChange={set('from')} className={input} />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className={label}>To</label>
          <input id={`${id}-to`} type="date" value={filter.to} min={filter.from || undefined} onChange={set('to')} className={input} />
        </div>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor={`${id}-account`} className={label}>Account</label>
          <select id={`${id}-account`} value={filter.accountId} onChange={set('accountId')} className={input}>
            <option value="">All accounts</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>{accountLabel(a)}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-min`} className={label}>Min amount</label>
          <input id={`${id}-min`} type="number" inputMode="decimal" min="0" step="0.01" value={filter.minAmount} onChange={set('minAmount')} aria-describedby={`${id}-amount-hint`} className={input} />
        </div>
        <div>
          <label htmlFor={`${id}-max`} className={label}>Max amount</label>
          <input id={`${id}-max`} type="number" inputMode="decimal" min="0" step="0.01" value={filter.maxAmount} onChange={set('maxAmount')} aria-describedby={`${id}-amount-hint`} className={input} />
        </div>
        <div className="col-span-2 sm:col-span-1">
          <label htmlFor={`${id}-text`} className={label}>Filter transactions</label>
          <input
            id={`${id}-text`}
            type="search"
            value={filter.text}
            onChange={set('text')}
            placeholder="Description, October, $12.30…"
            aria-describedby={`${id}-text-hint`}
            className={input}
          />
        </div>
        <p id={`${id}-amount-hint`} className="sr-only">The size of the debit or credit, in the account’s currency.</p>
        <p id={`${id}-text-hint`} className="sr-only">Words found in the description, account, date (also as a month name) or an amount as displayed.</p>
      </form>

      <div className="flex flex-wrap items-start justify-between gap-2">
        <div data-testid="transaction-totals" className="space-y-1 text-sm">
          <p className="font-medium text-slate-800">
            Totals of the {filtered.length} {filtering ? 'filtered ' : ''}transaction{filtered.length === 1 ? '' : 's'}
          </p>
          {totals.map((t) => (
            <dl key={t.currency ?? 'none'} className="flex flex-wrap gap-x-4 gap-y-1 text-slate-700" aria-label={`Totals in ${t.currency ?? 'the account currency'}`}>
              {totals.length > 1 ? <div className="font-medium">{t.currency}</div> : null}
              <div className="flex gap-1"><dt>Debits</dt><dd className="tabular-nums">{formatMoney(t.debits, t.currency)}</dd></div>
              <div className="flex gap-1"><dt>Credits</dt><dd className="tabular-nums">{formatMoney(t.credits, t.currency)}</dd></div>
              <div className="flex gap-1"><dt>Net</dt><dd className="tabular-nums">{signed(t.net, t.currency)}</dd></div>
              <div className="flex gap-1"><dt>Count</dt><dd className="tabular-nums">{t.count}</dd></div>
            </dl>
          ))}
        </div>
        <div className="flex gap-2">
          {filtering ? (
            <button type="button" onClick={() => { setFilter(NO_FILTER); setPage(0); }} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Clear filters
            </button>
          ) : null}
          <button
            type="button"
            disabled={filtered.length === 0}
            onClick={() => download(transactionsCsv(filtered), csvName(filtered))}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400"
          >
            Export CSV
          </button>
        </div>
      </div>

      <DataTable columns={columns} testId="transactions-table">
        {visible.map((t) => (
          <tr key={`${t.accountId}-${t.id}`}>
            <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{t.date}</td>
            <td className="whitespace-nowrap px-3 py-1.5">{t.account}</td>
            <td className="whitespace-nowrap px-3 py-1.5 sm:min-w-40 sm:whitespace-normal">{t.description}</td>
            <td className={amountCell('debit')}>{money(t.debit, t.currency)}</td>
            <td className={amountCell('credit')}>{money(t.credit, t.currency)}</td>
            <td className={amountCell('amount')}>{signed(t.amount, t.currency)}</td>
            <td className={amountCell('balance')}>{formatMoney(t.balance, t.currency)}</td>
          </tr>
        ))}
        {visible.length === 0 ? (
          <tr>
            <td colSpan={COLUMNS.length} className="px-3 py-4 text-center text-slate-500">
              {rows.length === 0 ? 'Flinks returned no transaction.' : 'No transaction matches.'}
            </td>
          </tr>
        ) : null}
      </DataTable>
      <nav aria-label="Transaction pages" className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p aria-live="polite" className="text-slate-600">
          {filtering ? `${filtered.length} of ${rows.length} transactions match the filters` : `${filtered.length} transaction${filtered.length === 1 ? '' : 's'}`} · page {current + 1} of {pages}
        </p>
        <div className="flex gap-2">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs disabled:opacity-40">
            Previous page
          </button>
          <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs disabled:opacity-40">
            Next page
          </button>
        </div>
      </nav>
    </section>
  );
}
