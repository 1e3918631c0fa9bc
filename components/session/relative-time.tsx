'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';

const never = () => () => {};

/** "5 min ago", "3 days ago": coarse on purpose, it says how old the data is. */
export function relativeTo(thenMs: number, nowMs: number): string {
  const s = Math.round((nowMs - thenMs) / 1000);
  const future = s < 0;
  const a = Math.abs(s);
  const [n, unit] = a < 60 ? [a, 's'] : a < 3600 ? [Math.floor(a / 60), 'min'] : a < 86_400 ? [Math.floor(a / 3600), 'h'] : [Math.floor(a / 86_400), a < 172_800 ? 'day' : 'days'];
  return future ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

/**
 * An instant shown relative ("3 days ago") and exact in the viewer's local time, with UTC on hover.
 * The server renders the UTC text (the same everywhere); the relative and local texts exist only in
 * the browser (the server snapshot is null), so hydration never disagrees. Refreshed every 30 s.
 */
export function RelativeTime({ iso, testId }: { iso: string; testId?: string }) {
  const local = useSyncExternalStore(never, () => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }), () => null);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const t = setInterval(tick, 30_000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
    // A new instant (fetched again) is measured from a fresh now, never from before it.
  }, [iso]);
  const utc = `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
  return (
    <time dateTime={iso} title={utc} data-testid={testId} className="min-w-0">
      {local && now !== null ? `${relativeTo(Date.parse(iso), now)} · ${local}` : utc}
    </time>
  );
}

