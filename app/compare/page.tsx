import type { Metadata } from 'next';
import Link from 'next/link';
import { CompareView } from '@/components/compare/compare-view';
import { formatDateTime } from '@/components/session/format';
import { requireViewer } from '@/lib/auth/viewer';
import { parseCompareParams } from '@/lib/inspector/compare-params';
import { compareSessions } from '@/lib/inspector/compare-sessions';
import { loadCompareSnapshot, resolveSessionRef } from '@/lib/inspector/session-queries';
import { getStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Compare sessions · Flinks Session Inspector' };

function Problem({ message }: { message: string }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <h2 className="font-semibold">Cannot compare</h2>
      <p>{message}</p>
      <p><Link href="/sessions" className="text-indigo-700 hover:underline">Go to History</Link></p>
    </div>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('inspection:view', { page: '/compare' });
  const params = parseCompareParams(await searchParams);
  const heading = <h1 className="text-2xl font-semibold tracking-tight">Compare sessions</h1>;
  if (!params.ok) return <div className="space-y-4">{heading}<Problem message={params.message} /></div>;

  const [ra, rb] = await Promise.all([resolveSessionRef(params.a), resolveSessionRef(params.b)]);
  const unresolved = [['A', params.a, ra], ['B', params.b, rb]] as const;
  for (const [side, ref, r] of unresolved) {
    if ('matches' in r) {
      const why = r.matches === 0 ? 'matches no session' : 'matches more than one session';
      return <div className="space-y-4">{heading}<Problem message={`Session ${side} (“${ref}”) ${why}. Use an inspection id or a Request ID.`} /></div>;
    }
  }
  const ida = (ra as { id: string }).id;
  const idb = (rb as { id: string }).id;
  if (ida === idb) return <div className="space-y-4">{heading}<Problem message="Both name the same session: choose two different sessions to compare." /></div>;

  const now = new Date();
  const [a, b] = await Promise.all([loadCompareSnapshot(ida, now), loadCompareSnapshot(idb, now)]);
  if (!a || !b) return <div className="space-y-4">{heading}<Problem message="One of the sessions no longer exists." /></div>;
  const store = await getStore();
  const [ia, ib] = await Promise.all([store.getInspection(ida), store.getInspection(idb)]);
  const label = (i: typeof ia) => (i ? `${formatDateTime(i.createdAt)} · ${i.loginId ?? 'no Login ID'}` : '');

  return (
    <div className="space-y-4">
      {heading}
      <CompareView c={compareSessions(a, b)} labels={{ a: label(ia), b: label(ib) }} />
      <p className="text-sm">
        <Link href="/sessions" className="text-indigo-700 hover:underline">← All sessions</Link>
      </p>
    </div>
  );
}
