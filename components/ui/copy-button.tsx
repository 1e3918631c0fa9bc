'use client';

import { useState } from 'react';

/** One-click copy of an id; the accessible name says what is copied ("Copy Request ID"). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      setCopied(false);
    }
  }
  return (
    <>
    <button
      type="button"
      onClick={copy}
      aria-label={`Copy ${label}`}
      title={`Copy ${label}`}
      className="shrink-0 rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
    >
      <span aria-hidden="true">{copied ? 'Copied' : 'Copy'}</span>
    </button>
    <span className="sr-only" aria-live="polite">
      {copied ? `${label} copied` : ''}
    </span>
    </>
  );
}
