import { DataTable, type Column } from '@/components/ui/data-table';
import { summariseMetadata } from '@/lib/audit/metadata-summary';
import type { AuditEvent } from '@/lib/audit/types';
import { LocalTime } from './local-time';

const COLUMNS: Column[] = [
  { label: 'Time (UTC)' }, { label: 'Actor · IP' }, { label: 'Action' }, { label: 'Target' }, { label: 'Outcome' }, { label: 'Reason · metadata' },
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
            {/* Long emails and IPv6 addresses are cut to keep the table within a laptop screen; the whole value is on hover. */}
            <td className={`${cell} max-w-52`}>
              <span className="block truncate" title={e.actorEmail ?? undefined}>
                {e.actorType === 'system' ? <span className="italic text-slate-600">system</span> : (e.actorEmail ?? none)}
              </span>
              <span className="block truncate text-xs text-slate-500" title={e.ip ?? undefined}>
                {[e.actorRole, e.ip ? `IP ${e.ip}` : null].filter(Boolean).join(' · ')}
              </span>
            </td>
            <td className={`${cell} whitespace-nowrap font-mono text-xs`}>{e.action}</td>
            <td className={`${cell} whitespace-nowrap font-mono text-xs`}>
              {e.targetId ? <><span className="block text-slate-500">{e.targetType}</span>{e.targetId}</> : none}
            </td>
            <td className={`${cell} whitespace-nowrap`}>
              <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium ${OUTCOME_LOOK[e.outcome] ?? ''}`}>{e.outcome}</span>
              <span className="block text-xs text-slate-500">via {e.interface}</span>
            </td>
            <td className={cell}>
              {/* A fixed width: without it the one-line metadata summary would widen the table instead of being cut. */}
              <div className="w-56">
                {e.reason ? <span className="block break-words">{e.reason}</span> : null}
                {meta ? <span className="block truncate font-mono text-xs text-slate-500" title={meta.full}>{meta.short}</span> : null}
                {!e.reason && !meta ? none : null}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
