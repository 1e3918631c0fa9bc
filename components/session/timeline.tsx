import type { TimelineStep } from '@/lib/inspector/session-queries';
import { questionsAsked, stepStatusLabel } from '@/lib/inspector/timeline-step-label';
import { CopyCurlButton } from './copy-curl-button';
import { formatDateTime } from './format';

import { OUTCOME_CLASS, STEP_NUMBER_CLASS } from './timeline-colours';

function Json({ label, value }: { label: string; value: unknown }) {
  return (
    <div className="min-w-0">
      <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">{label}</h4>
      <pre className="max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs leading-relaxed text-slate-800">{JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

/**
 * Every exchange with Flinks, in order; each opens to its redacted request and response. Each entry
 * is an h3 ("Step 3 · POST Authorize · 203 MFA required", lib/inspector/timeline-step-label.ts), so
 * screen-reader users can jump from step to step; a step that asked questions lists them (the
 * questions only: answers are never in a response).
 */
export function Timeline({ steps }: { steps: TimelineStep[] }) {
  if (steps.length === 0) return <p className="text-sm text-slate-600">No exchange with Flinks was recorded for this session.</p>;
  return (
    <ol className="space-y-2" aria-label="Exchanges with Flinks">
      {steps.map((s) => {
        const questions = questionsAsked(s.response);
        return (
          <li
            key={s.seq}
            data-testid="timeline-step"
            data-endpoint={s.endpoint}
            data-http-status={s.httpStatus ?? ''}
            data-flinks-code={s.flinksCode ?? ''}
            data-outcome={s.outcome}
            className="min-w-0 rounded-md border border-slate-200 bg-white p-3">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              {/* Inline, not flex: the " · " text between the parts is part of the heading's name. */}
              <h3 className="min-w-0 text-sm font-normal leading-7 text-slate-900">
                <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${STEP_NUMBER_CLASS}`}>Step {s.seq}</span>
                <span className="text-slate-500">{' · '}</span>
                <span className="font-mono text-xs text-slate-600">{s.method}</span> <span className="font-semibold">{s.endpoint}</span>
                <span className="text-slate-500">{' · '}</span>
                <span className={`whitespace-nowrap rounded border px-1.5 py-0.5 font-mono text-xs ${OUTCOME_CLASS[s.outcome] ?? ''}`}>{stepStatusLabel(s)}</span>
              </h3>
              <span className="text-xs text-slate-600">{s.durationMs} ms</span>
              <time dateTime={s.startedAt} className="text-xs text-slate-600 sm:ml-auto">
                {formatDateTime(s.startedAt)}
              </time>
              <CopyCurlButton command={s.curl} seq={s.seq} />
            </div>
            {s.error ? <p className="mt-1 text-sm text-red-700">{s.error}</p> : null}
            {questions.length > 0 ? (
              <div className="mt-2 text-sm text-slate-800" data-testid="questions-asked">
                <p className="font-medium">{questions.length === 1 ? 'Question asked' : `${questions.length} questions asked`}</p>
                <ul className="ml-5 list-disc">
                  {questions.map((q, i) => (
                    <li key={`${i}-${q}`} className="break-words">{q}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <details className="mt-2 group">
              <summary className="cursor-pointer text-xs font-medium text-indigo-700 hover:underline">Request and response</summary>
              <div className="mt-2 grid gap-3 lg:grid-cols-2">
                <Json label="Request (redacted)" value={s.request} />
                <Json label="Response (redacted)" value={s.response} />
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}
