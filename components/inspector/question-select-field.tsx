'use client';

import { mfaFieldName, mfaQuestionFieldName } from '@/lib/inspector/build-security-responses';
import type { ChallengeView } from '@/lib/inspector/views';
import { FieldError, inputClass } from '@/components/ui/field-error';

type Props = { challenge: ChallengeView; index: number; error?: string; questionError?: string };

/**
 * A QuestionAndAnswer with Iterables (../shared/flinks-api.md §4.2 table): pick one of the offered
 * questions, then answer it. The select's name is the prompt; the answer box names its prompt too
 * (visually just "Answer") so several such challenges on one form stay distinguishable.
 */
export function QuestionSelectField({ challenge, index, error, questionError }: Props) {
  const questionId = mfaQuestionFieldName(index);
  const answerId = mfaFieldName(index);
  const questionErrorId = `${questionId}-error`;
  const answerErrorId = `${answerId}-error`;
  return (
    <div className="space-y-3">
      <div className="space-y-1">
        <label htmlFor={questionId} className="block text-sm font-medium text-slate-800">
          {challenge.prompt}
        </label>
        <select
          id={questionId}
          name={questionId}
          defaultValue=""
          aria-invalid={questionError ? true : undefined}
          aria-describedby={questionErrorId}
          className={inputClass(Boolean(questionError))}
        >
          <option value="" disabled>
            Choose a question…
          </option>
          {challenge.iterables.map((q, i) => (
            <option key={`${i}-${q}`} value={q}>
              {q}
            </option>
          ))}
        </select>
        <FieldError id={questionErrorId} message={questionError} />
      </div>
      <div className="space-y-1">
        <label htmlFor={answerId} className="block text-sm font-medium text-slate-800">
          Answer <span className="sr-only">to the question chosen for “{challenge.prompt}”</span>
        </label>
        <input
          id={answerId}
          name={answerId}
          type="text"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${questionId} ${answerErrorId}`}
          className={inputClass(Boolean(error))}
        />
        <FieldError id={answerErrorId} message={error} />
      </div>
    </div>
  );
}
