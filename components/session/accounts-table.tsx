import type { AccountView } from '@/lib/inspector/data-views';
import { formatMoney } from './format';
import { DataTable, type Column } from '@/components/ui/data-table';

const ACCOUNTS_TABLE_COLUMNS: Column[] = [{ label: 'Title' }, { label: 'Type' }, { label: 'Category' }, { label: 'Currency' }, { label: 'Current', numeric: true }, { label: 'Available', numeric: true }, { label: 'Limit', numeric: true }, { label: 'Last four' }];

export function AccountsTable({ accounts, caption }: { accounts: AccountView[]; caption: string }) {
  if (accounts.length === 0) return <p className="text-sm text-slate-600">Flinks returned no account.</p>;
  return (
    <DataTable columns={ACCOUNTS_TABLE_COLUMNS} caption={caption}>
      {accounts.map((a) => (
        <tr key={a.id}>
          <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium text-slate-900">{a.title ?? '—'}</th>
          <td className="whitespace-nowrap px-3 py-2">{a.type ?? '—'}</td>
          <td className="whitespace-nowrap px-3 py-2">{a.category ?? '—'}</td>
          <td className="whitespace-nowrap px-3 py-2">{a.currency ?? '—'}</td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(a.current, a.currency)}</td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(a.available, a.currency)}</td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{formatMoney(a.limit, a.currency)}</td>
          <td className="whitespace-nowrap px-3 py-2 font-mono">{a.lastFour ? `••••${a.lastFour}` : '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
