import { HISTORY_UNAVAILABLE_MESSAGE } from '@/lib/store/unavailable';

/** What a page shows instead of its data while the history database is down or hangs. */
export function HistoryUnavailable() {
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950">
      <p className="font-medium">History unavailable</p>
      <p>{HISTORY_UNAVAILABLE_MESSAGE}</p>
    </div>
  );
}
