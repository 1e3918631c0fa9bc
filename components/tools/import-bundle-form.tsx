'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { importBundleAction } from '@/app/tools/import-bundle/actions';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { FieldError, inputClass } from '@/components/ui/field-error';
import type { ImportBundleResult } from '@/lib/operations/bundle-import';
import { MAX_BUNDLE_BYTES, tooBigMessage } from '@/lib/simulator/replay/limits';

/**
 * "Support bundle" file + "Import". On success: the LoginId the simulator now answers for, with
 * "Open in cached mode" (the home page, Login ID filled in). An oversize file is refused here,
 * before it is sent; the server checks again.
 */
export function ImportBundleForm() {
  const [result, action, pending] = useActionState<ImportBundleResult | null, FormData>(importBundleAction, null);
  const [localError, setLocalError] = useState<string | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const error = localError ?? (result && !result.ok ? result.message : null);

  // Keyboard and screen-reader users land on what happened.
  useEffect(() => {
    if (result?.ok) resultHeading.current?.focus();
  }, [result]);

  function check(e: FormEvent<HTMLFormElement>) {
    const file = (e.currentTarget.elements.namedItem('bundle') as HTMLInputElement | null)?.files?.[0];
    if (file && file.size > MAX_BUNDLE_BYTES) {
      e.preventDefault();
      setLocalError(tooBigMessage(file.size));
      return;
    }
    setLocalError(null);
  }

  return (
    <div className="space-y-5">
      <form action={action} onSubmit={check} aria-label="Import bundle" className="space-y-4">
        <div className="space-y-1">
          <label htmlFor="support-bundle" className="block text-sm font-medium text-slate-800">
            Support bundle
          </label>
          <input
            id="support-bundle"
            name="bundle"
            type="file"
            accept=".json,application/json"
            required
            aria-invalid={error ? true : undefined}
            aria-describedby="support-bundle-hint support-bundle-error"
            className={`${inputClass(Boolean(error))} file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm file:font-medium file:text-slate-800`}
          />
          <p id="support-bundle-hint" className="text-xs text-slate-600">
            The .json file that “Download support bundle” saves on a session page (up to {MAX_BUNDLE_BYTES / 1024 / 1024} MB).
          </p>
          <FieldError id="support-bundle-error" message={error ?? undefined} />
        </div>
        <Button type="submit" disabled={pending} aria-disabled={pending}>
          Import
        </Button>
      </form>
      {result?.ok ? (
        <section aria-labelledby="import-result-heading" className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
          <h2 id="import-result-heading" ref={resultHeading} tabIndex={-1} className="text-base font-semibold focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-600">
            Bundle imported
          </h2>
          <p>
            The simulator now answers this Login ID with the recorded session{result.username ? ` of ${result.username}` : ''} ({result.steps.length} step
            {result.steps.length === 1 ? '' : 's'}):
          </p>
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-medium">Login ID</span>
            <code data-testid="replay-login-id" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
              {result.loginId}
            </code>
            <CopyButton value={result.loginId} label="Login ID" />
          </div>
          <Link
            href={`/?loginId=${encodeURIComponent(result.loginId)}`}
            className="inline-flex items-center rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Open in cached mode
          </Link>
          <details>
            <summary className="cursor-pointer text-emerald-900">Recorded steps</summary>
            <ol className="mt-2 list-decimal space-y-0.5 pl-6 font-mono text-xs break-words">
              {result.steps.map((s, i) => (
                <li key={i}>{s}</li>
              ))}
            </ol>
          </details>
        </section>
      ) : null}
    </div>
  );
}
