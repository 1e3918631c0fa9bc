import { redirect } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { parseSearch } from '@/lib/inspector/search-query';
import { getStore } from '@/lib/store';

export const dynamic = 'force-dynamic';

/**
 * Where the header's Search lands: straight to the session when exactly one matches (a pasted
 * Request ID), else History filtered by the same prefix, which shows the count and "No session
 * matches" when there are none. It renders nothing itself.
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer('inspection:view', { page: '/search' });
  const q = parseSearch((await searchParams).q);
  if (!q) redirect('/sessions');
  const store = await getStore();
  const { items } = await store.listInspections({ anyPrefix: q }, { limit: 2 });
  if (items.length === 1) redirect(`/sessions/${items[0]!.id}`);
  redirect(`/sessions?${new URLSearchParams({ q }).toString()}`);
}
