'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { reopenSessionAction } from '@/app/sessions/actions';
import { ErrorPanel } from '@/components/error-panel';
import { formatCountdown, type Expiry } from '@/lib/inspector/session-expiry';

/** The RequestId's idle countdown, and the one-click way out once it has lapsed (D3). */
export function ExpiryBanner({ inspectionId, expiry, canReopen }: { inspectionId: string; expiry: Expiry | null; canReopen: boolean }) {
  const router = useRouter();
  const reopen = useMutation({
    mutationFn: () => reopenSessionAction({ inspectionId }),
    onSuccess: (r) => {
      if (r.kind === 'reopened') router.push(`/sessions/${r.inspectionId}`);
    },
  });

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
  const failure = reopen.data?.kind === 'error' ? reopen.data.error : reopen.error ? { kind: 'app' as const, message: 'Reopening failed. Try again.' } : null;
  return (
    <div data-testid="expiry" role="region" aria-label="Session expired" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <p className="font-semibold">This session has expired.</p>
      <p>
        {expiry.reason === 'flinks'
          ? 'Flinks no longer knows this RequestId (SESSION_NONEXISTENT).'
          : 'Its RequestId sat idle for more than 8 minutes, so Flinks has ended it.'}{' '}
        {canReopen ? 'Reopen the same Login ID in cached mode as a new session linked to this one.' : 'It has no Login ID to reopen: start a new session.'}
      </p>
      {canReopen ? (
        <button
          type="button"
          onClick={() => reopen.mutate()}
          disabled={reopen.isPending || reopen.data?.kind === 'reopened'}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:bg-indigo-300"
        >
          {reopen.isPending || reopen.data?.kind === 'reopened' ? 'Reopening…' : 'Reopen'}
        </button>
      ) : null}
      {failure ? <ErrorPanel error={failure} /> : null}
    </div>
  );
}
