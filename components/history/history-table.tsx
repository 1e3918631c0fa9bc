import Link from 'next/link';
import type { Inspection } from '@/lib/store/types';
import { formatDateTime, StatusBadge } from '@/components/session/format';

export function HistoryTable({ items }: { items: Inspection[] }) {
  if (items.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">No session matches.</p>;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="history-table">
        <caption className="sr-only">Sessions, newest first</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Started</th>
            <th scope="col" className="px-3 py-2">Status</th>
            <th scope="col" className="px-3 py-2">Institution</th>
            <th scope="col" className="px-3 py-2">Login ID / Request ID</th>
            <th scope="col" className="px-3 py-2">Tag</th>
            <th scope="col" className="px-3 py-2">FlinksCode</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
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
              <td className="px-3 py-2 font-mono text-xs">{i.flinksCode ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
