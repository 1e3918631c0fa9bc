'use client';

import Link from 'next/link';
import type { Persona } from '@/lib/inspector/personas';
import { ErrorPanel } from '@/components/error-panel';
import { Button } from '@/components/ui/button';
import { AuthorizeForm, type FormAccess } from './authorize-form';
import { MfaForm } from './mfa-form';
import { SessionResult } from './session-result';
import { WorkingIndicator } from './working-indicator';
import { useInspectionFlow } from './use-inspection-flow';

export function Inspector({ personas, access }: { personas: readonly Persona[]; access: FormAccess }) {
  const f = useInspectionFlow();
  const { flow } = f;
  return (
    <div key={f.generation} className="space-y-6">
      {f.started ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          {flow.inspectionId ? (
            <Link href={`/sessions/${flow.inspectionId}`} className="text-sm text-indigo-700 underline">
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
      {flow.stage !== 'result' && flow.error ? <ErrorPanel error={flow.error} /> : null}
      <WorkingIndicator active={f.pending} label={f.startPending ? 'Talking to Flinks' : 'Sending the answers'} />
      {flow.stage === 'form' ? (
        <AuthorizeForm values={f.values} onChange={f.changeValues} errors={f.fieldErrors} personas={personas} pending={f.pending} onSubmit={f.submitForm} access={access} />
      ) : null}
      {flow.stage === 'mfa' ? (
        <MfaForm key={`${flow.round}-${flow.challenges.map((c) => c.prompt).join('|')}`} challenges={flow.challenges} round={flow.round} pending={f.pending} onAnswer={f.submitAnswers} />
      ) : null}
      {flow.stage === 'result' ? <SessionResult inspectionId={flow.inspectionId} session={flow.session} /> : null}
    </div>
  );
}
