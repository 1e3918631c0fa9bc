'use client';

import { mfaFieldName, widgetFor } from '@/lib/inspector/build-security-responses';
import type { ChallengeView } from '@/lib/inspector/views';
import { FieldError, inputClass } from '@/components/ui/field-error';
import { ChoiceGroup } from './choice-group';
import { QuestionSelectField } from './question-select-field';

/** One security challenge as a form field chosen by its Type; its accessible name is the prompt. */
export function MfaField({ challenge, index, error, questionError }: { challenge: ChallengeView; index: number; error?: string; questionError?: string }) {
  const name = mfaFieldName(index);
  const errorId = `${name}-error`;
  const widget = widgetFor(challenge);
  const invalid = Boolean(error);

  if (widget === 'question-select') {
    return <QuestionSelectField challenge={challenge} index={index} error={error} questionError={questionError} />;
  }
  if (widget === 'text' || widget === 'unknown') {
    return (
      <div className="space-y-1">
        <label htmlFor={name} className="block text-sm font-medium text-slate-800">
          {challenge.prompt}
        </label>
        {widget === 'unknown' ? <p className="text-xs text-slate-500">Challenge type: {challenge.type}</p> : null}
        <input id={name} name={name} type="text" autoComplete="off" aria-invalid={invalid || undefined} aria-describedby={errorId} className={inputClass(invalid)} />
        <FieldError id={errorId} message={error} />
      </div>
    );
  }
  return (
    <div className="space-y-1">
      <ChoiceGroup
        name={name}
        prompt={challenge.prompt}
        options={challenge.iterables}
        multiple={widget === 'checkbox'}
        images={widget === 'image-radio'}
        imageSources={challenge.images}
        errorId={errorId}
        invalid={invalid}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
