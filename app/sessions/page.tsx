import type { Metadata } from 'next';
import Link from 'next/link';
import { HistoryFilters } from '@/components/history/history-filters';
import { HistoryTable } from '@/components/history/history-table';
import { HISTORY_PAGE_SIZE, hasFilters, historyPaging, parseHistoryParams } from '@/lib/inspector/history-filter';
import { requireViewer } from '@/lib/auth/viewer';
import { getStore } from '@/lib/store';
import { unlessUnavailable } from '@/lib/store/unavailable';
import { HistoryUnavailable } from '@/components/history/history-unavailable';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'History · Flinks Session Inspector' };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('inspection:view', { page: '/sessions' });
  const query = parseHistoryParams(await searchParams);
  const listed = await unlessUnavailable(async () => (await getStore()).listInspections(query.filter, { cursor: query.cursor, limit: HISTORY_PAGE_SIZE }));
  if (!listed.ok) return <HistoryUnavailable />;
  const page = listed.value;
  const filtered = hasFilters(query.values);
  const paging = historyPaging(query, page.nextCursor);
  const pageLink = 'rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">History</h1>
          <p className="text-sm text-slate-600">Every session attempt, newest first. Filters live in the URL: share the link to share the view.</p>
        </div>
        <Link href="/" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">New session</Link>
      </div>
      <HistoryFilters values={query.values} problems={query.problems} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {page.items.length} session{page.items.length === 1 ? '' : 's'} on this page{filtered ? ' (filtered)' : ''}.
      </p>
      <HistoryTable items={page.items} />
      <nav aria-label="History pages" className="flex flex-wrap justify-between gap-2 text-sm">
        <div className="flex gap-2">
          {paging.newest ? <Link href={paging.newest} className={pageLink}>Newest</Link> : null}
          {paging.newer ? <Link href={paging.newer} className={pageLink}>Newer</Link> : null}
        </div>
        {paging.older ? <Link href={paging.older} className={pageLink}>Older</Link> : null}
      </nav>
    </div>
  );
}
