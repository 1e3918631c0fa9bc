'use client';

import type { FormEvent } from 'react';
import type { AuthorizeFormValues, FieldErrors } from '@/lib/inspector/form-check';
import type { Persona } from '@/lib/inspector/personas';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { ModeSwitch } from './mode-switch';
import { LiveFields } from './live-fields';
import { PersonaPicker } from './persona-picker';

type Props = {
  values: AuthorizeFormValues;
  onChange: (values: AuthorizeFormValues) => void;
  errors: FieldErrors;
  personas: readonly Persona[];
  pending: boolean;
  onSubmit: () => void;
  /** What the viewer's role allows here: the Live radio is disabled without live mode; production asks for a reason. */
  access: FormAccess;
};

/** sampleLoginId: offered as "Use sample" only where it exists (simulator and toolbox), never against production. */
export type FormAccess = { live: boolean; reason: boolean; sampleLoginId?: string | null };

export function AuthorizeForm({ values, onChange, errors, personas, pending, onSubmit, access }: Props) {
  const set = <K extends keyof AuthorizeFormValues>(key: K, value: AuthorizeFormValues[K]) => onChange({ ...values, [key]: value });
  const pick = (p: Persona) =>
    onChange({ ...values, mode: 'live', institution: 'FlinksCapital', username: p.username, password: p.password, loginId: '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!pending) onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Authorize" className="space-y-5">
      <ModeSwitch value={values.mode} onChange={(mode) => set('mode', mode)} liveAllowed={access.live} />
      {access.live && personas.length > 0 ? <PersonaPicker personas={personas} selected={values.username} onPick={pick} /> : null}
      {values.mode === 'cached' ? (
        <div className="flex items-start gap-2">
          <TextField
            label="Login ID"
            name="loginId"
            value={values.loginId}
            onValueChange={(v) => set('loginId', v)}
            error={errors.loginId}
            placeholder="5e115eac-1209-4f19-641c-08d6d484e2fe"
            autoComplete="off"
            spellCheck={false}
            className="min-w-0 flex-1"
          />
          {access.sampleLoginId ? (
            <Button variant="secondary" size="sm" className="mt-6 shrink-0" onClick={() => set('loginId', access.sampleLoginId!)}>
              Use sample
            </Button>
          ) : null}
        </div>
      ) : (
        <LiveFields values={values} errors={errors} set={set} />
      )}
      <TextField label="Tag" name="tag" value={values.tag} onValueChange={(v) => set('tag', v)} error={errors.tag} hint="Optional free text echoed back by Flinks." autoComplete="off" />
      {access.reason ? (
        <TextField label="Reason" name="reason" value={values.reason} onValueChange={(v) => set('reason', v)} error={errors.reason} hint="Production data: why you open this session, e.g. a ticket number. Recorded in the audit trail." autoComplete="off" required />
      ) : null}
      <Button type="submit" disabled={pending} aria-disabled={pending}>
        Authorize
      </Button>
    </form>
  );
}
