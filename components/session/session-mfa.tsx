'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { answerMfaAction } from '@/app/actions/inspection';
import { ErrorPanel } from '@/components/error-panel';
import { MfaForm } from '@/components/inspector/mfa-form';
import { WorkingIndicator } from '@/components/inspector/working-indicator';
import type { SecurityResponses } from '@/lib/flinks/schemas';
import type { MfaAttempt } from '@/lib/inspector/mfa-attempts';
import type { ChallengeView, ErrorView } from '@/lib/inspector/views';

type Props = { inspectionId: string; challenges: ChallengeView[]; round: number; attempt?: MfaAttempt; personaHint?: string | null };

/**
 * An open MFA round, resumed from the session page (after a reload, or in another tab): the same
 * form and the same action as the home page. The answer is serialised with any other one for this
 * round on the server, so two tabs cannot both send it; the page then reloads what the server holds.
 */
export function SessionMfa({ inspectionId, challenges, round, attempt, personaHint }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<ErrorView | null>(null);

  function answer(responses: SecurityResponses) {
    startTransition(async () => {
      const result = await answerMfaAction({ inspectionId, responses });
      if (result.kind === 'error' || result.kind === 'mfa') setError(result.error);
      else if (result.kind === 'invalid') setError({ kind: 'app', message: result.message });
      else setError(null);
      router.refresh();
    });
  }

  return (
    <div className="space-y-4 rounded-lg border border-amber-200 bg-amber-50/40 p-4">
      {error ? <ErrorPanel error={error} /> : null}
      <WorkingIndicator active={pending} label="Sending the answers" />
      <MfaForm key={`${round}-${challenges.map((c) => c.prompt).join('|')}`} challenges={challenges} round={round} pending={pending} onAnswer={answer} attempt={attempt} personaHint={personaHint} />
    </div>
  );
}
