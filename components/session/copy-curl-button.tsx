'use client';

import { useState } from 'react';

/**
 * Copies a step as a curl command (built on the server, placeholders only) and also shows it, since
 * the clipboard may be unavailable (plain http, denied permission) and people like to read it first.
 * Meant for a flex-wrap row: the command takes a full-width line below the button.
 */
export function CopyCurlButton({ command, seq }: { command: string; seq: number }) {
  const [shown, setShown] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  async function copy() {
    setShown(true);
    try {
      await navigator.clipboard.writeText(command);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  return (
    <>
      <button
        type="button"
        onClick={copy}
        className="rounded border border-slate-300 bg-white px-2 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        Copy as cURL
      </button>
      <span className="sr-only" aria-live="polite">
        {copied === 'yes' ? `Step ${seq} copied as cURL` : ''}
      </span>
      {shown ? (
        <div className="w-full min-w-0 basis-full space-y-1">
          <p className="text-xs text-slate-600">
            {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'no' ? 'The clipboard is not available: copy it from here.' : ''}{' '}
            Set <code>$FLINKS_API_KEY</code>, <code>$FLINKS_SECRET_KEY</code>, <code>$FLINKS_AUTHORIZE_TOKEN</code> or <code>$PASSWORD</code> in your shell first.
          </p>
          <pre aria-label={`cURL command for step ${seq}`} data-testid="curl-command" className="max-h-64 overflow-auto rounded bg-slate-900 p-3 text-xs text-slate-100">
            {command}
          </pre>
        </div>
      ) : null}
    </>
  );
}
