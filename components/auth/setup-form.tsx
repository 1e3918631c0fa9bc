'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { claimFirstAdminAction } from '@/app/setup/actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import type { FormResult } from '@/lib/auth/user-schemas';

export function SetupForm({ token }: { token: string }) {
  const [values, setValues] = useState({ email: '', name: '', password: '' });
  const [result, setResult] = useState<FormResult | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof values) => (v: string) => setValues((s) => ({ ...s, [k]: v }));
  const fieldError = (k: string) => (result && !result.ok ? result.fieldErrors[k] : undefined);

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setResult(await claimFirstAdminAction({ token, ...values }));
    setBusy(false);
  }

  if (result?.ok) {
    return (
      <div role="status" className="space-y-3">
        <p className="text-sm text-slate-800">{result.message}</p>
        <Link prefetch={false} href="/sign-in" className="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700">
          Go to sign in
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      {result && !result.ok ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {result.message}
        </p>
      ) : null}
      <TextField label="Email" type="email" autoComplete="username" value={values.email} onValueChange={set('email')} error={fieldError('email')} />
      <TextField label="Name" autoComplete="name" value={values.name} onValueChange={set('name')} error={fieldError('name')} />
      <TextField label="Password" type="password" autoComplete="new-password" hint="At least 12 characters." value={values.password} onValueChange={set('password')} error={fieldError('password')} />
      <Button type="submit" disabled={busy} className="w-full">
        Create administrator
      </Button>
    </form>
  );
}
