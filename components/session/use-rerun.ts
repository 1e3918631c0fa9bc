'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { FieldErrors } from '@/lib/inspector/form-check';
import type { RerunInputs } from '@/lib/inspector/reopen-session';
import type { ErrorView } from '@/lib/inspector/views';
import type { RerunResult } from '@/lib/operations/sessions';

type Send = (payload: { inspectionId: string; clickId: string; password?: string; reason?: string }) => Promise<RerunResult>;
export type Typed = { password?: string; reason?: string };

function newClickId(): string {
  // randomUUID needs a secure context; a LAN http:// address is not one.
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/**
 * Run again / Reopen on the session page: one call per click (the button is disabled while pending,
 * a ref stops a second click before React re-renders, and the click id lets the server answer a
 * repeated post with the first result), then the new session's page. A live login first asks for the
 * password (needs_password), which is sent once and kept nowhere.
 */
export function useRerun(send: Send, inspectionId: string) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [asked, setAsked] = useState<RerunInputs | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<ErrorView | null>(null);
  const clickId = useRef<string | null>(null);
  const busy = useRef(false);

  async function run(typed: Typed = {}) {
    if (busy.current) return;
    busy.current = true;
    setPending(true);
    setError(null);
    clickId.current ??= newClickId();
    let leaving = false;
    try {
      const r = await send({ inspectionId, clickId: clickId.current, ...typed });
      // A settled answer: the next click is a new one. (After a throw the same id is sent again, so
      // an inspection the server did open is not opened twice.)
      clickId.current = null;
      switch (r.kind) {
        case 'opened':
          leaving = true;
          router.push(`/sessions/${r.inspectionId}`);
          return;
        case 'needs_password':
          setAsked(r.inputs);
          setFieldErrors({});
          break;
        case 'invalid':
        {
          setFieldErrors(r.fieldErrors);
          // Only the password and the reason are fields here; anything else about the stored inputs is said in words.
          const others = Object.entries(r.fieldErrors).filter(([k]) => k !== 'password' && k !== 'reason').map(([, m]) => m);
          if (others.length > 0 || Object.keys(r.fieldErrors).length === 0) setError({ kind: 'app', message: others.join(' ') || r.message });
        }
          break;
        case 'error':
          setError(r.error);
          break;
      }
    } catch {
      setError({ kind: 'app', message: 'The dashboard could not reach its server. Try again.' });
    } finally {
      // Stays disabled while the new page loads.
      if (!leaving) {
        busy.current = false;
        setPending(false);
      }
    }
  }

  function cancel() {
    setAsked(null);
    setFieldErrors({});
    setError(null);
  }

  return { run, pending, asked, setAsked, fieldErrors, error, cancel };
}
