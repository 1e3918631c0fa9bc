'use client';

import { useActionState, useEffect, useRef, useState, type FormEvent } from 'react';
import { importBundleAction } from '@/app/tools/import-bundle/actions';
import { Button } from '@/components/ui/button';
import { FieldError, inputClass } from '@/components/ui/field-error';
import type { ImportBundleResult } from '@/lib/operations/bundle-import';
import { MAX_BUNDLE_BYTES, tooBigMessage } from '@/lib/simulator/replay/limits';
import { ImportedBundle } from './imported-bundle';

/**
 * "Support bundle" file + "Import". On success: the LoginId the simulator now answers for (ImportedBundle).
 * An oversize file is refused here, before it is sent; the server checks again.
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
      {result?.ok ? <ImportedBundle loginId={result.loginId} username={result.username} steps={result.steps} headingRef={resultHeading} /> : null}
    </div>
  );
}
