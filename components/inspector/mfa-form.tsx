'use client';

import { useState, type FormEvent } from 'react';
import { buildSecurityResponses, mfaFieldName, mfaQuestionFieldName, valuesFromFormData, widgetFor } from '@/lib/inspector/build-security-responses';
import type { SecurityResponses } from '@/lib/flinks/schemas';
import { attemptLabel, LAST_ATTEMPT_WARNING, type MfaAttempt } from '@/lib/inspector/mfa-attempts';
import type { ChallengeView } from '@/lib/inspector/views';
import { Button } from '@/components/ui/button';
import { MfaField } from './mfa-field';

type Props = {
  challenges: readonly ChallengeView[];
  round: number;
  pending: boolean;
  onAnswer: (responses: SecurityResponses) => void;
  /** Which try the next answer is (D4: three wrong answers end the session); absent for older callers. */
  attempt?: MfaAttempt;
  /** A test persona's answer hint, as the persona picker shows it; stays on screen round after round. */
  personaHint?: string | null;
};

/** Every challenge of one 203 in one form: Flinks wants all answers of a round in one call (§5). */
export function MfaForm({ challenges, round, pending, onAnswer, attempt, personaHint }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const picksQuestion = challenges.some((c) => widgetFor(c) === 'question-select');
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (pending) return;
    const built = buildSecurityResponses(challenges, valuesFromFormData(new FormData(e.currentTarget)));
    if (!built.ok) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    onAnswer(built.responses);
  }
  return (
    <section aria-labelledby="mfa-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="mfa-heading" tabIndex={-1} className="focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 text-lg font-semibold text-slate-900">
          Security questions
        </h2>
        <p className="text-sm text-slate-600">
          Round {round}: the institution asks {challenges.length === 1 ? 'one question' : `${challenges.length} questions`}. Answers go to Flinks keyed by the exact prompt{picksQuestion ? ', or by the exact question chosen from a list' : ''}.
        </p>
        {attempt ? (
          <p data-testid="mfa-attempt" className="text-sm font-medium text-slate-900">
            {attemptLabel(attempt)}
          </p>
        ) : null}
      </div>
      {attempt?.last ? (
        <p data-testid="mfa-last-attempt" className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <strong>{LAST_ATTEMPT_WARNING.split(':')[0]}:</strong>
          {LAST_ATTEMPT_WARNING.slice(LAST_ATTEMPT_WARNING.indexOf(':') + 1)}
        </p>
      ) : null}
      {personaHint ? (
        <p data-testid="persona-hint" className="rounded-md border border-dashed border-amber-400 bg-amber-50 px-3 py-2 text-xs text-amber-900">
          <span className="font-semibold">Test persona </span>
          {personaHint}
        </p>
      ) : null}
      <form onSubmit={submit} noValidate aria-label="Security questions" className="space-y-5">
        {challenges.map((c, i) => (
          <MfaField key={`${i}-${c.prompt}`} challenge={c} index={i} error={errors[mfaFieldName(i)]} questionError={errors[mfaQuestionFieldName(i)]} />
        ))}
        <Button type="submit" disabled={pending}>
          Submit answers
        </Button>
      </form>
    </section>
  );
}
