'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useState } from 'react';
import { followLinkAction } from '@/app/sessions/actions';
import { ErrorPanel } from '@/components/error-panel';
import { revealHolderDataAction } from '@/app/sessions/reveal-action';
import type { AccountView, StatementView } from '@/lib/inspector/data-views';
import type { FollowResult, LinkKind } from '@/lib/inspector/follow-link';
import { DEFAULT_FOLLOW_OPTIONS, type FollowOptions } from '@/lib/inspector/follow-options';
import { computeExpiry } from '@/lib/inspector/session-expiry';
import { AccountsTable } from './accounts-table';
import { DetailPoller, type Polling } from './detail-poller';
import { ExpiryBanner } from './expiry-banner';
import { FetchOptions } from './fetch-options';
import { HolderDetails } from './holder-details';
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
};

type Results = { summary?: AccountView[]; detail?: AccountView[]; statements?: StatementView[] };
type ErrorOf = Extract<FollowResult, { kind: 'error' | 'expired' }>['error'];

const LINKS: { kind: LinkKind; label: string }[] = [
  { kind: 'summary', label: 'Accounts summary' },
  { kind: 'detail', label: 'Accounts detail' },
  { kind: 'statements', label: 'Statements' },
];

export function SessionWorkspace(p: WorkspaceProps) {
  const router = useRouter();
  const [now, setNow] = useState<number | null>(null);
  const [results, setResults] = useState<Results>({});
  const [busy, setBusy] = useState<LinkKind | null>(null);
  const [pollingSince, setPollingSince] = useState<number | null>(null);
  const [error, setError] = useState<ErrorOf | null>(null);
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

  // The clock only starts on the client (no server/client mismatch); Flinks' answer counts at once.
  const expiry = now === null ? null : computeExpiry({ requestId: p.requestId, lastActivityAt: p.lastActivityAt, lastFlinksCode: p.lastFlinksCode, now: new Date(now) });
  const expired = expiry?.state === 'expired';

  const apply = useCallback((r: FollowResult) => {
    setError(null);
    switch (r.kind) {
      case 'accounts':
        setResults((prev) => ({ ...prev, [r.link]: r.accounts }));
        if (r.link === 'detail') setPollingSince(null);
        break;
      case 'statements':
        setResults((prev) => ({ ...prev, statements: r.statements }));
        break;
      case 'pending':
        setPollingSince(Date.now());
        break;
      case 'expired':
      case 'error':
        setPollingSince(null);
        setError(r.error);
        break;
    }
  }, []);

  async function follow(kind: LinkKind) {
    setBusy(kind);
    try {
      apply(await followLinkAction({ inspectionId: p.inspectionId, link: kind, options }));
    } catch {
      setError({ kind: 'app', message: 'The dashboard could not reach its server. Try again.' });
    } finally {
      setBusy(null);
      router.refresh();
    }
  }

  return (
    <div className="space-y-4">
      <ExpiryBanner inspectionId={p.inspectionId} expiry={expiry} canReopen={p.canReopen} />
      <section aria-labelledby="links-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="links-heading" className="text-lg font-semibold">Follow the Links</h2>
        {p.followable ? <FetchOptions value={options} onChange={setOptions} accounts={results.summary ?? results.detail ?? []} disabled={busy !== null} /> : null}
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
        {error ? <ErrorPanel error={error} /> : null}
        {pollingSince !== null ? (
          <DetailPoller inspectionId={p.inspectionId} polling={p.polling} startedAt={pollingSince} onSettled={apply} />
        ) : null}
        {results.summary ? <AccountsTable accounts={results.summary} caption="Accounts summary" /> : null}
        {results.detail ? (
          <div className="space-y-4">
            <AccountsTable accounts={results.detail} caption="Accounts detail" />
            <HolderDetails inspectionId={p.inspectionId} accounts={results.detail} reveal={p.canReveal ? revealHolderDataAction : null} />
            <TransactionsTable accounts={results.detail} />
          </div>
        ) : null}
        {results.statements ? <StatementsList statements={results.statements} accounts={results.summary ?? results.detail} /> : null}
      </section>
    </div>
  );
}
