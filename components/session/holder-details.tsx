'use client';

import { useEffect, useRef, useState } from 'react';
import type { AccountView } from '@/lib/inspector/data-views';
import type { RevealedAccount, RevealHolderDataResult } from '@/lib/inspector/reveal-holder-data';
import type { RevealHolderDataInput } from '@/lib/inspector/reveal-schema';
import { DataTable, type Column } from '@/components/ui/data-table';
import { RevealDialog } from './reveal-dialog';

const HOLDER_DETAILS_COLUMNS: Column[] = [
  { label: 'Account' },
  { label: 'Name' },
  { label: 'Email' },
  { label: 'Phone' },
  { label: 'Address' },
  { label: 'Account number' },
  { label: 'Transit' },
];

/** How long clear values stay on screen before they are masked again. */
export const REVEAL_SECONDS = 60;

type Props = {
  inspectionId: string;
  /** Masked by the server; the clear values come only from `reveal`, on request. */
  accounts: AccountView[];
  /** Null when the viewer may not reveal (no pii:reveal, or not their inspection): no button is offered. */
  reveal: ((input: RevealHolderDataInput) => Promise<RevealHolderDataResult>) | null;
};

type Revealed = { byId: Map<string, RevealedAccount>; until: number };

/** Personal data stays masked on screen until someone asks for it, says why, and then only for a minute. */
export function HolderDetails({ inspectionId, accounts, reveal }: Props) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string } | null>(null);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const revealButton = useRef<HTMLButtonElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const dialogWasOpen = useRef(false);

  // Focus goes back where the user was: the Hide button after a reveal, the Reveal button otherwise.
  useEffect(() => {
    if (asking) {
      dialogWasOpen.current = true;
      return;
    }
    if (!dialogWasOpen.current) return;
    dialogWasOpen.current = false;
    (hideButton.current ?? revealButton.current)?.focus();
  }, [asking, revealed]);

  useEffect(() => {
    if (!revealed) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= revealed.until) setRevealed(null);
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [revealed]);

  const withHolder = accounts.filter((a) => a.holder);
  if (withHolder.length === 0) return <p className="text-sm text-slate-600">Flinks returned no holder details.</p>;

  async function confirm(reason: string) {
    if (!reveal) return;
    setBusy(true);
    setError(null);
    try {
      const r = await reveal({ inspectionId, reason });
      if (r.kind === 'revealed') {
        const at = Date.now();
        setNow(at);
        setRevealed({ byId: new Map(r.accounts.map((a) => [a.accountId, a])), until: at + REVEAL_SECONDS * 1000 });
        setAsking(false);
      } else setError({ message: r.kind === 'invalid' ? r.message : r.error.message });
    } catch {
      setError({ message: 'The dashboard could not reach its server. Try again.' });
    } finally {
      setBusy(false);
    }
  }

  const secondsLeft = revealed ? Math.max(0, Math.ceil((revealed.until - now) / 1000)) : 0;
  const masked = (v: string | null) => v ?? '—';
  const lastFour = (a: AccountView) => (a.lastFour ? `••••${a.lastFour}` : '—');

  return (
    <section aria-labelledby="holder-heading" className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="holder-heading" className="text-sm font-semibold text-slate-800">Holder details</h3>
        {revealed ? (
          <div className="flex items-center gap-2">
            <p className="text-xs text-slate-600" data-testid="reveal-countdown">Masked again in {secondsLeft} s</p>
            <button ref={hideButton} type="button" onClick={() => setRevealed(null)} className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100">
              Hide holder details
            </button>
          </div>
        ) : reveal === null ? null : (
          <button
            ref={revealButton}
            type="button"
            aria-haspopup="dialog"
            onClick={() => {
              setError(null);
              setAsking(true);
            }}
            className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100"
          >
            Reveal holder details
          </button>
        )}
      </div>
      <DataTable columns={HOLDER_DETAILS_COLUMNS} testId="holder-table">
        {withHolder.map((a) => {
          const clear = revealed?.byId.get(a.id);
          const show = (clearValue: string | null | undefined, maskedValue: string | null) => (clear ? (clearValue ?? '—') : masked(maskedValue));
          return (
            <tr key={a.id} data-revealed={clear ? 'true' : undefined}>
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">{a.title ?? lastFour(a)}</th>
              <td className="whitespace-nowrap px-3 py-2">{show(clear?.holder?.name, a.holder!.name)}</td>
              <td className="whitespace-nowrap px-3 py-2">{show(clear?.holder?.email, a.holder!.email)}</td>
              <td className="whitespace-nowrap px-3 py-2">{show(clear?.holder?.phone, a.holder!.phone)}</td>
              <td className="whitespace-nowrap px-3 py-2">{show(clear?.holder?.address, a.holder!.address)}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono">{clear ? (clear.accountNumber ?? '—') : lastFour(a)}</td>
              <td className="whitespace-nowrap px-3 py-2 font-mono">{show(clear?.transitNumber, a.transitNumber)}</td>
            </tr>
          );
        })}
      </DataTable>
      {asking ? <RevealDialog busy={busy} error={error} onConfirm={confirm} onCancel={() => setAsking(false)} /> : null}
    </section>
  );
}
