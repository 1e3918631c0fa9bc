'use client';

import { useId, useMemo, useState } from 'react';
import type { AccountView } from '@/lib/inspector/data-views';
import { formatMoney } from './format';
import { DataTable, type Column } from '@/components/ui/data-table';

const TRANSACTIONS_TABLE_COLUMNS: Column[] = [{ label: 'Date' }, { label: 'Account' }, { label: 'Description' }, { label: 'Debit', numeric: true }, { label: 'Credit', numeric: true }, { label: 'Balance', numeric: true }];

export const TRANSACTIONS_PAGE_SIZE = 15;

type Row = AccountView['transactions'][number] & { account: string; currency: string | null };

export function TransactionsTable({ accounts }: { accounts: AccountView[] }) {
  const filterId = useId();
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(0);
  const rows = useMemo<Row[]>(
    () =>
      accounts
        .flatMap((a) => a.transactions.map((t) => ({ ...t, account: a.title ?? `••••${a.lastFour ?? '?'}`, currency: a.currency })))
        .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0)),
    [accounts],
  );
  const q = query.trim().toLowerCase();
  const filtered = q
    ? rows.filter((r) => [r.description, r.date, r.account, r.code ?? '', String(r.debit ?? ''), String(r.credit ?? '')].some((v) => v.toLowerCase().includes(q)))
    : rows;
  const pages = Math.max(1, Math.ceil(filtered.length / TRANSACTIONS_PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = filtered.slice(current * TRANSACTIONS_PAGE_SIZE, (current + 1) * TRANSACTIONS_PAGE_SIZE);

  return (
    <section aria-labelledby={`${filterId}-h`} className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h3 id={`${filterId}-h`} className="text-sm font-semibold text-slate-800">Transactions</h3>
        <div className="w-full sm:w-72">
          <label htmlFor={filterId} className="block text-xs font-medium text-slate-700">Filter transactions</label>
          <input
            id={filterId}
            type="search"
            value={query}
            onChange={(e) => {
              setQuery(e.target.value);
              setPage(0);
            }}
            placeholder="Description, date, amount…"
            className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          />
        </div>
      </div>
      <DataTable columns={TRANSACTIONS_TABLE_COLUMNS} testId="transactions-table">
        {visible.map((t) => (
          <tr key={`${t.account}-${t.id}`}>
            <td className="whitespace-nowrap px-3 py-1.5 font-mono text-xs">{t.date}</td>
            <td className="whitespace-nowrap px-3 py-1.5">{t.account}</td>
            <td className="px-3 py-1.5">{t.description}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{t.debit === null ? '' : formatMoney(t.debit, t.currency)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{t.credit === null ? '' : formatMoney(t.credit, t.currency)}</td>
            <td className="px-3 py-1.5 text-right tabular-nums">{formatMoney(t.balance, t.currency)}</td>
          </tr>
        ))}
        {visible.length === 0 ? (
          <tr>
            <td colSpan={6} className="px-3 py-4 text-center text-slate-500">No transaction matches.</td>
          </tr>
        ) : null}
      </DataTable>
      <nav aria-label="Transaction pages" className="flex items-center justify-between gap-2 text-sm">
        <p aria-live="polite" className="text-slate-600">
          {filtered.length} transaction{filtered.length === 1 ? '' : 's'}
          {q ? ` matching “${query.trim()}”` : ''} · page {current + 1} of {pages}
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
