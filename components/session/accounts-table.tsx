import type { AccountView } from '@/lib/inspector/data-views';
import { explainBalance } from '@/lib/inspector/balance-note';
import { accountLabel } from '@/lib/inspector/transaction-filters';
import { formatMoney } from './format';
import { DataTable, type Column } from '@/components/ui/data-table';

const ACCOUNTS_TABLE_COLUMNS: Column[] = [{ label: 'Title' }, { label: 'Type' }, { label: 'Category' }, { label: 'Currency' }, { label: 'Current', numeric: true }, { label: 'Available', numeric: true }, { label: 'Limit', numeric: true }, { label: 'Last four' }];

/**
 * The accounts, then one sentence per account on why Available and Current differ ("balance looks
 * wrong" is most often an overdraft or credit limit counted in Available).
 */
export function AccountsTable({ accounts, caption }: { accounts: AccountView[]; caption: string }) {
  if (accounts.length === 0) return <p className="text-sm text-slate-600">Flinks returned no account.</p>;
  const notes = accounts.map((a) => ({ a, note: explainBalance(a, formatMoney) })).filter((n) => n.note !== null);
  return (
    <div className="space-y-2">
      <DataTable columns={ACCOUNTS_TABLE_COLUMNS} caption={caption}>
        {accounts.map((a) => (
          <tr key={a.id}>
            <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-900">{a.title ?? '—'}</th>
            <td className="whitespace-nowrap px-3 py-2">{a.type ?? '—'}</td>
            <td className="whitespace-nowrap px-3 py-2">{a.category ?? '—'}</td>
            <td className="whitespace-nowrap px-3 py-2">{a.currency ?? '—'}</td>
            <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(a.current, a.currency)}</td>
            <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(a.available, a.currency)}</td>
            <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(a.limit ?? a.overdraftLimit, a.currency)}</td>
            <td className="whitespace-nowrap px-3 py-2 font-mono">{a.lastFour ? `••••${a.lastFour}` : '—'}</td>
          </tr>
        ))}
      </DataTable>
      {notes.length > 0 ? (
        <section aria-label={`${caption}: Available − Current`} className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm">
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-500">Available − Current</h4>
          <ul className="mt-1 space-y-1" data-testid="balance-notes">
            {notes.map(({ a, note }) => (
              <li key={a.id}>
                <span className="font-medium text-slate-900">{accountLabel(a)}:</span> {note}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
