'use client';

import { useState, type FormEvent } from 'react';
import { createUserAction } from '@/app/admin/users/actions';
import { Button } from '@/components/ui/button';
import { fieldErrorOf, FormMessage } from '@/components/ui/form-message';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import { ROLES } from '@/lib/auth/permissions';
import type { FormResult } from '@/lib/auth/user-schemas';

const EMPTY = { email: '', name: '', role: 'support', password: '' };

export function CreateUserForm() {
  const [values, setValues] = useState(EMPTY);
  const [result, setResult] = useState<FormResult | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const error = (k: string) => fieldErrorOf(result, k);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const outcome = await createUserAction(values);
    setResult(outcome);
    // The password leaves the page once it has been used; the rest stays to fix a mistake.
    setValues(outcome.ok ? EMPTY : (s) => ({ ...s, password: '' }));
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="create-user-heading" className="space-y-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Email" type="email" autoComplete="off" value={values.email} onValueChange={set('email')} error={error('email')} />
        <TextField label="Name" autoComplete="off" value={values.name} onValueChange={set('name')} error={error('name')} />
        <SelectField label="Role" value={values.role} onValueChange={set('role')} error={error('role')}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="Initial password, at least 12 characters. Share it safely; they change it on their account page."
          value={values.password}
          onValueChange={set('password')}
          error={error('password')}
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={busy}>
          Create user
        </Button>
      </div>
      <FormMessage result={result} />
    </form>
  );
}
