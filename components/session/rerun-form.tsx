'use client';

import { useState, type FormEvent } from 'react';
import type { FieldErrors } from '@/lib/inspector/form-check';
import type { RerunInputs } from '@/lib/inspector/reopen-session';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { Typed } from './use-rerun';

type Props = {
  inputs: RerunInputs;
  /** "Run again" or "Reopen": the heading, the submit button and the working label say it. */
  verb: 'Run again' | 'Reopen';
  headingId: string;
  pending: boolean;
  errors: FieldErrors;
  onSubmit: (typed: Typed) => void;
  onCancel: () => void;
};

const LANGUAGE = { en: 'English (en)', fr: 'French (fr)' } as const;

/**
 * A live session's inputs as stored (institution, username, persona, language, tag) and the one
 * thing that is not: the password, typed again for this call only. Same form for Run again and for
 * Reopen of an expired live session (and, against production, a cached one's Reason).
 */
export function RerunForm({ inputs, verb, headingId, pending, errors, onSubmit, onCancel }: Props) {
  const [password, setPassword] = useState('');
  const [reason, setReason] = useState('');
  const live = inputs.mode === 'live';
  const rows: [string, string | null][] = [
    ['Mode', live ? 'Live' : 'Cached'],
    ['Institution', inputs.institution],
    ['Username', inputs.username],
    ['Persona', inputs.personaHint],
    ['Login ID', inputs.loginId],
    ['Language', live ? LANGUAGE[inputs.language] : null],
    ['Save', live ? (inputs.save ? 'Yes' : 'No') : null],
    ['Tag', inputs.tag],
  ];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (pending) return;
    onSubmit({ ...(inputs.needsPassword ? { password } : {}), ...(inputs.askReason ? { reason } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="space-y-3">
      <h3 id={headingId} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
        {/* Cached shows this form only against production, for its Reason. */}
        {verb} {live ? 'live' : 'cached'}
      </h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
        {rows
          .filter((r): r is [string, string] => Boolean(r[1]))
          .map(([term, value]) => (
            <div key={term} className="contents">
              <dt className="font-medium text-slate-600">{term}</dt>
              <dd className="min-w-0 break-words text-slate-900">{value}</dd>
            </div>
          ))}
      </dl>
      {inputs.needsPassword ? (
        <TextField
          label="Password"
          name="password"
          type="password"
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          hint="Asked again each time: passwords are never stored."
          autoComplete="off"
          className="max-w-sm"
        />
      ) : null}
      {inputs.askReason ? (
        <TextField label="Reason" name="reason" value={reason} onValueChange={setReason} error={errors.reason} hint="Production data: why you open this session, e.g. a ticket number. Recorded in the audit trail." autoComplete="off" required className="max-w-sm" />
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          {pending ? `${verb === 'Reopen' ? 'Reopening' : 'Running again'}…` : verb}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
