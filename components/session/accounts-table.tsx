import type { AccountView } from '@/lib/inspector/data-views';
import { formatMoney } from './format';

export function AccountsTable({ accounts, caption }: { accounts: AccountView[]; caption: string }) {
  if (accounts.length === 0) return <p className="text-sm text-slate-600">Flinks returned no account.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-sm">
        <caption className="whitespace-nowrap px-3 py-2 text-left text-sm font-semibold text-slate-800">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Title</th>
            <th scope="col" className="px-3 py-2">Type</th>
            <th scope="col" className="px-3 py-2">Category</th>
            <th scope="col" className="px-3 py-2">Currency</th>
            <th scope="col" className="whitespace-nowrap px-3 py-2 text-right">Current</th>
            <th scope="col" className="whitespace-nowrap px-3 py-2 text-right">Available</th>
            <th scope="col" className="whitespace-nowrap px-3 py-2 text-right">Limit</th>
            <th scope="col" className="px-3 py-2">Last four</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
        </tbody>
      </table>
    </div>
  );
}
