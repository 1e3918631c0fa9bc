import Link from 'next/link';
import type { Ref } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

/**
 * "Bundle imported": the LoginId the simulator now replays, with "Open in cached mode" (the home page
 * with it filled in). Shown by the Import bundle form after an upload, and by the page after "Replay in
 * simulator" on a session page.
 */
export function ImportedBundle({ loginId, username, steps, headingRef }: { loginId: string; username: string | null; steps: string[]; headingRef?: Ref<HTMLHeadingElement> }) {
  return (
    <section aria-labelledby="import-result-heading" className="space-y-3 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-950">
      <h2 id="import-result-heading" ref={headingRef} tabIndex={-1} className="text-base font-semibold focus:outline-none focus-visible:outline-2 focus-visible:outline-indigo-600">
        Bundle imported
      </h2>
      <p>
        The simulator now answers this Login ID with the recorded session{username ? ` of ${username}` : ''} ({steps.length} step
        {steps.length === 1 ? '' : 's'}):
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">Login ID</span>
        <code data-testid="replay-login-id" className="break-all rounded bg-white px-2 py-1 font-mono text-xs text-slate-900">
          {loginId}
        </code>
        <CopyButton value={loginId} label="Login ID" />
      </div>
      <Link prefetch={false}
        href={`/?loginId=${encodeURIComponent(loginId)}`}
        className="inline-flex items-center rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        Open in cached mode
      </Link>
      <details>
        <summary className="cursor-pointer text-emerald-900">Recorded steps</summary>
        <ol className="mt-2 list-decimal space-y-0.5 pl-6 font-mono text-xs break-words">
          {steps.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ol>
      </details>
    </section>
  );
}
