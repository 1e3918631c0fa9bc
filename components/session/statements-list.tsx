import type { StatementView } from '@/lib/inspector/data-views';
import { formatBytes } from './format';
import { DataTable, type Column } from '@/components/ui/data-table';

const STATEMENTS_LIST_COLUMNS: Column[] = [{ label: 'Account' }, { label: 'Statement' }, { label: 'Size' }, { label: 'Download', srOnly: true }];

/**
 * Statement PDFs come back in the action's answer and are offered as data: URLs: they never touch
 * the store (its steps keep a byte count) and no second Flinks call is needed to download them.
 */
export function StatementsList({ statements }: { statements: StatementView[] }) {
  if (statements.length === 0) return <p className="text-sm text-slate-600">Flinks returned no statement.</p>;
  return (
    <DataTable columns={STATEMENTS_LIST_COLUMNS} caption="Statements" testId="statements-table">
      {statements.map((s) => {
        const account = s.accountLastFour ? `••••${s.accountLastFour}` : 'unknown account';
        const short = s.uniqueId.slice(0, 8);
        return (
          <tr key={s.uniqueId}>
            <td className="px-3 py-2 font-mono">{account}</td>
            <td className="px-3 py-2 font-mono text-xs">{s.uniqueId}</td>
            <td className="px-3 py-2">{s.fileType} · {formatBytes(s.bytes)}</td>
            <td className="px-3 py-2 text-right">
              {/* Rebuilt from the store after a reload: the PDF was never kept (Refresh downloads it again). */}
              {s.base64 === '' ? <span className="text-xs text-slate-600">PDF not kept: Refresh to download</span> : <a
                href={`data:application/pdf;base64,${s.base64}`}
                download={`statement-${s.accountLastFour ?? 'account'}-${short}.pdf`}
                className="whitespace-nowrap rounded border border-slate-300 px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-slate-50"
              >
                Download statement {account} {short}
              </a>}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
