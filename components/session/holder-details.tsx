'use client';

import { useState } from 'react';
import type { AccountView } from '@/lib/inspector/data-views';
import { maskText } from './format';
import { DataTable, type Column } from '@/components/ui/data-table';

const HOLDER_DETAILS_COLUMNS: Column[] = [{ label: 'Account' }, { label: 'Name' }, { label: 'Email' }, { label: 'Phone' }, { label: 'Address' }];

/** Personal data stays masked on screen until someone asks for it (screens get shared in calls). */
export function HolderDetails({ accounts }: { accounts: AccountView[] }) {
  const [revealed, setRevealed] = useState(false);
  const withHolder = accounts.filter((a) => a.holder);
  if (withHolder.length === 0) return <p className="text-sm text-slate-600">Flinks returned no holder details.</p>;
  const show = (v: string | null) => (revealed ? (v ?? '—') : maskText(v));
  return (
    <section aria-labelledby="holder-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="holder-heading" className="text-sm font-semibold text-slate-800">Holder details</h3>
        <button
          type="button"
          aria-pressed={revealed}
          onClick={() => setRevealed((r) => !r)}
          className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
        >
          {revealed ? 'Hide holder details' : 'Reveal holder details'}
        </button>
      </div>
      <DataTable columns={HOLDER_DETAILS_COLUMNS} testId="holder-table">
        {withHolder.map((a) => (
          <tr key={a.id}>
            <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">{a.title ?? (a.lastFour ? `••••${a.lastFour}` : a.id)}</th>
            <td className="whitespace-nowrap px-3 py-2">{show(a.holder!.name)}</td>
            <td className="whitespace-nowrap px-3 py-2">{show(a.holder!.email)}</td>
            <td className="whitespace-nowrap px-3 py-2">{show(a.holder!.phone)}</td>
            <td className="whitespace-nowrap px-3 py-2">{show(a.holder!.address)}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
