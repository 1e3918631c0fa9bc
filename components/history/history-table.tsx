import Link from 'next/link';
import { formatDateTime, StatusBadge } from '@/components/session/format';
import { DataTable, type Column } from '@/components/ui/data-table';
import type { Inspection } from '@/lib/store/types';
import { COMPARE_FORM_ID } from './compare-form-id';

/** One History row as the page prepares it: the derived columns are computed on the server. */
export type HistoryRow = Inspection & { shownStatus: string; persona: string | null; problem: string | null };

const HISTORY_TABLE_COLUMNS: Column[] = [
  { label: 'Select', srOnly: true },
  { label: 'Started' },
  { label: 'Status' },
  // Problem next to Status: what support reads first, never the column that scrolls out of view.
  { label: 'Problem' },
  { label: 'Institution' },
  { label: 'Persona' },
  { label: 'Language' },
  { label: 'Login ID / Request ID' },
  { label: 'Tag' },
  { label: 'Opened by' },
];


export function HistoryTable({ items }: { items: HistoryRow[] }) {
  if (items.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">No session matches.</p>;
  return (
    <DataTable columns={HISTORY_TABLE_COLUMNS} caption="Sessions, newest first" captionSrOnly testId="history-table">
      {items.map((i) => (
        <tr key={i.id} data-testid="history-row" className="hover:bg-slate-50">
          <td className="px-3 py-2">
            {/* Named "Select" for scripts; the row's link names the session for screen-reader users. */}
            <input type="checkbox" name="s" value={i.id} form={COMPARE_FORM_ID} aria-label="Select" title={`Select session ${i.id.slice(0, 8)} to compare`} className="h-4 w-4 accent-indigo-600" />
          </td>
          <td className="min-w-[7rem] px-3 py-2">
            <Link prefetch={false} href={`/sessions/${i.id}`} className="font-medium text-indigo-700 hover:underline">
              {formatDateTime(i.createdAt)}
              <span className="sr-only"> — open session {i.id.slice(0, 8)}</span>
            </Link>
          </td>
          <td className="px-3 py-2">
            <StatusBadge status={i.shownStatus} />
            <span className="block text-xs text-slate-500">
              {i.mode}
              {i.parentId ? ' · reopened' : ''}
            </span>
          </td>
          <td className="whitespace-nowrap px-2 py-2 font-mono text-xs" data-testid="history-problem">{i.problem ?? ''}</td>
          <td className="px-2 py-2">{i.institution ?? '—'}</td>
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{i.persona ?? '—'}</td>
          <td className="px-3 py-2 text-xs">{i.language ?? '—'}</td>
          {/* Full ids wrap rather than push Problem off screen: people copy them whole. */}
          <td className="min-w-[11rem] max-w-[15rem] break-all px-2 py-2 font-mono text-xs">
            <span className="block" title="Login ID">{i.loginId ?? '—'}</span>
            <span className="block text-slate-500" title="Request ID">{i.requestId ?? '—'}</span>
          </td>
          <td className="max-w-[8rem] break-words px-2 py-2">{i.tag ?? '—'}</td>
          <td className="max-w-[9rem] truncate px-2 py-2 text-xs" title={i.openedByEmail ?? undefined}>{i.openedByEmail ?? '—'}</td>
        </tr>
      ))}
    </DataTable>
  );
}
