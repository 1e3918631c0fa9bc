import { accountsDetailSchema, accountsSummarySchema, authorizeSuccessSchema, flinksErrorSchema, statementsSchema } from '@/lib/flinks/schemas';
import type { Step } from '@/lib/store/types';
import { toAccountViews, toStatementViews, type AccountView, type StatementView } from './data-views';
import { toFlinksErrorView, toTransportErrorView, type ErrorView } from './views';

/**
 * What the session page rebuilds from its stored (masked) steps after a reload, so data already
 * fetched is shown again without calling Flinks: the last successful accounts summary, detail and
 * statements, with when they were fetched; the newest failure as the full explanation card; whether
 * a detail was still being polled. Pure: steps in, views out.
 */

export type Fetched<T> = { data: T; fetchedAt: string };

export type StoredData = {
  summary: Fetched<AccountView[]> | null;
  detail: Fetched<AccountView[]> | null;
  /** Statement PDFs are never stored (compact-response.ts): base64 is empty, "Refresh" downloads them again. */
  statements: Fetched<StatementView[]> | null;
  /** A 202 of GetAccountsDetail(Async) not followed by its answer: the poller resumes from this time. */
  detailPendingSince: string | null;
};

export type StoredFailure = { error: ErrorView; endpoint: string; at: string; outcome: Step['outcome'] };

const isFailure = (s: Step) => s.outcome === 'flinks_error' || s.outcome === 'transport_error' || s.outcome === 'cancelled';

function newest<T>(steps: readonly Step[], endpoints: readonly string[], parse: (s: Step) => T | null): Fetched<T> | null {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.outcome !== 'ok' || !endpoints.includes(s.endpoint)) continue;
    const data = parse(s);
    if (data !== null) return { data, fetchedAt: s.startedAt.toISOString() };
  }
  return null;
}

export function storedData(steps: readonly Step[]): StoredData {
  const summary = newest(steps, ['GetAccountsSummary'], (s) => {
    const p = accountsSummarySchema.safeParse(s.response);
    return p.success ? toAccountViews(p.data) : null;
  });
  const detail = newest(steps, ['GetAccountsDetail', 'GetAccountsDetailAsync'], (s) => {
    const p = accountsDetailSchema.safeParse(s.response);
    return p.success ? toAccountViews(p.data) : null;
  });
  const statements = newest(steps, ['GetStatements', 'GetStatementsAsync'], (s) => {
    const p = statementsSchema.safeParse(s.response);
    return p.success ? toStatementViews(p.data).map((v) => ({ ...v, base64: '' })) : null;
  });
  const lastDetail = steps.findLast((s) => s.endpoint === 'GetAccountsDetail' || s.endpoint === 'GetAccountsDetailAsync');
  // Polling began at the first 202 of the run that is still pending.
  let detailPendingSince: string | null = null;
  if (lastDetail?.outcome === 'pending') {
    const idx = steps.lastIndexOf(lastDetail);
    let first = lastDetail;
    for (let i = idx - 1; i >= 0; i--) {
      const s = steps[i]!;
      if (s.endpoint !== 'GetAccountsDetail' && s.endpoint !== 'GetAccountsDetailAsync') continue;
      if (s.outcome !== 'pending') break;
      first = s;
    }
    detailPendingSince = first.startedAt.toISOString();
  }
  return { summary, detail, statements, detailPendingSince };
}

/** Flinks' LastRefresh from the newest successful Authorize (UTC without a zone suffix, §4.1), or null. */
export function lastRefreshOf(steps: readonly Step[]): string | null {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!;
    if (s.endpoint !== 'Authorize' || s.outcome !== 'ok') continue;
    const p = authorizeSuccessSchema.safeParse(s.response);
    if (p.success) return p.data.Login.LastRefresh ?? null;
  }
  return null;
}

/** A stored transport failure names its reason only in its sentence (lib/flinks/http.ts). */
const REASONS: readonly [RegExp, string][] = [
  [/did not answer within/i, 'timeout'],
  [/could not reach/i, 'network'],
  [/larger than/i, 'too_large'],
  [/nested deeper/i, 'too_deep'],
  [/without a FlinksCode/i, 'http_error'],
  [/not an object|does not recognise|documented shape/i, 'unexpected_shape'],
  [/cancelled/i, 'aborted'],
  [/HTTP \d+ with /i, 'non_json'],
];

export function errorOfStep(s: Step): ErrorView | null {
  if (s.outcome === 'flinks_error') {
    const body = flinksErrorSchema.safeParse({ HttpStatusCode: s.httpStatus ?? undefined, ...(s.response as object | null) });
    if (body.success) return toFlinksErrorView(s.httpStatus ?? body.data.HttpStatusCode, body.data, s.responseHeaders, s.startedAt);
    if (s.flinksCode) return toFlinksErrorView(s.httpStatus ?? 400, { HttpStatusCode: s.httpStatus ?? 400, FlinksCode: s.flinksCode }, s.responseHeaders, s.startedAt);
    return null;
  }
  if (s.outcome === 'transport_error' || s.outcome === 'cancelled') {
    const message = s.error ?? 'The call to Flinks failed.';
    const reason = s.outcome === 'cancelled' ? 'aborted' : (REASONS.find(([re]) => re.test(message))?.[1] ?? 'unknown');
    const r = s.response as { text?: unknown } | null;
    const raw = r === null ? null : typeof r.text === 'string' ? r.text : JSON.stringify(r).slice(0, 500);
    return toTransportErrorView({ reason, message, status: s.httpStatus, bodySnippet: raw }, s.responseHeaders, s.startedAt);
  }
  return null;
}

/**
 * The failure the page explains: the newest step when it failed (a Link that failed on an open
 * session), else for a failed inspection its newest failing step.
 */
export function lastFailureOf(steps: readonly Step[], inspectionFailed: boolean): StoredFailure | null {
  const last = steps.at(-1);
  const step = last && isFailure(last) ? last : inspectionFailed ? steps.findLast(isFailure) : undefined;
  if (!step) return null;
  const error = errorOfStep(step);
  return error ? { error, endpoint: step.endpoint, at: step.startedAt.toISOString(), outcome: step.outcome } : null;
}
