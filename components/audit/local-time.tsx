'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * An instant shown as ISO UTC (the same text on server and client, and what the export says),
 * with the viewer's local time on hover. The local text only exists in the browser: the server
 * snapshot is null, so hydration never disagrees.
 */
export function LocalTime({ iso }: { iso: string }) {
  const local = useSyncExternalStore(
    never,
    () => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'long' }),
    () => null,
  );
  return (
    <time dateTime={iso} title={local ? `Local: ${local}` : undefined} className="font-mono text-xs">
      {iso.replace('T', ' ').replace(/\.\d{3}Z$/, 'Z')}
    </time>
  );
}
