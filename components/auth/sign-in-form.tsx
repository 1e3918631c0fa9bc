'use client';

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

type Props = { next: string; sso: { label: string } | null; initialError: string | null };

/**
 * Posts to Better Auth's own route (not a server action) so its rate limiter and origin check apply.
 * A refusal never says which of email or password was wrong.
 */
export function SignInForm({ next, sso, initialError }: Props) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(initialError);
  const [busy, setBusy] = useState(false);

  async function post(path: string, body: unknown): Promise<Response | null> {
    try {
      return await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
    } catch {
      setError('The server did not answer. Check your connection and try again.');
      return null;
    }
  }

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await post('/api/auth/sign-in/email', { email, password, rememberMe: false });
    setBusy(false);
    if (!res) return;
    if (res.ok) {
      window.location.assign(next);
      return;
    }
    setPassword('');
    if (res.status === 429) {
      const wait = Number(res.headers.get('x-retry-after') ?? res.headers.get('retry-after'));
      setError(`Too many sign-in attempts. ${Number.isFinite(wait) && wait > 0 ? `Wait ${wait} seconds` : 'Wait a few minutes'} and try again.`);
    } else if (res.status === 403) {
      const body = (await res.json().catch(() => null)) as { message?: string } | null;
      setError(body?.message ?? 'This account cannot sign in. Ask an administrator.');
    } else {
      setError('Email or password is incorrect.');
    }
  }

  async function onSso() {
    setBusy(true);
    setError(null);
    const res = await post('/api/auth/sign-in/social', { provider: 'sso', callbackURL: next, errorCallbackURL: '/sign-in?error=sso' });
    const body = res?.ok ? ((await res.json().catch(() => null)) as { url?: string } | null) : null;
    if (body?.url) {
      window.location.assign(body.url);
      return;
    }
    setBusy(false);
    if (res) setError('Single sign-on is not available right now. Try again, or sign in with your email.');
  }

  return (
    <div className="space-y-5">
      {error ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <form onSubmit={onSubmit} className="space-y-4" noValidate>
        <TextField label="Email" type="email" name="email" autoComplete="username" required value={email} onValueChange={setEmail} />
        <TextField label="Password" type="password" name="password" autoComplete="current-password" required value={password} onValueChange={setPassword} />
        <Button type="submit" disabled={busy} className="w-full">
          Sign in
        </Button>
      </form>
      {sso ? (
        <div className="space-y-2 border-t border-slate-200 pt-4">
          <Button variant="secondary" onClick={onSso} disabled={busy} className="w-full">
            Sign in with {sso.label}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
