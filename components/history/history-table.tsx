import Link from 'next/link';
import type { Inspection } from '@/lib/store/types';
import { formatDateTime, StatusBadge } from '@/components/session/format';
import { DataTable, type Column } from '@/components/ui/data-table';

const HISTORY_TABLE_COLUMNS: Column[] = [{ label: 'Started' }, { label: 'Status' }, { label: 'Institution' }, { label: 'Login ID / Request ID' }, { label: 'Tag' }, { label: 'Opened by' }, { label: 'FlinksCode' }];

export function HistoryTable({ items }: { items: Inspection[] }) {
  if (items.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">No session matches.</p>;
  return (
    <DataTable columns={HISTORY_TABLE_COLUMNS} caption="Sessions, newest first" captionSrOnly testId="history-table">
      {items.map((i) => (
        <tr key={i.id} data-testid="history-row" className="hover:bg-slate-50">
          <td className="whitespace-nowrap px-3 py-2">
            <Link href={`/sessions/${i.id}`} className="font-medium text-indigo-700 hover:underline">
              {formatDateTime(i.createdAt)}
              <span className="sr-only"> — open session {i.id.slice(0, 8)}</span>
            </Link>
          </td>
          <td className="px-3 py-2">
            <StatusBadge status={i.status} />
            <span className="block text-xs text-slate-500">
              {i.mode}
              {i.parentId ? ' · reopened' : ''}
            </span>
          </td>
          <td className="px-3 py-2">{i.institution ?? '—'}{i.username ? <span className="block text-xs text-slate-500">{i.username}</span> : null}</td>
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            <span className="block" title="Login ID">{i.loginId ?? '—'}</span>
            <span className="block text-slate-500" title="Request ID">{i.requestId ?? '—'}</span>
          </td>
          <td className="whitespace-nowrap px-3 py-2">{i.tag ?? '—'}</td>
          <td className="max-w-[12rem] truncate px-3 py-2 text-xs" title={i.openedByEmail ?? undefined}>{i.openedByEmail ?? '—'}</td>
          <td className="px-3 py-2 font-mono text-xs">{i.flinksCode ?? ''}</td>
        </tr>
      ))}
    </DataTable>
  );
}
