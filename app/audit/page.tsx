import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditFilters } from '@/components/audit/audit-filters';
import { AuditTable } from '@/components/audit/audit-table';
import { AUDIT_PAGE_SIZE, auditExportHref, auditPaging, hasAuditFilters, parseAuditParams } from '@/lib/audit/audit-filter';
import { listAuditEvents } from '@/lib/audit/query';
import { requireViewer } from '@/lib/auth/viewer';
import { getDatabase } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit trail · Flinks Session Inspector' };

const button = 'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50';

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('audit:view', { page: '/audit' });
  const query = parseAuditParams(await searchParams);
  const { db } = await getDatabase();
  const page = await listAuditEvents(db, query.filter, { cursor: query.cursor, limit: AUDIT_PAGE_SIZE });
  const paging = auditPaging(query, page.nextCursor);
  const filtered = hasAuditFilters(query.values);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight">Audit trail</h1>
          <p className="text-sm text-slate-600">Who did what, newest first. Recorded events cannot be changed or removed.</p>
        </div>
        {/* Exports take every page of the current filters, not just the rows below. */}
        <div role="group" aria-label="Export" className="flex flex-wrap gap-2">
          <a href={auditExportHref(query.values, 'jsonl')} className={button} download>Export JSON Lines</a>
          <a href={auditExportHref(query.values, 'csv')} className={button} download>Export CSV</a>
        </div>
      </div>
      <AuditFilters values={query.values} problems={query.problems} emptyRange={query.emptyRange} />
      <p className="text-sm text-slate-600" aria-live="polite">
        {page.items.length} event{page.items.length === 1 ? '' : 's'} on this page{filtered ? ' (filtered)' : ''}.
      </p>
      <AuditTable items={page.items} />
      <nav aria-label="Audit pages" className="flex flex-wrap justify-between gap-2 text-sm">
        <div className="flex gap-2">
          {paging.newest ? <Link prefetch={false} href={paging.newest} className={button}>Newest</Link> : null}
          {paging.newer ? <Link prefetch={false} href={paging.newer} className={button}>Newer</Link> : null}
        </div>
        {paging.older ? <Link prefetch={false} href={paging.older} className={button}>Older</Link> : null}
      </nav>
    </div>
  );
}
