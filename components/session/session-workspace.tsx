'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { followLinkAction } from '@/app/sessions/actions';
import { ErrorPanel } from '@/components/error-panel';
import { requestCancel } from '@/components/inspector/request-cancel';
import { WorkingIndicator } from '@/components/inspector/working-indicator';
import { revealHolderDataAction } from '@/app/sessions/reveal-action';
import type { AccountView, StatementView } from '@/lib/inspector/data-views';
import type { FollowResult, LinkKind } from '@/lib/inspector/follow-link';
import { DEFAULT_FOLLOW_OPTIONS, type FollowOptions } from '@/lib/inspector/follow-options';
import { computeExpiry } from '@/lib/inspector/session-expiry';
import type { Fetched, StoredData, StoredFailure } from '@/lib/inspector/stored-session-data';
import type { ErrorView } from '@/lib/inspector/views';
import { AccountsTable } from './accounts-table';
import { DetailPoller, type Polling } from './detail-poller';
import { ExpiryBanner } from './expiry-banner';
import { formatDateTime } from './format';
import { FetchOptions } from './fetch-options';
import { HolderDetails } from './holder-details';
import { RelativeTime } from './relative-time';
import { StatementsList } from './statements-list';
import { TransactionsTable } from './transactions-table';

export type WorkspaceProps = {
  inspectionId: string;
  /** Authorized with a RequestId: the Links can be followed. */
  followable: boolean;
  /** Why not, in words (failed with a FlinksCode, waiting for MFA…). */
  notFollowableReason: string;
  requestId: string | null;
  lastActivityAt: string | null;
  lastFlinksCode: string | null;
  canReopen: boolean;
  /** pii:reveal, on an inspection the viewer may act on. */
  canReveal: boolean;
  polling: Polling;
  /** Data already fetched, rebuilt from the stored steps: shown without calling Flinks again. */
  stored?: StoredData;
  /** The newest failure, explained with the full card (as on /). */
  lastFailure?: StoredFailure | null;
  /** FLINKS_TIMEOUT_MS: the limit of one call, for the live progress and the Refresh cost. */
  timeoutMs?: number;
  /** Owner or act_for_others: may press Cancel. */
  canCancel?: boolean;
  /** Still being opened (in_progress) since this instant: live progress with Cancel until it settles. */
  openingSince?: string | null;
};

type Results = { summary?: Fetched<AccountView[]>; detail?: Fetched<AccountView[]>; statements?: Fetched<StatementView[]> };
type Failure = { error: ErrorView; endpoint: string | null; at: string | null };

const LINKS: { kind: LinkKind; label: string; endpoint: string }[] = [
  { kind: 'summary', label: 'Accounts summary', endpoint: 'GetAccountsSummary' },
  { kind: 'detail', label: 'Accounts detail', endpoint: 'GetAccountsDetail' },
  { kind: 'statements', label: 'Statements', endpoint: 'GetStatements' },
];

function initialResults(stored: StoredData | undefined): Results {
  return {
    ...(stored?.summary ? { summary: stored.summary } : {}),
    ...(stored?.detail ? { detail: stored.detail } : {}),
    ...(stored?.statements ? { statements: stored.statements } : {}),
  };
}

/** What "Refresh" costs, said before it is pressed. */
function costOf(kind: LinkKind, timeoutMs: number, polling: Polling): string {
  const limit = `may take up to ${Math.round(timeoutMs / 1000)} s`;
  switch (kind) {
    case 'summary':
      return `Calls Flinks again: GetAccountsSummary, ${limit}.`;
    case 'detail':
      return `Calls Flinks again: GetAccountsDetail, ${limit}; while Flinks answers 202, GetAccountsDetailAsync every ${Math.round(polling.intervalMs / 1000)} s.`;
    case 'statements':
      return `Calls Flinks again: GetStatements, ${limit}; downloads the PDF files again.`;
  }
}

export function SessionWorkspace(p: WorkspaceProps) {
  const router = useRouter();
  const timeoutMs = p.timeoutMs ?? 60_000;
  const [now, setNow] = useState<number | null>(null);
  const [results, setResults] = useState<Results>(() => initialResults(p.stored));
  const [busy, setBusy] = useState<LinkKind | null>(null);
  const [cancelling, setCancelling] = useState(false);
  // A detail still being polled when the page was loaded resumes (no silent wait): from its first 202.
  const resumedSince = p.followable && p.stored?.detailPendingSince ? Date.parse(p.stored.detailPendingSince) : null;
  const [pollingSince, setPollingSince] = useState<number | null>(resumedSince);
  const [resumed, setResumed] = useState(resumedSince !== null);
  const [failure, setFailure] = useState<Failure | null>(p.lastFailure ? { error: p.lastFailure.error, endpoint: p.lastFailure.endpoint, at: p.lastFailure.at } : null);
  const [options, setOptions] = useState<FollowOptions>(DEFAULT_FOLLOW_OPTIONS);

  useEffect(() => {
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0);
    const t = setInterval(tick, 1000);
    return () => {
      clearTimeout(first);
      clearInterval(t);
    };
  }, []);

  // While the session is still being opened (elsewhere: /, another tab or instance), follow it until it settles.
  useEffect(() => {
    if (!p.openingSince) return;
    const t = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(t);
  }, [p.openingSince, router]);

  // The clock only starts on the client (no server/client mismatch); Flinks' answer counts at once.
  const expiry = now === null ? null : computeExpiry({ requestId: p.requestId, lastActivityAt: p.lastActivityAt, lastFlinksCode: p.lastFlinksCode, now: new Date(now) });
  const expired = expiry?.state === 'expired';

  const apply = useCallback((r: FollowResult) => {
    setFailure(null);
    const at = new Date().toISOString();
    switch (r.kind) {
      case 'accounts':
        setResults((prev) => ({ ...prev, [r.link]: { data: r.accounts, fetchedAt: at } }));
        if (r.link === 'detail') setPollingSince(null);
        break;
      case 'statements':
        setResults((prev) => ({ ...prev, statements: { data: r.statements, fetchedAt: at } }));
        break;
      case 'pending':
        setResumed(false);
        setPollingSince(Date.now());
        break;
      case 'expired':
      case 'error':
        setPollingSince(null);
        setFailure({ error: r.error, endpoint: null, at: null });
        break;
    }
  }, []);

  async function follow(kind: LinkKind) {
    setBusy(kind);
    setCancelling(false);
    try {
      apply(await followLinkAction({ inspectionId: p.inspectionId, link: kind, options }));
    } catch {
      setFailure({ error: { kind: 'app', message: 'The dashboard could not reach its server. Try again.' }, endpoint: null, at: null });
    } finally {
      setBusy(null);
      setCancelling(false);
      router.refresh();
    }
  }

  // Cancel: the server aborts the call; the pending action then answers "cancelled".
  async function cancel() {
    setCancelling(true);
    try {
      if (!(await requestCancel(p.inspectionId))) setCancelling(false);
    } catch {
      setCancelling(false);
    }
    if (p.openingSince) router.refresh();
  }

  const busyLink = LINKS.find((l) => l.kind === busy);
  const refresh = (kind: LinkKind) => ({
    onRefresh: () => void follow(kind),
    disabled: !p.followable || busy !== null || expired || (kind === 'detail' && pollingSince !== null),
    cost: costOf(kind, timeoutMs, p.polling),
  });

  return (
    <div className="space-y-4">
      <ExpiryBanner inspectionId={p.inspectionId} expiry={expiry} canReopen={p.canReopen} />
      {p.openingSince ? (
        <section aria-labelledby="opening-heading" className="space-y-2 rounded-lg border border-sky-200 bg-sky-50 p-4">
          <h2 id="opening-heading" className="text-lg font-semibold text-sky-950">Waiting for Flinks</h2>
          <p className="text-sm text-sky-950">This session is being opened (GenerateAuthorizeToken, then Authorize); this page follows it until Flinks answers.</p>
          <WorkingIndicator
            active
            since={Date.parse(p.openingSince)}
            label="Opening the session"
            limitMs={timeoutMs}
            onCancel={p.canCancel ? () => void cancel() : undefined}
            cancelling={cancelling}
          />
        </section>
      ) : null}
      <section aria-labelledby="links-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="links-heading" className="text-lg font-semibold">Follow the Links</h2>
        {p.followable ? <FetchOptions value={options} onChange={setOptions} accounts={results.summary?.data ?? results.detail?.data ?? []} disabled={busy !== null} /> : null}
        {p.followable ? (
          <div className="flex flex-wrap gap-2">
            {LINKS.map((l) => (
              <button
                key={l.kind}
                type="button"
                onClick={() => follow(l.kind)}
                disabled={busy !== null || expired || (l.kind === 'detail' && pollingSince !== null)}
                aria-busy={busy === l.kind}
                className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400"
              >
                {busy === l.kind ? `${l.label}…` : l.label}
              </button>
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-600">{p.notFollowableReason}</p>
        )}
        <WorkingIndicator
          active={busyLink !== undefined}
          label={busyLink ? `Calling ${busyLink.endpoint}` : ''}
          limitMs={timeoutMs}
          onCancel={p.canCancel ? () => void cancel() : undefined}
          cancelling={cancelling}
        />
        {failure ? (
          <div className="space-y-1" data-testid="last-failure">
            {failure.endpoint && failure.at ? (
              <p className="text-sm font-medium text-red-900">
                {failure.endpoint} failed at {formatDateTime(failure.at)}
              </p>
            ) : null}
            <ErrorPanel error={failure.error} />
          </div>
        ) : null}
        {pollingSince !== null ? (
          <div className="space-y-1">
            {resumed ? (
              <p className="text-sm text-sky-950" data-testid="polling-resumed">
                Accounts detail was still being collected when this page loaded (first 202 at {formatDateTime(new Date(pollingSince))}): polling resumes.
              </p>
            ) : null}
            <DetailPoller inspectionId={p.inspectionId} polling={p.polling} startedAt={pollingSince} onSettled={apply} />
          </div>
        ) : null}
        {results.summary ? (
          <DataSet title="Accounts summary" fetchedAt={results.summary.fetchedAt} {...refresh('summary')}>
            <AccountsTable accounts={results.summary.data} caption="Accounts summary" />
          </DataSet>
        ) : null}
        {results.detail ? (
          <DataSet title="Accounts detail" fetchedAt={results.detail.fetchedAt} {...refresh('detail')}>
            <div className="space-y-4">
              <AccountsTable accounts={results.detail.data} caption="Accounts detail" />
              <HolderDetails inspectionId={p.inspectionId} accounts={results.detail.data} reveal={p.canReveal ? revealHolderDataAction : null} />
              <TransactionsTable accounts={results.detail.data} />
            </div>
          </DataSet>
        ) : null}
        {results.statements ? (
          <DataSet title="Statements" fetchedAt={results.statements.fetchedAt} {...refresh('statements')}>
            <StatementsList statements={results.statements.data} accounts={results.summary?.data ?? results.detail?.data} />
          </DataSet>
        ) : null}
      </section>
    </div>
  );
}

/**
 * One data set as fetched: when (relative and local, UTC on hover), and "Refresh", which says what it
 * costs before it is pressed. A region named after the data set, so each "Refresh" is found in its own.
 */
function DataSet({ title, fetchedAt, onRefresh, disabled, cost, children }: { title: string; fetchedAt: string; onRefresh: () => void; disabled: boolean; cost: string; children: React.ReactNode }) {
  const id = title.toLowerCase().replace(/\s+/g, '-');
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2 border-t border-slate-200 pt-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          <h3 id={`${id}-heading`} className="text-base font-semibold text-slate-900">{title}</h3>
          <p className="text-xs text-slate-600">
            Fetched <RelativeTime iso={fetchedAt} testId={`${id}-fetched`} />
          </p>
        </div>
        <button
          type="button"
          onClick={onRefresh}
          disabled={disabled}
          aria-describedby={`${id}-cost`}
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:text-slate-400"
        >
          Refresh
        </button>
      </div>
      <p id={`${id}-cost`} className="text-xs text-slate-600">{cost}</p>
      {children}
    </section>
  );
}
