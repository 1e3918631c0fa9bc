import { formatDateTime } from '@/components/session/format';
import type { Inspection } from '@/lib/store/types';

/**
 * "Compare with…" on a session page: a GET form to /compare with this session as A. B is typed or
 * pasted (inspection id or Request ID), or picked from this Login ID's other sessions.
 */
export function CompareWithForm({ inspectionId, siblings }: { inspectionId: string; siblings: Inspection[] }) {
  return (
    <form method="get" action="/compare" className="flex flex-wrap items-end gap-2 text-sm" aria-label="Compare with another session">
      <input type="hidden" name="a" value={inspectionId} />
      <div>
        <label htmlFor="compare-with" className="block text-xs font-medium text-slate-700">Compare with…</label>
        <input
          id="compare-with"
          name="b"
          required
          list="compare-with-sessions"
          autoComplete="off"
          placeholder="Session id or Request ID"
          className="mt-1 block w-64 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-mono text-xs"
        />
        <datalist id="compare-with-sessions">
          {siblings.map((s) => (
            <option key={s.id} value={s.id}>{`${formatDateTime(s.createdAt)} · ${s.status}${s.tag ? ` · ${s.tag}` : ''}`}</option>
          ))}
        </datalist>
      </div>
      <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium text-slate-800 hover:bg-slate-50">
        Compare
      </button>
    </form>
  );
}
