/** Formatting shared by the session and history pages. UTC everywhere: the same text on server and client. */

export function formatDateTime(value: Date | string | null): string {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return '—';
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)} UTC`;
}

export function formatTime(value: Date | string): string {
  return new Date(value).toISOString().slice(11, 23);
}

export function formatMoney(n: number | null, currency: string | null): string {
  if (n === null) return '—';
  try {
    return new Intl.NumberFormat('en-CA', { style: 'currency', currency: currency || 'CAD' }).format(n);
  } catch {
    return n.toFixed(2);
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const STATUS_LOOK: Record<string, string> = {
  authorized: 'bg-emerald-50 text-emerald-800 border-emerald-200',
  mfa_pending: 'bg-amber-50 text-amber-900 border-amber-200',
  in_progress: 'bg-slate-50 text-slate-700 border-slate-200',
  failed: 'bg-red-50 text-red-800 border-red-200',
  expired: 'bg-zinc-100 text-zinc-700 border-zinc-300',
};

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium ${STATUS_LOOK[status] ?? STATUS_LOOK.in_progress}`}>
      {status.replace('_', ' ')}
    </span>
  );
}

export function formatDuration(ms: number): string {
  if (ms >= 60_000) return `${Math.round(ms / 6_000) / 10} min`;
  return `${Math.round(ms / 100) / 10} s`;
}

/** Flinks' LastRefresh is UTC without a zone suffix (docs/flinks-api.md §4.1): read it as UTC. */
export function flinksUtcToIso(value: string): string | null {
  const withZone = /(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}
