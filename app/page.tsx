import { getEnv } from '@/lib/env';
import { personasFor } from '@/lib/inspector/personas';
import { Inspector } from '@/components/inspector/inspector';

export const dynamic = 'force-dynamic';

export default function HomePage() {
  const { environment } = getEnv().flinks;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Open a Flinks session</h1>
        <p className="mt-1 text-sm text-slate-600">
          Cached mode reads what Flinks already holds for a Login ID; live mode logs in to the institution and may ask security questions.
        </p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <Inspector personas={personasFor(environment)} />
      </div>
    </div>
  );
}
