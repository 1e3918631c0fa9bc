'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * An instant shown as ISO UTC (the same text on server and client, and what the export says),
 * date over time to keep the column narrow, with the viewer's local time on hover. The local text
 * only exists in the browser: the server snapshot is null, so hydration never disagrees.
 */
export function LocalTime({ iso }: { iso: string }) {
  const local = useSyncExternalStore(
    never,
    () => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' }),
    () => null,
  );
  return (
    <time dateTime={iso} title={local ? `Local: ${local}` : undefined} className="font-mono text-xs">
      <span className="block">{iso.slice(0, 10)}</span>
      <span className="block">{iso.slice(11, 19)}Z</span>
    </time>
  );
}
