import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ImportBundleForm } from '@/components/tools/import-bundle-form';
import { ImportedBundle } from '@/components/tools/imported-bundle';
import { requireViewer } from '@/lib/auth/viewer';
import { getEnv } from '@/lib/env';
import { embeddedSimulator } from '@/lib/simulator/embedded';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import bundle · Flinks Session Inspector' };

const card = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6';

/**
 * Replays a support bundle in the embedded simulator, so an engineer reproduces a customer's session
 * without Flinks and without any secret. Exists only while the embedded simulator is the upstream (like
 * /simulator); what is imported lives in this server process's memory until it restarts.
 */
export default async function ImportBundlePage({ searchParams }: { searchParams: Promise<{ imported?: string | string[]; replay?: string | string[] }> }) {
  await requireViewer('simulator:import', { page: '/tools/import-bundle' });
  if (!getEnv().flinks.usesEmbeddedSimulator) notFound();
  const replays = embeddedSimulator().replays();
  // After "Replay in simulator" on a session page: only what the simulator holds is shown, never text from the URL.
  const query = await searchParams;
  const imported = replays.find((r) => r.loginId === query.imported);
  const replayFailed = query.replay === 'failed';
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Import bundle</h1>
        <p className="mt-1 text-sm text-slate-600">
          The simulator replays a support bundle for a Login ID of its own: Authorize and the Links answer with the recorded (masked)
          responses, statuses and FlinksCodes, in order, with fresh Request IDs. Other Login IDs behave as usual. Imports are kept until
          the server restarts.
        </p>
      </div>
      {imported ? <ImportedBundle loginId={imported.loginId} username={imported.username} steps={imported.steps} /> : null}
      {replayFailed ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          That session could not be replayed: its support bundle has no Authorize answer (it failed before Flinks answered), or is larger
          than the simulator takes. Download it from the session page to see why.
        </p>
      ) : null}
      <section aria-label="Import a support bundle" className={card}>
        <ImportBundleForm />
      </section>
      {replays.length > 0 ? (
        <section aria-labelledby="replays-heading" className={card}>
          <h2 id="replays-heading" className="mb-3 text-lg font-semibold">Bundles in the simulator</h2>
          <ul className="space-y-2 text-sm">
            {replays.map((r) => (
              <li key={r.loginId} className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <code className="break-all font-mono text-xs">{r.loginId}</code>
                <span className="text-slate-600">
                  {r.username ?? 'unknown user'} · {r.steps.length} step{r.steps.length === 1 ? '' : 's'}
                </span>
                <Link prefetch={false} href={`/?loginId=${encodeURIComponent(r.loginId)}`} className="text-indigo-700 underline">
                  Open in cached mode<span className="sr-only"> ({r.loginId})</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
