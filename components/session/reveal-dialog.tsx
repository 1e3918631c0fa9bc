'use client';

import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

type Props = {
  busy: boolean;
  /** A failure of the last attempt (an invalid reason, an unknown session, an unreadable key…). */
  error: { message: string; field?: string } | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/**
 * Asks why before personal data is shown: the reason goes to the audit trail with the reveal.
 * A modal dialog (focus moves in, Escape cancels); the page behind stays as it was.
 */
export function RevealDialog({ busy, error, onConfirm, onCancel }: Props) {
  const headingId = useId();
  const [reason, setReason] = useState('');
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    panel.current?.querySelector('input')?.focus();
  }, []);

  // aria-modal promises the rest of the page is out of reach: Tab cycles within the dialog.
  function keepFocusInside(e: KeyboardEvent) {
    const focusable = [...(panel.current?.querySelectorAll<HTMLElement>('input, button:not([disabled])') ?? [])];
    const first = focusable[0];
    const last = focusable.at(-1);
    if (!first || !last) return;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!busy) onConfirm(reason);
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={headingId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onCancel();
          if (e.key === 'Tab') keepFocusInside(e);
        }}
        className="w-full max-w-md space-y-3 rounded-lg bg-white p-5 shadow-xl"
      >
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">Reveal holder details</h2>
        <p className="text-sm text-slate-600">
          The customer&apos;s name, email, phone, address and full account numbers are shown for 60 seconds. Say why: the reason is kept with the reveal.
        </p>
        <form onSubmit={submit} className="space-y-3" noValidate>
          <TextField label="Reason" value={reason} onValueChange={setReason} hint="A ticket number or a few words, 3 to 500 characters." maxLength={500} autoComplete="off" />
          {error ? (
            <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-2 text-sm text-red-900">
              {error.message}
            </div>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={onCancel}>Cancel</Button>
            <Button type="submit" disabled={busy} aria-busy={busy}>Reveal</Button>
          </div>
        </form>
      </div>
    </div>
  );
}
