'use client';

import { useState, type FormEvent } from 'react';
import { resetPasswordAction } from '@/app/admin/users/actions';
import { Button } from '@/components/ui/button';
import { fieldErrorOf } from '@/components/ui/form-message';
import { TextField } from '@/components/ui/text-field';
import type { FormResult } from '@/lib/auth/user-schemas';

/** The small form behind "Reset password": a new password, then the row reports the outcome. */
export function ResetPasswordForm({ id, userId, email, onDone, onCancel }: { id: string; userId: string; email: string; onDone: (r: FormResult) => void; onCancel: () => void }) {
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await resetPasswordAction({ userId, password });
    setBusy(false);
    setPassword('');
    const problem = fieldErrorOf(result, 'password');
    if (problem) {
      setFieldError(problem);
      return;
    }
    onDone(result);
  }

  return (
    <form id={id} onSubmit={onSubmit} aria-label={`Reset password for ${email}`} className="space-y-2 rounded-md border border-slate-200 bg-slate-50 p-3" noValidate>
      <TextField
        label={`New password for ${email}`}
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters. Their sessions end."
        value={password}
        onValueChange={setPassword}
        error={fieldError}
        autoFocus
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy} size="sm">
          Set password
        </Button>
        <Button variant="ghost" onClick={onCancel} size="sm">
          Cancel
        </Button>
      </div>
    </form>
  );
}
