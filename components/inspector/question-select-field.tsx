'use client';

import { useState } from 'react';
import { mfaFieldName, mfaQuestionFieldName } from '@/lib/inspector/build-security-responses';
import type { ChallengeView } from '@/lib/inspector/views';
import { FieldError, inputClass } from '@/components/ui/field-error';

type Props = { challenge: ChallengeView; index: number; error?: string; questionError?: string };

/**
 * A QuestionAndAnswer with Iterables (docs/flinks-api.md §4.2 table): pick one of the offered
 * questions, then answer it. The select's name is the prompt; the answer box names its prompt too
 * (visually just "Answer") so several such challenges on one form stay distinguishable, and is described
 * by the chosen question (a hidden copy: a <select> as a description target reads as its own label).
 */
export function QuestionSelectField({ challenge, index, error, questionError }: Props) {
  const questionId = mfaQuestionFieldName(index);
  const answerId = mfaFieldName(index);
  const questionErrorId = `${questionId}-error`;
  const answerErrorId = `${answerId}-error`;
  const chosenId = `${questionId}-chosen`;
  const [chosen, setChosen] = useState('');
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
          onChange={(e) => setChosen(e.currentTarget.value)}
          aria-invalid={questionError ? true : undefined}
          aria-describedby={questionErrorId}
          // h-9.5: a native select is 2px shorter than the text input below it.
          className={`${inputClass(Boolean(questionError))} h-9.5`}
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
          aria-describedby={`${chosenId} ${answerErrorId}`}
          className={inputClass(Boolean(error))}
        />
        <span id={chosenId} className="sr-only">
          {chosen}
        </span>
        <FieldError id={answerErrorId} message={error} />
      </div>
    </div>
  );
}
