import type { AccountView, StatementView } from '@/lib/inspector/data-views';
import { formatBytes } from './format';
import { DataTable, type Column } from '@/components/ui/data-table';

// Phones: no Size column, and the account and period on two lines each, so the row fits 390 px.
const STATEMENTS_LIST_COLUMNS: Column[] = [{ label: 'Account' }, { label: 'Period' }, { label: 'Size', className: 'hidden sm:table-cell' }, { label: 'Download', srOnly: true }];

const MONTH = new Intl.DateTimeFormat('en-CA', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** { month: "October 2026" when it is a whole calendar month, days: "2026-10-01 to 2026-10-31" }; null when Flinks says nothing. */
export function periodOf(s: Pick<StatementView, 'periodStart' | 'periodEnd'>): { month: string | null; days: string } | null {
  const { periodStart: start, periodEnd: end } = s;
  if (!start || !end) return start || end ? { month: null, days: (start ?? end)! } : null;
  const first = new Date(`${start}T00:00:00Z`);
  const last = new Date(`${end}T00:00:00Z`);
  const wholeMonth = first.getUTCDate() === 1 && start.slice(0, 7) === end.slice(0, 7) && new Date(last.getTime() + 86_400_000).getUTCDate() === 1;
  return { month: wholeMonth ? MONTH.format(first) : null, days: `${start} to ${end}` };
}

/**
 * Statement PDFs come back in the action's answer and are offered as data: URLs: they never touch
 * the store (its steps keep a byte count) and no second Flinks call is needed to download them.
 * Each row names its account (the title when the accounts were fetched too) and the period it covers.
 */
export function StatementsList({ statements, accounts = [] }: { statements: StatementView[]; accounts?: AccountView[] }) {
  if (statements.length === 0) return <p className="text-sm text-slate-600">Flinks returned no statement.</p>;
  const titles = new Map(accounts.filter((a) => a.lastFour && a.title).map((a) => [a.lastFour!, a.title!]));
  return (
    <DataTable columns={STATEMENTS_LIST_COLUMNS} caption="Statements" testId="statements-table">
      {statements.map((s) => {
        const four = s.accountLastFour ? `••••${s.accountLastFour}` : 'unknown account';
        const title = s.accountLastFour ? titles.get(s.accountLastFour) : undefined;
        const period = periodOf(s);
        const short = s.uniqueId.slice(0, 8);
        const name = `${four} ${s.periodStart ?? short}`;
        return (
          <tr key={s.uniqueId}>
            <td className="whitespace-nowrap px-3 py-2">
              {title ? <span className="block text-slate-900 sm:mr-1 sm:inline">{title}</span> : null}{' '}
              <span className="font-mono">{four}</span>
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              {period ? (
                <>
                  {period.month ? <span className="block font-medium text-slate-900 sm:inline">{period.month}</span> : null}{' '}
                  <span className={period.month ? 'block text-xs text-slate-500 sm:inline sm:text-sm' : ''}>{period.month ? `(${period.days})` : period.days}</span>
                </>
              ) : (
                <span className="text-slate-500">Not stated by Flinks</span>
              )}
            </td>
            <td className="hidden whitespace-nowrap px-3 py-2 sm:table-cell" title={s.uniqueId}>{s.fileType} · {formatBytes(s.bytes)}</td>
            <td className="px-3 py-2 text-right">
              {/* Rebuilt from the store after a reload: the PDF was never kept (Refresh downloads it again). */}
              {s.base64 === '' ? <span className="text-xs text-slate-600">PDF not kept: Refresh to download</span> : <a
                href={`data:application/pdf;base64,${s.base64}`}
                download={`statement-${s.accountLastFour ?? 'account'}-${s.periodStart ?? short}.pdf`}
                aria-label={`Download statement ${name}`}
                className="whitespace-nowrap rounded border border-slate-300 px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-slate-50"
              >
                {/* Phones show "Download"; the name stays whole for everyone (aria-label starts with the visible word). */}
                Download<span aria-hidden="true" className="hidden sm:inline"> statement {name}</span>
              </a>}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
