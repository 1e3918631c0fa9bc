'use client';

import { useId } from 'react';
import type { AuthorizeFormValues, FieldErrors } from '@/lib/inspector/form-check';
import { TextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/select-field';

type Props = {
  values: AuthorizeFormValues;
  errors: FieldErrors;
  set: <K extends keyof AuthorizeFormValues>(key: K, value: AuthorizeFormValues[K]) => void;
};

export function LiveFields({ values, errors, set }: Props) {
  const saveId = useId();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Institution" name="institution" value={values.institution} onValueChange={(v) => set('institution', v)} error={errors.institution} autoComplete="off" />
      <SelectField label="Language" name="language" value={values.language} onValueChange={(v) => set('language', v === 'fr' ? 'fr' : 'en')} error={errors.language}>
        <option value="en">English (en)</option>
        <option value="fr">French (fr)</option>
      </SelectField>
      <TextField label="Username" name="username" value={values.username} onValueChange={(v) => set('username', v)} error={errors.username} autoComplete="off" />
      <TextField label="Password" name="password" type="password" value={values.password} onValueChange={(v) => set('password', v)} error={errors.password} autoComplete="off" />
      <TextField
        label="Login ID"
        name="loginId"
        className="sm:col-span-2"
        value={values.loginId}
        onValueChange={(v) => set('loginId', v)}
        error={errors.loginId}
        hint="Optional: a saved login to refresh live instead of username and password."
        autoComplete="off"
        spellCheck={false}
      />
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 sm:col-span-2">
        <input id={saveId} type="checkbox" name="save" checked={values.save} onChange={(e) => set('save', e.target.checked)} className="h-4 w-4 accent-indigo-600" />
        <label htmlFor={saveId} className="text-sm font-medium text-slate-800">
          Save
        </label>
        <span className="w-full text-xs text-slate-500 sm:w-auto">keeps the login so it can be opened in cached mode later</span>
      </div>
    </div>
  );
}
