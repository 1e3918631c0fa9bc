'use client';

import { runAgainAction } from '@/app/sessions/rerun-action';
import { ErrorPanel } from '@/components/error-panel';
import { useFocusOnAppear } from '@/components/inspector/use-focus-on-appear';
import { Button } from '@/components/ui/button';
import type { RerunInputs } from '@/lib/inspector/reopen-session';
import { RerunForm } from './rerun-form';
import { useRerun } from './use-rerun';

const HEADING = 'run-again-form-heading';

/**
 * "Run again" on any session, whatever its status: a new inspection with the same mode and inputs,
 * linked to this one (parentId), then its page. Cached runs at once; live first shows the stored
 * inputs and asks for the password (never stored). Mount with key={inspection.id}: the new page
 * must start from a fresh button.
 */
export function RunAgain({ inspectionId, inputs }: { inspectionId: string; inputs: RerunInputs }) {
  const r = useRerun(runAgainAction, inspectionId);
  // The live form appearing takes the focus to its heading, as the home flow does (use-focus-on-appear).
  useFocusOnAppear(r.asked ? 'form' : 'button', r.asked ? HEADING : null);
  const start = () => (inputs.needsPassword || inputs.askReason ? r.setAsked(inputs) : void r.run());
  return (
    <section aria-labelledby="run-again-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="min-w-0">
          <h2 id="run-again-heading" className="text-lg font-semibold">Repeat this session</h2>
          <p className="text-sm text-slate-600">
            {inputs.mode === 'cached'
              ? 'Opens the same Login ID in cached mode again, with the same tag, as a new session linked to this one.'
              : 'Logs in live again with the same institution, username, language and tag, as a new session linked to this one. The password is asked again.'}
          </p>
        </div>
        {r.asked ? null : (
          <Button onClick={start} disabled={r.pending} aria-disabled={r.pending} className="shrink-0">
            {r.pending ? 'Running again…' : 'Run again'}
          </Button>
        )}
      </div>
      {r.asked ? <RerunForm inputs={r.asked} verb="Run again" headingId={HEADING} pending={r.pending} errors={r.fieldErrors} onSubmit={(typed) => void r.run(typed)} onCancel={r.cancel} /> : null}
      {r.error ? <ErrorPanel error={r.error} /> : null}
    </section>
  );
}
