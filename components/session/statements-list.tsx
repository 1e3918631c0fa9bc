import type { StatementView } from '@/lib/inspector/data-views';
import { formatBytes } from './format';

/**
 * Statement PDFs come back in the action's answer and are offered as data: URLs: they never touch
 * the store (its steps keep a byte count) and no second Flinks call is needed to download them.
 */
export function StatementsList({ statements }: { statements: StatementView[] }) {
  if (statements.length === 0) return <p className="text-sm text-slate-600">Flinks returned no statement.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="min-w-full text-sm" data-testid="statements-table">
        <caption className="px-3 py-2 text-left text-sm font-semibold text-slate-800">Statements</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2">Account</th>
            <th scope="col" className="px-3 py-2">Statement</th>
            <th scope="col" className="px-3 py-2">Size</th>
            <th scope="col" className="px-3 py-2"><span className="sr-only">Download</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {statements.map((s) => {
            const account = s.accountLastFour ? `••••${s.accountLastFour}` : 'unknown account';
            const short = s.uniqueId.slice(0, 8);
            return (
              <tr key={s.uniqueId}>
                <td className="px-3 py-2 font-mono">{account}</td>
                <td className="px-3 py-2 font-mono text-xs">{s.uniqueId}</td>
                <td className="px-3 py-2">{s.fileType} · {formatBytes(s.bytes)}</td>
                <td className="px-3 py-2 text-right">
                  <a
                    href={`data:application/pdf;base64,${s.base64}`}
                    download={`statement-${s.accountLastFour ?? 'account'}-${short}.pdf`}
                    className="whitespace-nowrap rounded border border-slate-300 px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-slate-50"
                  >
                    Download statement {account} {short}
                  </a>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
