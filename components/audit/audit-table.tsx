import { DataTable, type Column } from '@/components/ui/data-table';
import { summariseMetadata } from '@/lib/audit/metadata-summary';
import type { AuditEvent } from '@/lib/audit/types';
import { LocalTime } from './local-time';

const COLUMNS: Column[] = [
  { label: 'Time (UTC)' }, { label: 'Actor' }, { label: 'Action' }, { label: 'Target' }, { label: 'Outcome' },
  { label: 'Interface' }, { label: 'Reason' }, { label: 'IP' }, { label: 'Metadata' },
];

const OUTCOME_LOOK: Record<string, string> = {
  permitted: 'bg-emerald-50 text-emerald-800 border-emerald-200',
  denied: 'bg-amber-50 text-amber-900 border-amber-200',
  error: 'bg-red-50 text-red-800 border-red-200',
};

const cell = 'px-3 py-2 align-top';
const none = <span className="text-slate-400">—</span>;

export function AuditTable({ items }: { items: AuditEvent[] }) {
  if (items.length === 0) return <p className="rounded-lg border border-slate-200 bg-white p-6 text-center text-sm text-slate-600">No event matches.</p>;
  return (
    <DataTable columns={COLUMNS} caption="Audit events, newest first" captionSrOnly testId="audit-table">
      {items.map((e) => {
        const meta = summariseMetadata(e.metadata);
        return (
          <tr key={e.id} data-testid="audit-row" className="hover:bg-slate-50">
            <td className={`${cell} whitespace-nowrap`}><LocalTime iso={e.at.toISOString()} /></td>
            <td className={`${cell} whitespace-nowrap`}>
              {e.actorType === 'system' ? <span className="italic text-slate-600">system</span> : (e.actorEmail ?? none)}
              {e.actorRole ? <span className="block text-xs text-slate-500">{e.actorRole}</span> : null}
            </td>
            <td className={`${cell} whitespace-nowrap font-mono text-xs`}>{e.action}</td>
            <td className={`${cell} whitespace-nowrap font-mono text-xs`}>
              {e.targetId ? <><span className="block text-slate-500">{e.targetType}</span>{e.targetId}</> : none}
            </td>
            <td className={cell}>
              <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium ${OUTCOME_LOOK[e.outcome] ?? ''}`}>{e.outcome}</span>
            </td>
            <td className={cell}>{e.interface}</td>
            <td className={`${cell} max-w-48 break-words`}>{e.reason ?? none}</td>
            <td className={`${cell} whitespace-nowrap font-mono text-xs`}>{e.ip ?? none}</td>
            <td className={`${cell} max-w-64 break-words font-mono text-xs`} title={meta?.full}>{meta?.short ?? none}</td>
          </tr>
        );
      })}
    </DataTable>
  );
}
