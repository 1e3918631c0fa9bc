import Link from 'next/link';
import type { Inspection } from '@/lib/store/types';
import { CopyButton } from '@/components/ui/copy-button';
import { flinksUtcToIso, formatDateTime, StatusBadge } from './format';
import { RelativeTime } from './relative-time';

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-0.5 flex min-w-0 items-center gap-2 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

/** An id in monospace with its one-click copy, or a dash when Flinks never gave one. */
function IdField({ label, value, testId }: { label: string; value: string | null; testId: string }) {
  return (
    <Field label={label}>
      {value ? (
        <>
          <span className="truncate font-mono text-xs" data-testid={testId}>{value}</span>
          <CopyButton value={value} label={label} />
        </>
      ) : (
        '—'
      )}
    </Field>
  );
}

/** LastRefresh: the age of the data, relative and local with UTC on hover; as Flinks wrote it when unreadable. */
function LastRefresh({ value }: { value: string | null }) {
  const iso = value ? flinksUtcToIso(value) : null;
  return <Field label="LastRefresh">{iso ? <RelativeTime iso={iso} testId="last-refresh" /> : value ? <span data-testid="last-refresh">{value} (UTC)</span> : '—'}</Field>;
}

const LANGUAGES: Record<string, string> = { en: 'English', fr: 'French' };

export function SessionHeader({ inspection: i, lastRefresh = null, persona = null }: { inspection: Inspection; lastRefresh?: string | null; persona?: string | null }) {
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">Session {i.id.slice(0, 8)}</h1>
        <StatusBadge status={i.status} />
        <span className="text-sm text-slate-600">
          {i.mode} · {i.environment}
          {i.institution ? ` · ${i.institution}` : ''}
        </span>
      </div>
      {i.parentId ? (
        <p className="text-sm text-slate-700">
          Reopened from{' '}
          <Link prefetch={false} href={`/sessions/${i.parentId}`} className="text-indigo-700 hover:underline">
            session {i.parentId.slice(0, 8)}
          </Link>
          .
        </p>
      ) : null}
      <dl className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
        <IdField label="Request ID" value={i.requestId} testId="request-id" />
        <IdField label="Login ID" value={i.loginId} testId="login-id" />
        <LastRefresh value={lastRefresh} />
        <Field label="Environment">{i.environment}</Field>
        <Field label="Mode">{i.mode}</Field>
        <Field label="Language">{i.language ? (LANGUAGES[i.language] ?? i.language) : '—'}</Field>
        {persona ? <Field label="Persona">{persona}</Field> : null}
        <Field label="Tag">{i.tag ?? '—'}</Field>
        <Field label="Username">{i.username ?? '—'}</Field>
        <Field label="Started">{formatDateTime(i.createdAt)}</Field>
        <Field label="Last activity">{formatDateTime(i.lastActivityAt)}</Field>
        <Field label="Opened by">{i.openedByEmail ?? '—'}</Field>
        {i.flinksCode ? <Field label="Last FlinksCode"><span className="font-mono text-xs">{i.flinksCode}</span></Field> : null}
      </dl>
    </header>
  );
}
