'use client';

import { useEffect, useState } from 'react';

/** Long live logins: after ~1 s, say that work is in progress and for how long. */
export function WorkingIndicator({ active, label }: { active: boolean; label: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    if (!active) return;
    const started = Date.now();
    const timer = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 250);
    return () => {
      clearInterval(timer);
      setSeconds(0);
    };
  }, [active]);
  // The live region stays mounted so screen readers hear the updates inside it.
  return (
    <p role="status" aria-live="polite" className="flex items-center gap-2 text-sm text-slate-700 empty:m-0">
      {active && seconds >= 1 ? (
        <>
          <span aria-hidden="true" className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-600 border-t-transparent" />
          {label}… {seconds} s elapsed
        </>
      ) : null}
    </p>
  );
}
