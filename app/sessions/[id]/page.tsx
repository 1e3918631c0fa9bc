import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireViewer } from '@/lib/auth/viewer';
import { getEnv } from '@/lib/env';
import { replayInSimulatorAction } from '@/app/tools/import-bundle/actions';
import { listSiblingSessions, loadSessionView } from '@/lib/inspector/session-queries';
import { CompareWithForm } from '@/components/compare/compare-with-form';
import { SessionHeader } from '@/components/session/session-header';
import { SessionMfa } from '@/components/session/session-mfa';
import { HistoryUnavailable } from '@/components/history/history-unavailable';
import { unlessUnavailable } from '@/lib/store/unavailable';
import { SessionWorkspace } from '@/components/session/session-workspace';
import { Timeline } from '@/components/session/timeline';
import { RunAgain } from '@/components/session/run-again';
import { rerunOffer } from '@/lib/operations/sessions';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Session · Flinks Session Inspector' };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer('inspection:view', { page: `/sessions/${encodeURIComponent((await params).id)}` });
  const { id } = await params;
  const loaded = await unlessUnavailable(() => loadSessionView(id));
  if (!loaded.ok) return <HistoryUnavailable />;
  const view = loaded.value;
  if (!view) notFound();
  const { inspection } = view;
  const siblings = await listSiblingSessions(inspection);
  const mayActOn = inspection.openedById === viewer.id || viewer.permissions.has('inspection:act_for_others');
  // Run again is opening an inspection: offered when the viewer may open one in this mode.
  const rerun = await rerunOffer(inspection);
  const mayRerun = rerun !== null && (rerun.mode === 'cached' || viewer.permissions.has('inspection:open_live'));
  // Replaying is a simulator tool: offered only while the embedded simulator is the upstream.
  const canReplay = getEnv().flinks.usesEmbeddedSimulator && viewer.permissions.has('simulator:import') && viewer.permissions.has('bundle:download');

  return (
    <div className="space-y-6">
      <SessionHeader inspection={inspection} lastRefresh={view.lastRefresh} persona={view.persona} />
      {mayRerun ? <RunAgain key={inspection.id} inspectionId={inspection.id} inputs={rerun} /> : null}
      <CompareWithForm inspectionId={inspection.id} siblings={siblings} />
      {/* An open round can be answered here too (after a reload, from another tab) by whoever may act on it. */}
      {view.mfaRound && mayActOn ? <SessionMfa inspectionId={inspection.id} {...view.mfaRound} /> : null}
      <SessionWorkspace
        // A status change (opened elsewhere, expired) remounts it, so stored data and the failure card follow.
        key={`${inspection.id}-${inspection.status}`}
        inspectionId={inspection.id}
        followable={view.followable}
        // The idle countdown (and Reopen once it ran out) is for a session that was opened; a failed one has nothing to keep alive.
        requestId={inspection.status === 'authorized' || inspection.status === 'expired' ? inspection.requestId : null}
        lastActivityAt={inspection.lastActivityAt?.toISOString() ?? null}
        lastFlinksCode={view.lastFlinksCode}
        notFollowableReason={view.notFollowableReason}
        canReopen={Boolean(inspection.loginId) && mayActOn}
        canReveal={viewer.permissions.has('pii:reveal') && mayActOn}
        polling={view.polling}
        stored={view.stored}
        lastFailure={view.lastFailure}
        timeoutMs={view.timeoutMs}
        canCancel={mayActOn}
        openingSince={inspection.status === 'in_progress' ? inspection.createdAt.toISOString() : null}
      />
      <section aria-labelledby="timeline-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="timeline-heading" className="text-lg font-semibold">Timeline</h2>
          <div className="flex flex-wrap gap-2">
            <form method="get" action={`/sessions/${inspection.id}/bundle`}>
              <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
                Download support bundle
              </button>
            </form>
            {canReplay ? (
              <form action={replayInSimulatorAction}>
                <input type="hidden" name="inspectionId" value={inspection.id} />
                <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
                  Replay in simulator
                </button>
              </form>
            ) : null}
          </div>
        </div>
        <Timeline steps={view.timeline} />
      </section>
      <p className="text-sm">
        <Link prefetch={false} href="/sessions" className="text-indigo-700 hover:underline">← All sessions</Link>
      </p>
    </div>
  );
}
