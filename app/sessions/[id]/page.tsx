import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getEnv } from '@/lib/env';
import { PLACEHOLDER } from '@/lib/flinks/redact';
import { describeFlinksCode } from '@/lib/flinks/codes';
import { buildCurl } from '@/lib/inspector/copy-as-curl';
import { inspectionIdSchema } from '@/lib/inspector/session-action-schema';
import { getStore } from '@/lib/store';
import { SessionHeader } from '@/components/session/session-header';
import { SessionWorkspace } from '@/components/session/session-workspace';
import { Timeline, type TimelineStep } from '@/components/session/timeline';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Session · Flinks Session Inspector' };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!inspectionIdSchema.safeParse(id).success) notFound();
  const store = await getStore();
  const inspection = await store.getInspection(id);
  if (!inspection) notFound();
  const steps = await store.listSteps(id);
  const { flinks, polling } = getEnv();
  // Steps hold placeholders already; the known values are scrubbed again, and never leave this file.
  const secrets = [
    { value: flinks.secretKey, placeholder: PLACEHOLDER.secretKey },
    { value: flinks.apiKey, placeholder: PLACEHOLDER.apiKey },
  ];
  const timeline: TimelineStep[] = steps.map((s) => ({
    seq: s.seq,
    endpoint: s.endpoint,
    method: s.method,
    httpStatus: s.httpStatus,
    flinksCode: s.flinksCode,
    outcome: s.outcome,
    durationMs: s.durationMs,
    error: s.error,
    request: s.request,
    response: s.response,
    startedAt: s.startedAt.toISOString(),
    curl: buildCurl(s, secrets),
  }));
  const lastCode = steps.at(-1)?.flinksCode ?? inspection.flinksCode;
  const notFollowable =
    inspection.status === 'failed'
      ? `This attempt failed${inspection.flinksCode ? ` with ${inspection.flinksCode}: ${describeFlinksCode(inspection.flinksCode).explanation}` : ' before Flinks opened a session.'}`
      : inspection.status === 'mfa_pending'
        ? 'This session is waiting for its MFA answers; the Links can be followed once it is authorized.'
        : 'The Links can be followed once the session is authorized and has a RequestId.';

  return (
    <div className="space-y-6">
      <SessionHeader inspection={inspection} />
      <SessionWorkspace
        key={inspection.id}
        inspectionId={inspection.id}
        followable={inspection.status === 'authorized' && Boolean(inspection.requestId)}
        // The idle countdown only means something for an open session; a failed one has nothing to keep alive.
        requestId={inspection.status === 'authorized' ? inspection.requestId : null}
        lastActivityAt={inspection.lastActivityAt?.toISOString() ?? null}
        lastFlinksCode={lastCode}
        notFollowableReason={notFollowable}
        canReopen={Boolean(inspection.loginId)}
        polling={{ intervalMs: polling.intervalMs, giveUpMs: polling.giveUpMs }}
      />
      <section aria-labelledby="timeline-heading" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="timeline-heading" className="text-lg font-semibold">Timeline</h2>
          <form method="get" action={`/sessions/${inspection.id}/bundle`}>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50">
              Download support bundle
            </button>
          </form>
        </div>
        <Timeline steps={timeline} />
      </section>
      <p className="text-sm">
        <Link href="/sessions" className="text-indigo-700 hover:underline">← All sessions</Link>
      </p>
    </div>
  );
}
