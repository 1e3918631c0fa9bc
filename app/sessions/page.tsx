import type { Metadata } from 'next';
import Link from 'next/link';
import { CompareButton } from '@/components/history/compare-button';
import { HistoryFilters } from '@/components/history/history-filters';
import { HistoryTable, type HistoryRow } from '@/components/history/history-table';
import { HISTORY_PAGE_SIZE, hasFilters, historyPaging, historyShortcuts, parseHistoryParams } from '@/lib/inspector/history-filter';
import { personaOf, problemLabel } from '@/lib/inspector/problem-label';
import { displayStatus } from '@/lib/inspector/session-expiry';
import { requireViewer } from '@/lib/auth/viewer';
import { getStore } from '@/lib/store';
import { unlessUnavailable } from '@/lib/store/unavailable';
import { HistoryUnavailable } from '@/components/history/history-unavailable';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'History · Flinks Session Inspector' };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('inspection:view', { page: '/sessions' });
  const query = parseHistoryParams(await searchParams);
  const listed = await unlessUnavailable(async () => {
    const store = await getStore();
    const [page, total] = await Promise.all([
      store.listInspections(query.filter, { cursor: query.cursor, limit: HISTORY_PAGE_SIZE }),
      store.countInspections(query.filter),
    ]);
    const failures = new Map((await store.lastFailures(page.items.map((i) => i.id))).map((f) => [f.inspectionId, f]));
    return { page, total, failures };
  });
  if (!listed.ok) return <HistoryUnavailable />;
  const { page, total, failures } = listed.value;
  const now = new Date();
  const rows: HistoryRow[] = page.items.map((i) => ({
    ...i,
    shownStatus: displayStatus(i, now),
    persona: personaOf(i.username),
    problem: problemLabel(failures.get(i.id), i.flinksCode),
  }));
  const filtered = hasFilters(query.values);
  const paging = historyPaging(query, page.nextCursor);
  const shortcuts = historyShortcuts(query.values, now);
  const pageLink = 'rounded border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50';

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">History</h1>
          <p className="text-sm text-slate-600">Every session attempt, newest first. Filters live in the URL: share the link to share the view.</p>
        </div>
        <Link prefetch={false} href="/" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">New session</Link>
      </div>
      <HistoryFilters values={query.values} problems={query.problems} shortcuts={shortcuts} />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-700" aria-live="polite" data-testid="history-total">
          <strong>{total}</strong> session{total === 1 ? '' : 's'} match{total === 1 ? 'es' : ''}{filtered ? ' these filters' : ''}
          {total > rows.length ? ` (${rows.length} on this page)` : ''}.
        </p>
        <CompareButton />
      </div>
      <HistoryTable items={rows} />
      <nav aria-label="History pages" className="flex flex-wrap justify-between gap-2 text-sm">
        <div className="flex gap-2">
          {paging.newest ? <Link prefetch={false} href={paging.newest} className={pageLink}>Newest</Link> : null}
          {paging.newer ? <Link prefetch={false} href={paging.newer} className={pageLink}>Newer</Link> : null}
        </div>
        {paging.older ? <Link prefetch={false} href={paging.older} className={pageLink}>Older</Link> : null}
      </nav>
    </div>
  );
}
