'use client';

import { useEffect, useState } from 'react';

/**
 * Live progress of a call to Flinks: the seconds elapsed against the configured limit
 * (FLINKS_TIMEOUT_MS, per call), "Cancel" (aborts the upstream call; the step is recorded as
 * cancelled) and "Open the inspection" while it waits. The elapsed text and the link appear after
 * ~1 s, Cancel at once; the controls sit outside the live region so the ticking does not re-announce
 * them. The link waits because the session's row is written by the action it links from: followed at
 * once, it could reach the session page before the row exists ("Not found", seen in CI under load).
 */
export function WorkingIndicator({
  active,
  label,
  limitMs,
  onCancel,
  cancelling = false,
  inspectionId = null,
  since,
}: {
  active: boolean;
  label: string;
  limitMs?: number;
  onCancel?: () => void;
  cancelling?: boolean;
  inspectionId?: string | null;
  /** When the call started, if before this component appeared (a session page opened mid-call). */
  since?: number;
}) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const started = since ?? Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [active, since]);
  const limit = limitMs ? ` of ${Math.round(limitMs / 1000)} s` : '';
  return (
    <div className="space-y-2 empty:hidden">
      {/* The live region stays mounted so screen readers hear the updates inside it. */}
      <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm text-slate-700 empty:m-0">
        {active && seconds >= 1 ? (
          <>
            <span aria-hidden="true" className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" />
            {cancelling ? 'Cancelling…' : `${label}… ${seconds} s${limit} elapsed`}
          </>
        ) : null}
      </p>
      {active && (onCancel || inspectionId) ? (
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {onCancel ? (
            <button
              type="button"
              onClick={onCancel}
              disabled={cancelling}
              className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 disabled:cursor-not-allowed disabled:text-slate-400"
            >
              Cancel
            </button>
          ) : null}
          {inspectionId && seconds >= 1 ? (
            // A plain link, not next/link: the router queues navigations behind the pending server action.
            // The call goes on on the server; the session page follows it (and can Cancel it).
            <a href={`/sessions/${inspectionId}`} className="text-indigo-700 underline hover:text-indigo-900">
              Open the inspection
            </a>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
