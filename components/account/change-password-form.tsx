'use client';

import { useState, type FormEvent } from 'react';
import { changePasswordAction } from '@/app/account/actions';
import { Button } from '@/components/ui/button';
import { fieldErrorOf, FormMessage } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormResult } from '@/lib/auth/user-schemas';

const EMPTY = { currentPassword: '', newPassword: '' };

export function ChangePasswordForm({ email }: { email: string }) {
  const [values, setValues] = useState(EMPTY);
  const [result, setResult] = useState<FormResult | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setResult(await changePasswordAction(values));
    // Passwords do not linger in the page, whatever the outcome.
    setValues(EMPTY);
    setBusy(false);
  }

  return (
    <form onSubmit={onSubmit} aria-labelledby="change-password-heading" className="max-w-sm space-y-4" noValidate>
      {/* For password managers: which account this new password belongs to. */}
      <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField label="Current password" type="password" autoComplete="current-password" value={values.currentPassword} onValueChange={set('currentPassword')} error={fieldErrorOf(result, 'currentPassword')} />
      <TextField label="New password" type="password" autoComplete="new-password" hint="At least 12 characters." value={values.newPassword} onValueChange={set('newPassword')} error={fieldErrorOf(result, 'newPassword')} />
      <Button type="submit" disabled={busy}>
        Change password
      </Button>
      <FormMessage result={result} />
    </form>
  );
}
