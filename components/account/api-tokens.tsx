'use client';

import { useState, type FormEvent } from 'react';
import { createApiTokenAction, revokeApiTokenAction } from '@/app/account/token-actions';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ApiTokenItem, CreateTokenResult } from '@/lib/auth/api-token-schemas';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'never');

function stateOf(t: ApiTokenItem): string {
  if (t.state === 'revoked') return `revoked ${day(t.revokedAt)}`;
  if (t.state === 'expired') return `expired ${day(t.expiresAt)}`;
  return `expires ${day(t.expiresAt)}`;
}

/**
 * Create and revoke one's personal API tokens. A new token is shown once, here, until the page is
 * left: the server keeps only its hash.
 */
export function ApiTokens({ tokens }: { tokens: ApiTokenItem[] }) {
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreateTokenResult | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onCreate(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const result = await createApiTokenAction({ name, days });
    setCreated(result);
    if (result.ok) setName('');
    setBusy(false);
  }

  async function onRevoke(id: string) {
    const result = await revokeApiTokenAction({ id });
    setMessage(result.message);
  }

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        For scripts and the <code>fsi</code> command line: send as <code>Authorization: Bearer …</code> to <code>/api/v1</code> (reference at <code>/api/v1/docs</code>). A token acts with your role as it is at each request.
      </p>
      <form onSubmit={onCreate} aria-label="Create an API token" className="flex flex-wrap items-end gap-3" noValidate>
        <TextField label="Token name" value={name} onValueChange={setName} error={created && !created.ok ? created.fieldErrors.name : undefined} />
        <SelectField label="Expires after" value={days} onValueChange={setDays}>
          <option value="30">30 days</option>
          <option value="90">90 days</option>
          <option value="365">365 days</option>
        </SelectField>
        <Button type="submit" disabled={busy}>Create token</Button>
      </form>
      {created?.ok ? (
        <div role="status" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">Copy your new token now: it is shown only once.</p>
          <div className="flex items-center gap-2">
            <input aria-label="New API token" readOnly value={created.token} className="w-full rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs" />
            <CopyButton value={created.token} label="API token" />
          </div>
        </div>
      ) : null}
      {message ? <p role="status" className="text-sm">{message}</p> : null}
      {tokens.length === 0 ? (
        <p className="text-sm text-slate-600">You have no API tokens.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your API tokens</caption>
          <thead>
            <tr className="text-slate-600"><th scope="col">Name</th><th scope="col">Token</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th><th scope="col"><span className="sr-only">Actions</span></th></tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="border-t border-slate-200">
                <td>{t.name}</td>
                <td className="font-mono text-xs">{t.prefix}…</td>
                <td>{day(t.createdAt)}</td>
                <td>{day(t.lastUsedAt)}</td>
                <td>{stateOf(t)}</td>
                <td>
                  {t.revokedAt ? null : (
                    <button type="button" onClick={() => onRevoke(t.id)} className="rounded border border-red-300 px-2 py-0.5 text-xs text-red-800 hover:bg-red-50" aria-label={`Revoke ${t.name} (${t.prefix}…)`}>
                      Revoke
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
