import Link from 'next/link';
import { formatMoney } from '@/components/session/format';
import { DataTable, type Column } from '@/components/ui/data-table';
import type { AccountRow, Comparison, CompareStep } from '@/lib/inspector/compare-sessions';
import type { TransactionView } from '@/lib/inspector/data-views';
import { DIFF_ROW, DiffMark } from './diff-mark';

const short = (id: string) => id.slice(0, 8);
const cell = 'px-3 py-2 align-top';
const mono = `${cell} whitespace-nowrap font-mono text-xs`;

function signed(n: number | null, currency: string | null): string {
  if (n === null) return '—';
  if (n === 0) return 'no change';
  return `${n > 0 ? '+' : '−'}${formatMoney(Math.abs(n), currency)}`;
}

function StepCell({ s }: { s: CompareStep | null }) {
  if (!s) return <td className={`${cell} text-slate-500`}>no step</td>;
  return (
    <td className={cell}>
      <span className="block font-medium">{s.endpoint}</span>
      <span className="block text-xs text-slate-600">
        HTTP {s.httpStatus ?? '—'} · {s.outcome.replace('_', ' ')}
        {s.flinksCode ? <> · <code className="font-mono">{s.flinksCode}</code></> : null}
      </span>
    </td>
  );
}

function TransactionList({ title, items, currency }: { title: string; items: TransactionView[]; currency: string | null }) {
  if (items.length === 0) return null;
  return (
    <div className="space-y-1">
      <h4 className="text-sm font-semibold">{title} ({items.length})</h4>
      <DataTable columns={[{ label: 'Date' }, { label: 'Description' }, { label: 'Debit', numeric: true }, { label: 'Credit', numeric: true }]}>
        {items.map((t) => (
          <tr key={t.id}>
            <td className={mono}>{t.date}</td>
            <td className={cell}>{t.description}</td>
            <td className={`${cell} text-right`}>{t.debit === null ? '' : formatMoney(t.debit, currency)}</td>
            <td className={`${cell} text-right`}>{t.credit === null ? '' : formatMoney(t.credit, currency)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

function AccountTransactions({ row }: { row: AccountRow }) {
  if (row.onlyInA.length === 0 && row.onlyInB.length === 0) return null;
  const currency = row.a?.currency ?? row.b?.currency ?? null;
  return (
    <section aria-label={`Transactions of ${row.title ?? row.id} in one session only`} className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
      <h3 className="font-semibold">{row.title ?? row.id}: transactions in one session only</h3>
      <TransactionList title="Only in A" items={row.onlyInA} currency={currency} />
      <TransactionList title="Only in B" items={row.onlyInB} currency={currency} />
    </section>
  );
}

// Short headers so the table fits a laptop screen; "Δ" columns are B minus A.
const ACCOUNT_COLUMNS: Column[] = [
  { label: 'Account' },
  { label: 'Current A', numeric: true },
  { label: 'Current B', numeric: true },
  { label: 'Δ current', numeric: true },
  { label: 'Available A', numeric: true },
  { label: 'Available B', numeric: true },
  { label: 'Δ available', numeric: true },
  { label: 'Txns A', numeric: true },
  { label: 'Txns B', numeric: true },
  { label: 'Difference', srOnly: true },
];

export function CompareView({ c, labels }: { c: Comparison; labels: { a: string; b: string } }) {
  const source = (s: string | null) => s ?? 'not fetched (the Links were not followed)';
  // An account missing from a side that fetched no accounts is "not fetched", not "not in".
  const absent = (which: 'A' | 'B') => ((which === 'A' ? c.a : c.b).accountsSource === null ? 'not fetched' : `not in ${which}`);
  return (
    <div className="space-y-6">
      <dl className="grid gap-2 text-sm sm:grid-cols-2">
        <div className="rounded-md border border-slate-200 bg-white p-3">
          <dt className="font-semibold">Session A</dt>
          <dd>
            <Link prefetch={false} href={`/sessions/${c.a.id}`} className="text-indigo-700 hover:underline">{labels.a} <span className="font-mono text-xs">({short(c.a.id)})</span></Link>
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 bg-white p-3">
          <dt className="font-semibold">Session B</dt>
          <dd>
            <Link prefetch={false} href={`/sessions/${c.b.id}`} className="text-indigo-700 hover:underline">{labels.b} <span className="font-mono text-xs">({short(c.b.id)})</span></Link>
          </dd>
        </div>
      </dl>
      <p role="status" className="text-sm font-medium" data-testid="compare-summary">
        {c.differences === 0 ? 'No differences.' : `${c.differences} difference${c.differences === 1 ? '' : 's'}, marked “≠ differs”.`}{' '}
        <span className="font-normal text-slate-600">Start time and Request ID always differ between attempts and are not counted.</span>
      </p>

      <section aria-labelledby="cmp-fields" className="space-y-2">
        <h2 id="cmp-fields" className="text-lg font-semibold">Login and institution</h2>
        <DataTable columns={[{ label: 'Field' }, { label: 'Session A' }, { label: 'Session B' }, { label: 'Difference', srOnly: true }]} testId="compare-fields">
          {c.fields.map((f) => (
            <tr key={f.label} className={f.differs ? DIFF_ROW : undefined}>
              <th scope="row" className={`${cell} whitespace-nowrap text-left font-medium`}>{f.label}</th>
              <td className={`${cell} break-all font-mono text-xs`}>{f.a ?? '—'}</td>
              <td className={`${cell} break-all font-mono text-xs`}>{f.b ?? '—'}</td>
              <td className={cell}><DiffMark differs={f.differs} /></td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section aria-labelledby="cmp-accounts" className="space-y-2">
        <h2 id="cmp-accounts" className="text-lg font-semibold">Accounts</h2>
        <p className="text-sm text-slate-600">
          A: {source(c.a.accountsSource)}. B: {source(c.b.accountsSource)}. Accounts are matched by their Flinks id; Δ is B minus A.
        </p>
        {!c.accountsCompared ? (
          <p className="rounded-md border border-slate-200 bg-white p-4 text-sm">Neither session fetched accounts: follow a Link on a session page first.</p>
        ) : (
          <>
            <DataTable columns={ACCOUNT_COLUMNS} testId="compare-accounts">
              {c.accounts.map((r) => {
                const currency = r.a?.currency ?? r.b?.currency ?? null;
                return (
                  <tr key={r.id} className={r.differs ? DIFF_ROW : undefined}>
                    <th scope="row" className={`${cell} whitespace-nowrap text-left font-medium`}>
                      {r.title ?? 'Account'}
                      <span className="block font-mono text-xs font-normal text-slate-500" title={r.id}>{short(r.id)}…</span>
                    </th>
                    <td className={`${cell} whitespace-nowrap text-right`}>{r.a ? formatMoney(r.a.current, currency) : absent('A')}</td>
                    <td className={`${cell} whitespace-nowrap text-right`}>{r.b ? formatMoney(r.b.current, currency) : absent('B')}</td>
                    <td className={`${cell} whitespace-nowrap text-right font-medium`}>{signed(r.currentDiff, currency)}</td>
                    <td className={`${cell} text-right`}>{r.a ? formatMoney(r.a.available, currency) : '—'}</td>
                    <td className={`${cell} text-right`}>{r.b ? formatMoney(r.b.available, currency) : '—'}</td>
                    <td className={`${cell} whitespace-nowrap text-right font-medium`}>{signed(r.availableDiff, currency)}</td>
                    <td className={`${cell} text-right`}>{r.a?.transactionCount ?? '—'}</td>
                    <td className={`${cell} text-right`}>{r.b?.transactionCount ?? '—'}</td>
                    <td className={cell}><DiffMark differs={r.differs} /></td>
                  </tr>
                );
              })}
            </DataTable>
            {c.accounts.map((r) => <AccountTransactions key={r.id} row={r} />)}
          </>
        )}
      </section>

      <section aria-labelledby="cmp-steps" className="space-y-2">
        <h2 id="cmp-steps" className="text-lg font-semibold">Steps</h2>
        <DataTable columns={[{ label: '#', numeric: true }, { label: 'Session A' }, { label: 'Session B' }, { label: 'Difference', srOnly: true }]} testId="compare-steps">
          {c.steps.map((s) => (
            <tr key={s.index} className={s.differs ? DIFF_ROW : undefined}>
              <td className={`${cell} text-right text-slate-500`}>{s.index + 1}</td>
              <StepCell s={s.a} />
              <StepCell s={s.b} />
              <td className={cell}><DiffMark differs={s.differs} /></td>
            </tr>
          ))}
        </DataTable>
      </section>
    </div>
  );
}
