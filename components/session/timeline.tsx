import type { TimelineStep } from '@/lib/inspector/session-queries';
import { CopyCurlButton } from './copy-curl-button';
import { formatDateTime } from './format';

const OUTCOME_LOOK: Record<string, string> = {
  ok: 'border-emerald-300 bg-emerald-50 text-emerald-800',
  mfa_required: 'border-amber-300 bg-amber-50 text-amber-900',
  pending: 'border-sky-300 bg-sky-50 text-sky-900',
  flinks_error: 'border-red-300 bg-red-50 text-red-800',
  transport_error: 'border-red-300 bg-red-50 text-red-800',
  cancelled: 'border-zinc-300 bg-zinc-100 text-zinc-700',
};

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</h4>
      <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs leading-relaxed text-slate-800">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/** Every exchange with Flinks, in order; each opens to its redacted request and response. */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  if (steps.length === 0) return <p className="text-sm text-slate-600">No exchange with Flinks was recorded for this session.</p>;
  return (
    <ol className="space-y-2" aria-label="Exchanges with Flinks">
      {steps.map((s) => (
        <li
          key={s.seq}
          data-testid="timeline-step"
          data-endpoint={s.endpoint}
          data-http-status={s.httpStatus ?? ''}
          data-flinks-code={s.flinksCode ?? ''}
          data-outcome={s.outcome}
          className="min-w-0 rounded-md border border-slate-200 bg-white p-3">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
            <span className="w-6 text-right font-mono text-xs text-slate-400">{s.seq}</span>
            <span className="font-mono text-xs text-slate-500">{s.method}</span>
            <span className="font-semibold text-slate-900">{s.endpoint}</span>
            <span className={`rounded border px-1.5 py-0.5 font-mono text-xs ${OUTCOME_LOOK[s.outcome] ?? ''}`}>
              <span className="sr-only">HTTP status </span>
              {s.httpStatus ?? 'no answer'}
            </span>
            {s.flinksCode ? <span className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">{s.flinksCode}</span> : null}
            <span className="text-xs text-slate-500">{s.durationMs} ms</span>
            <time dateTime={s.startedAt} className="text-xs text-slate-500 sm:ml-auto">
              {formatDateTime(s.startedAt)}
            </time>
            <CopyCurlButton command={s.curl} seq={s.seq} />
          </div>
          {s.error ? <p className="mt-1 text-sm text-red-700">{s.error}</p> : null}
          <details className="mt-2 group">
            <summary className="cursor-pointer text-xs font-medium text-indigo-700 hover:underline">Request and response</summary>
            <div className="mt-2 grid gap-3 lg:grid-cols-2">
              <Json label="Request (redacted)" value={s.request} />
              <Json label="Response (redacted)" value={s.response} />
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
