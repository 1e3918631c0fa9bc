import { CopyButton } from '@/components/ui/copy-button';
import type { ErrorView } from '@/lib/inspector/views';

/**
 * The one explanation of a failed call, on the inspector form and on the session page alike: a Flinks
 * error's code, meaning, who must act, whether a retry helps and the next step; a transport failure's
 * title, status and raw response; or our own message. role=alert: announced when it appears; a Flinks
 * error always shows its FlinksCode as written.
 */
export function ErrorPanel({ error }: { error: ErrorView }) {
  return (
    <div role="alert" className="space-y-2 rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-950">
      {error.kind === 'flinks' ? <FlinksErrorBody error={error} /> : null}
      {error.kind === 'transport' ? (
        <>
          <p className="font-semibold">{error.title}</p>
          <p>{error.message}</p>
          {error.httpStatus !== null ? <p className="text-red-800">HTTP status: {error.httpStatus}</p> : null}
          {error.whoActsLabel && error.action ? (
            <Advice whoActsLabel={error.whoActsLabel} retryLabel={error.retryLabel ?? null} action={error.action} retryAfterSeconds={error.retryAfterSeconds ?? null} />
          ) : null}
          <details className="rounded border border-red-200 bg-white p-2">
            <summary className="cursor-pointer font-medium">Raw response</summary>
            <pre className="mt-2 max-h-64 overflow-auto whitespace-pre-wrap break-all text-xs text-slate-800">{error.raw ?? '(no response body was received)'}</pre>
          </details>
        </>
      ) : null}
      {error.kind === 'app' ? <p>{error.message}</p> : null}
    </div>
  );
}

// Stacked on narrow screens: small caps terms keep each pair readable.
const DT = 'text-xs font-semibold uppercase tracking-wide text-red-800 sm:text-sm sm:font-medium sm:normal-case sm:tracking-normal sm:text-red-950';
const DD = 'mb-2 sm:mb-0';

function FlinksErrorBody({ error }: { error: Extract<ErrorView, { kind: 'flinks' }> }) {
  return (
    <>
      <p className="font-semibold">
        Flinks error <code className="rounded bg-red-100 px-1 font-mono">{error.flinksCode}</code>
        <span className="font-normal text-red-800"> (HTTP {error.httpStatus})</span>
      </p>
      <p>{error.explanation}</p>
      {error.message ? <p className="text-red-800">Flinks says: “{error.message}”</p> : null}
      <Advice whoActsLabel={error.whoActsLabel} retryLabel={error.retryLabel} action={error.action} retryAfterSeconds={error.retryAfterSeconds ?? null}>
        {error.requestId ? (
          <>
            <dt className={DT}>Request ID</dt>
            <dd className={`${DD} break-all font-mono text-xs`}>{error.requestId}</dd>
          </>
        ) : null}
      </Advice>
      {error.customerReply ? <CustomerReply text={error.customerReply} /> : null}
    </>
  );
}

/** Who acts, retry (with Flinks' Retry-After when it sent one) and the next step: Flinks errors and transport failures alike. */
function Advice({ whoActsLabel, retryLabel, action, retryAfterSeconds, children }: { whoActsLabel: string; retryLabel: string | null; action: string; retryAfterSeconds: number | null; children?: React.ReactNode }) {
  return (
    <dl className="grid gap-x-4 sm:grid-cols-[9rem_1fr] sm:gap-y-1">
      <dt className={DT}>Who must act</dt>
      <dd className={DD}>{whoActsLabel}</dd>
      {retryLabel ? (
        <>
          <dt className={DT}>Retry</dt>
          <dd className={DD}>{retryLabel}</dd>
        </>
      ) : null}
      {retryAfterSeconds !== null ? (
        <>
          <dt className={DT}>Retry-After</dt>
          <dd className={DD} data-testid="retry-after">Retry after {retryAfterSeconds} s (Flinks sent Retry-After)</dd>
        </>
      ) : null}
      <dt className={DT}>Next step</dt>
      <dd className={DD}>{action}</dd>
      {children}
    </dl>
  );
}

/** Only where the customer must act: words support can paste into the ticket, visible and copyable. */
function CustomerReply({ text }: { text: string }) {
  return (
    <div className="space-y-1 rounded border border-red-200 bg-white p-2 text-slate-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium" id="customer-reply-label">Reply for the customer</p>
        <CopyButton value={text} label="reply for the customer" />
      </div>
      <p aria-labelledby="customer-reply-label" data-testid="customer-reply">{text}</p>
    </div>
  );
}
