'use client';

import { reopenSessionAction } from '@/app/sessions/actions';
import { ErrorPanel } from '@/components/error-panel';
import { useFocusOnAppear } from '@/components/inspector/use-focus-on-appear';
import { formatCountdown, type Expiry } from '@/lib/inspector/session-expiry';
import { RerunForm } from './rerun-form';
import { useRerun } from './use-rerun';

const HEADING = 'reopen-form-heading';

/**
 * The RequestId's idle countdown, and the one-click way out once it has lapsed (D3): Reopen in the
 * session's own mode. Cached reopens the Login ID at once; live asks for the password first (the
 * server answers needs_password with the stored inputs, shown in the same form as Run again).
 */
export function ExpiryBanner({ inspectionId, expiry, canReopen }: { inspectionId: string; expiry: Expiry | null; canReopen: boolean }) {
  const r = useRerun(reopenSessionAction, inspectionId);
  useFocusOnAppear(r.asked ? 'form' : 'button', r.asked ? HEADING : null);

  if (!expiry || expiry.state === 'none') return null;
  if (expiry.state === 'active') {
    const low = expiry.remainingMs < 60_000;
    return (
      <p data-testid="expiry" className={`rounded-md border px-3 py-2 text-sm ${low ? 'border-amber-300 bg-amber-50 text-amber-950' : 'border-slate-200 bg-white text-slate-700'}`}>
        RequestId expires in <strong className="font-mono tabular-nums" role="timer">{formatCountdown(expiry.remainingMs)}</strong> without activity.
        <span className="text-slate-500"> Each call to Flinks resets the 8-minute clock.</span>
      </p>
    );
  }
  return (
    <div data-testid="expiry" role="region" aria-label="Session expired" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">This session has expired.</p>
      <p>
        {expiry.reason === 'flinks'
          ? 'Flinks no longer knows this RequestId (SESSION_NONEXISTENT).'
          : 'Its RequestId sat idle for more than 8 minutes, so Flinks has ended it.'}{' '}
        {canReopen ? 'Reopen it in the same mode as a new session linked to this one.' : 'It has no Login ID to reopen: start a new session.'}
      </p>
      {canReopen && !r.asked ? (
        <button
          type="button"
          onClick={() => void r.run()}
          disabled={r.pending}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:bg-indigo-300"
        >
          {r.pending ? 'Reopening…' : 'Reopen'}
        </button>
      ) : null}
      {r.asked ? (
        <div className="rounded-md border border-amber-200 bg-white p-3 text-slate-900">
          <RerunForm inputs={r.asked} verb="Reopen" headingId={HEADING} pending={r.pending} errors={r.fieldErrors} onSubmit={(typed) => void r.run(typed)} onCancel={r.cancel} />
        </div>
      ) : null}
      {r.error ? <ErrorPanel error={r.error} /> : null}
    </div>
  );
}
