import 'server-only';
import { formatDateTime } from '@/components/session/format';
import { getStore } from '@/lib/store';
import type { CompareParams } from './compare-params';
import { compareSessions, type Comparison } from './compare-sessions';
import { loadCompareSnapshot, resolveSessionRef } from './session-queries';

/**
 * Two sessions named by /compare's query (or the API's), resolved and compared. One use case for
 * the page and /api/v1, so both refuse the same way: a ref matching no session or several, the same
 * session twice, or one deleted meanwhile is a message, not an exception.
 */
export type LoadedComparison =
  | { ok: true; comparison: Comparison; labels: { a: string; b: string } }
  | { ok: false; reason: 'invalid' | 'not_found'; message: string };

export async function loadComparison(params: CompareParams, now = new Date()): Promise<LoadedComparison> {
  if (!params.ok) return { ok: false, reason: 'invalid', message: params.message };
  const [ra, rb] = await Promise.all([resolveSessionRef(params.a), resolveSessionRef(params.b)]);
  for (const [side, ref, r] of [['A', params.a, ra], ['B', params.b, rb]] as const) {
    if ('matches' in r) {
      const why = r.matches === 0 ? 'matches no session' : 'matches more than one session';
      return { ok: false, reason: r.matches === 0 ? 'not_found' : 'invalid', message: `Session ${side} (“${ref}”) ${why}. Use an inspection id or a Request ID.` };
    }
  }
  const ida = (ra as { id: string }).id;
  const idb = (rb as { id: string }).id;
  if (ida === idb) return { ok: false, reason: 'invalid', message: 'Both name the same session: choose two different sessions to compare.' };

  const [a, b] = await Promise.all([loadCompareSnapshot(ida, now), loadCompareSnapshot(idb, now)]);
  if (!a || !b) return { ok: false, reason: 'not_found', message: 'One of the sessions no longer exists.' };
  const store = await getStore();
  const [ia, ib] = await Promise.all([store.getInspection(ida), store.getInspection(idb)]);
  const label = (i: typeof ia) => (i ? `${formatDateTime(i.createdAt)} · ${i.loginId ?? 'no Login ID'}` : '');
  return { ok: true, comparison: compareSessions(a, b), labels: { a: label(ia), b: label(ib) } };
}
