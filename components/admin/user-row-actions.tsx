'use client';

import { useId, useState, type FormEvent } from 'react';
import { deactivateUserAction, reactivateUserAction, setRoleAction } from '@/app/admin/users/actions';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { ROLES, type Role } from '@/lib/auth/permissions';
import type { UserStatus } from '@/lib/auth/user-admin-rules';
import type { FormResult } from '@/lib/auth/user-schemas';
import { ResetPasswordForm } from './reset-password-form';

type Props = { user: { id: string; email: string; role: Role | null; status: UserStatus } };


/** A row's controls: role, password, deactivation. Each reports in the row's own message. */
export function UserRowActions({ user }: Props) {
  const id = useId();
  const [role, setRole] = useState<string>(user.role ?? 'support');
  const [result, setResult] = useState<FormResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [resetting, setResetting] = useState(false);
  const [confirming, setConfirming] = useState(false);

  async function run(action: () => Promise<FormResult>) {
    setBusy(true);
    setResult(null);
    setResult(await action());
    setBusy(false);
    setConfirming(false);
  }

  function onRole(e: FormEvent) {
    e.preventDefault();
    void run(() => setRoleAction({ userId: user.id, role }));
  }

  return (
    <div className="flex flex-col gap-2 md:min-w-72">
      <div className="flex flex-wrap items-center gap-2">
        <form onSubmit={onRole} className="flex items-center gap-2">
          <label htmlFor={`${id}-role`} className="sr-only">
            Role for {user.email}
          </label>
          <select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value)} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 shadow-sm focus:outline-2 focus:outline-offset-1 focus:outline-indigo-600">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={busy} size="sm">
            Change role
          </Button>
        </form>
        <Button
          variant="secondary"
          disabled={busy}
          size="sm"
          aria-expanded={resetting}
          aria-controls={resetting ? `${id}-reset` : undefined}
          onClick={() => {
            setResetting((r) => !r);
            setResult(null);
          }}
        >
          Reset password
        </Button>
        {user.status === 'active' ? (
          <Button variant="secondary" disabled={busy} size="sm" onClick={() => setConfirming(true)} aria-expanded={confirming}>
            Deactivate
          </Button>
        ) : (
          <Button variant="secondary" disabled={busy} size="sm" onClick={() => run(() => reactivateUserAction({ userId: user.id }))}>
            Reactivate
          </Button>
        )}
      </div>
      {confirming && user.status === 'active' ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
          <span>Deactivate {user.email}? They are signed out at once.</span>
          <Button variant="danger" disabled={busy} size="sm" onClick={() => run(() => deactivateUserAction({ userId: user.id }))}>
            Confirm deactivation
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : null}
      {resetting ? (
        <ResetPasswordForm
          id={`${id}-reset`}
          userId={user.id}
          email={user.email}
          onCancel={() => setResetting(false)}
          onDone={(r) => {
            setResult(r);
            setResetting(false);
          }}
        />
      ) : null}
      <FormMessage result={result} className="py-1.5" />
    </div>
  );
}
