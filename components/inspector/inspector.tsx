'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import type { Persona } from '@/lib/inspector/personas';
import { ErrorPanel } from '@/components/error-panel';
import { Button } from '@/components/ui/button';
import { AuthorizeForm, type FormAccess } from './authorize-form';
import { MfaForm } from './mfa-form';
import { SessionResult } from './session-result';
import { WorkingIndicator } from './working-indicator';
import { useInspectionFlow } from './use-inspection-flow';
import { useFocusOnAppear } from './use-focus-on-appear';
import { personaHintFrom } from '@/lib/inspector/persona-hint';
import { announcement, ERROR_HEADING, errorHeading, shownKey } from './flow-announcement';

/** timeoutMs: FLINKS_TIMEOUT_MS, the limit the live progress counts against; initialLoginId: `/?loginId=…`. */
export function Inspector({ personas, access, timeoutMs, initialLoginId = '' }: { personas: readonly Persona[]; access: FormAccess; timeoutMs?: number; initialLoginId?: string }) {
  const f = useInspectionFlow(initialLoginId);
  const { flow } = f;
  const target = flow.stage === 'result' ? 'result-heading' : flow.error ? ERROR_HEADING : flow.stage === 'mfa' ? 'mfa-heading' : null;
  useFocusOnAppear(shownKey(flow, f.errorCount), target);
  // Start over removes the button that had the focus: put it on the kept mode, the form's first control.
  useEffect(() => {
    if (f.generation > 0) document.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.focus();
  }, [f.generation]);
  return (
    <div key={f.generation} className="space-y-6">
      {f.started ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          {flow.inspectionId ? (
            <Link prefetch={false} href={`/sessions/${flow.inspectionId}`} className="text-sm text-indigo-700 underline">
              Inspection {flow.inspectionId.slice(0, 8)}
            </Link>
          ) : (
            <span />
          )}
          <Button variant="secondary" onClick={f.startOver}>
            Start over
          </Button>
        </div>
      ) : null}
      {/* Polite, not a second alert: the error panel is already role=alert. Empty until something happens. */}
      <div aria-live="polite" aria-atomic="true" className="sr-only" data-testid="inspector-announcer">
        {f.pending ? '' : announcement(flow)}
      </div>
      {flow.stage !== 'result' && flow.error ? (
        <section aria-labelledby={ERROR_HEADING} className="space-y-2">
          <h2 id={ERROR_HEADING} tabIndex={-1} className="text-lg font-semibold text-red-900 focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
            {errorHeading(flow)}
          </h2>
          <ErrorPanel error={flow.error} />
        </section>
      ) : null}
      <WorkingIndicator
        active={f.pending}
        label={f.startPending ? 'Talking to Flinks' : 'Sending the answers'}
        limitMs={timeoutMs}
        onCancel={f.runningId ? () => void f.cancel() : undefined}
        cancelling={f.cancelling}
        inspectionId={f.startPending ? f.runningId : null}
      />
      {flow.stage === 'form' ? (
        <AuthorizeForm values={f.values} onChange={f.changeValues} errors={f.fieldErrors} personas={personas} pending={f.pending} onSubmit={f.submitForm} access={access} />
      ) : null}
      {flow.stage === 'mfa' ? (
        <MfaForm
          key={`${flow.round}-${flow.challenges.map((c) => c.prompt).join('|')}`}
          challenges={flow.challenges}
          round={flow.round}
          pending={f.pending}
          onAnswer={f.submitAnswers}
          attempt={flow.attempt}
          // The persona logged in with (the form is hidden while answering, its picker with it).
          personaHint={f.values.mode === 'live' ? personaHintFrom(personas, f.values.username) : null}
        />
      ) : null}
      {flow.stage === 'result' ? <SessionResult inspectionId={flow.inspectionId} session={flow.session} /> : null}
    </div>
  );
}
