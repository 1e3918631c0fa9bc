import type { Metadata } from 'next';
import Link from 'next/link';
import { CompareView } from '@/components/compare/compare-view';
import { requireViewer } from '@/lib/auth/viewer';
import { parseCompareParams } from '@/lib/inspector/compare-params';
import { loadComparison } from '@/lib/inspector/load-comparison';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Compare sessions · Flinks Session Inspector' };

function Problem({ message }: { message: string }) {
  return (
    <div role="alert" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
      <h2 className="font-semibold">Cannot compare</h2>
      <p>{message}</p>
      <p><Link prefetch={false} href="/sessions" className="text-indigo-700 hover:underline">Go to History</Link></p>
    </div>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('inspection:view', { page: '/compare' });
  const params = parseCompareParams(await searchParams);
  const heading = <h1 className="text-2xl font-semibold tracking-tight">Compare sessions</h1>;
  const loaded = await loadComparison(params);
  if (!loaded.ok) return <div className="space-y-4">{heading}<Problem message={loaded.message} /></div>;
  return (
    <div className="space-y-4">
      {heading}
      <CompareView c={loaded.comparison} labels={loaded.labels} />
      <p className="text-sm">
        <Link prefetch={false} href="/sessions" className="text-indigo-700 hover:underline">← All sessions</Link>
      </p>
    </div>
  );
}
