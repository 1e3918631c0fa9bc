import type { FollowResult } from '@/lib/inspector/follow-link';

type ErrorOf = Extract<FollowResult, { kind: 'error' | 'expired' }>['error'];

export function ErrorBox({ error }: { error: ErrorOf }) {
  return (
    <div role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900">
      {error.kind === 'flinks' ? (
        <>
          <p className="font-semibold">
            {error.flinksCode} <span className="font-normal">(HTTP {error.httpStatus})</span>
          </p>
          {error.message ? <p>{error.message}</p> : null}
          <p className="mt-1">{error.explanation}</p>
          <p className="mt-1 text-red-800">Next: {error.action}</p>
        </>
      ) : (
        <p>{error.message}</p>
      )}
    </div>
  );
}
