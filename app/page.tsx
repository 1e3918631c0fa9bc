import { reasonRequired } from '@/lib/auth/permissions';
import { requireViewer } from '@/lib/auth/viewer';
import { getEnv } from '@/lib/env';
import { TOOLBOX } from '@/lib/flinks/toolbox';
import { GUID_PATTERN } from '@/lib/inspector/form-check';
import { personasFor } from '@/lib/inspector/personas';
import { Inspector } from '@/components/inspector/inspector';

export const dynamic = 'force-dynamic';

export default async function HomePage({ searchParams }: { searchParams: Promise<{ loginId?: string | string[] }> }) {
  const viewer = await requireViewer('inspection:open_cached', { page: '/' });
  // `/?loginId=…` fills the Login ID (Import bundle's "Open in cached mode"); anything but a GUID is ignored.
  const asked = (await searchParams).loginId;
  const initialLoginId = typeof asked === 'string' && GUID_PATTERN.test(asked.trim()) ? asked.trim() : '';
  const { environment, timeoutMs } = getEnv().flinks;
  const access = {
    live: viewer.permissions.has('inspection:open_live'),
    reason: reasonRequired(environment),
    // The sample LoginId exists only on the toolbox and in the simulator.
    sampleLoginId: environment === 'simulator' || environment === 'toolbox' ? TOOLBOX.sampleLoginId : null,
  };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Open a Flinks session</h1>
        <p className="mt-1 text-sm text-slate-600">
          Cached mode reads what Flinks already holds for a Login ID; live mode logs in to the institution and may ask security questions.
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <Inspector personas={access.live ? personasFor(environment) : []} access={access} timeoutMs={timeoutMs} initialLoginId={initialLoginId} />
      </div>
    </div>
  );
}
