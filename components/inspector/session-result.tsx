import Link from 'next/link';
import type { SessionView } from '@/lib/inspector/views';
import { CopyButton } from '@/components/ui/copy-button';

type Row = { term: string; value: string | null; copy?: boolean };

function rows(s: SessionView): Row[] {
  return [
    { term: 'Request ID', value: s.requestId, copy: true },
    { term: 'Login ID', value: s.loginId, copy: true },
    { term: 'Username', value: s.username },
    { term: 'Login type', value: s.loginType },
    // Flinks sends LastRefresh in UTC without a zone suffix (§4.1).
    { term: 'Last refresh', value: s.lastRefresh ? `${s.lastRefresh} (UTC)` : null },
    { term: 'Scheduled refresh', value: s.isScheduledRefresh === null ? null : s.isScheduledRefresh ? 'On' : 'Off' },
    { term: 'Institution', value: s.institutionName ?? s.institution },
    { term: 'Institution ID', value: s.institutionId === null ? null : String(s.institutionId) },
    { term: 'Tag', value: s.tag },
  ];
}

export function SessionResult({ inspectionId, session }: { inspectionId: string; session: SessionView }) {
  return (
    <section aria-labelledby="result-heading" className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="result-heading" tabIndex={-1} className="focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 text-lg font-semibold text-green-800">
          Session opened
        </h2>
        <Link prefetch={false} href={`/sessions/${inspectionId}`} className="text-sm font-medium text-indigo-700 underline hover:text-indigo-900">
          Open session page
        </Link>
      </div>
      <dl className="divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
        {rows(session).map((r) => (
          <div key={r.term} className="grid gap-1 px-3 py-2 sm:grid-cols-[10rem_1fr] sm:gap-4">
            <dt className="font-medium text-slate-600">{r.term}</dt>
            <dd className="flex min-w-0 items-center gap-2 text-slate-900">
              <span className={`min-w-0 break-all ${r.copy ? 'font-mono text-xs sm:text-sm' : ''}`}>{r.value ?? '—'}</span>
              {r.copy && r.value ? <CopyButton value={r.value} label={r.term} /> : null}
            </dd>
          </div>
        ))}
      </dl>
      <div>
        <h3 className="text-base font-semibold text-slate-900">Links</h3>
        {session.links.length === 0 ? (
          <p className="text-sm text-slate-600">Flinks returned no links.</p>
        ) : (
          <ul className="mt-1 divide-y divide-slate-200 rounded-md border border-slate-200 bg-white text-sm">
            {session.links.map((l) => (
              <li key={`${l.rel}-${l.href}`} className="flex flex-col gap-0.5 px-3 py-2 sm:flex-row sm:justify-between sm:gap-2">
                <span className="font-medium text-slate-800">{l.rel}</span>
                <code className="break-all text-slate-600">{l.href}</code>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
