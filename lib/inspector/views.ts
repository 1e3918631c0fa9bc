import type { AuthorizeSuccess, FlinksErrorBody, SecurityChallenge } from '@/lib/flinks/schemas';
import { describeFlinksCode, RETRY_LABEL, WHO_ACTS_LABEL, type Retry, type WhoActs } from '@/lib/flinks/codes';
import { customerReplyFor } from '@/lib/flinks/customer-replies';
import { retryAfterSeconds } from '@/lib/flinks/redact';
import type { FieldErrors } from './form-check';
import type { MfaAttempt } from './mfa-attempts';

/**
 * What the browser receives: plain, serializable views with nothing secret in them (no authorize
 * token, no keys, no password). Built on the server from the client's result unions.
 */

/** An ImageSelection choice as the browser shows it: an inline data: URI, or why there is none. */
export type ChallengeImage = { src: string; problem: null } | { src: null; problem: string };

export type ChallengeView = {
  type: string;
  prompt: string;
  /** The values to send back, exactly as offered (an image choice's value is its URL or data). */
  iterables: string[];
  /** ImageSelection only, one per iterable (lib/inspector/challenge-images.ts). */
  images?: ChallengeImage[];
};

export type SessionView = {
  requestId: string;
  loginId: string;
  username: string | null;
  loginType: string | null;
  lastRefresh: string | null;
  isScheduledRefresh: boolean | null;
  institution: string | null;
  institutionName: string | null;
  institutionId: number | null;
  tag: string | null;
  links: { rel: string; href: string }[];
};

export type FlinksErrorView = {
  kind: 'flinks';
  flinksCode: string;
  message: string | null;
  httpStatus: number;
  requestId: string | null;
  explanation: string;
  whoActs: WhoActs;
  whoActsLabel: string;
  retry: Retry;
  retryLabel: string;
  action: string;
  /** What support can send the customer, only when the customer must act (customer-replies.ts). */
  customerReply?: string | null;
  /** Flinks' Retry-After, in seconds, when it sent one. */
  retryAfterSeconds?: number | null;
};

export type TransportErrorView = {
  kind: 'transport';
  reason: string;
  title: string;
  /** What happened, in words. */
  message: string;
  httpStatus: number | null;
  /** The first bytes of the raw response (redacted), when there was one. */
  raw: string | null;
  /** Who must act and the next step, as a Flinks error has them (TRANSPORT_ADVICE). */
  whoActs?: WhoActs;
  whoActsLabel?: string;
  retry?: Retry;
  retryLabel?: string;
  action?: string;
  /** The upstream's Retry-After (a 503 may send one), in seconds. */
  retryAfterSeconds?: number | null;
};

/** Our own failures: unknown inspection, MFA state gone, bad input that slipped past the client. */
export type AppErrorView = {
  kind: 'app';
  message: string;
  /** Set when the dashboard is busy (admission control): the same request may be sent again after this long. */
  retryAfterSeconds?: number;
};

/** What a caller hears when too many Flinks-bound requests are already running or waiting. */
export function busyErrorView(retryAfterSeconds: number): AppErrorView {
  return {
    kind: 'app',
    message: `The dashboard is busy with other sessions right now; nothing was sent to Flinks. Retry in ${retryAfterSeconds} s.`,
    retryAfterSeconds,
  };
}

export type ErrorView = FlinksErrorView | TransportErrorView | AppErrorView;

export type InspectionResult =
  | { kind: 'authorized'; inspectionId: string; session: SessionView }
  /** attempt: which try the next answer is (D4), counted from the stored steps by lib/operations. */
  | { kind: 'mfa'; inspectionId: string; requestId: string; challenges: ChallengeView[]; error: ErrorView | null; attempt?: MfaAttempt }
  /** mfaOpen: the MFA round is still answerable (e.g. a timeout while answering). */
  | { kind: 'error'; inspectionId: string | null; error: ErrorView; mfaOpen: boolean }
  | { kind: 'invalid'; fieldErrors: FieldErrors; message: string };

export function toChallengeViews(challenges: readonly SecurityChallenge[]): ChallengeView[] {
  return challenges.map((c) => ({ type: c.Type, prompt: c.Prompt, iterables: c.Iterables ? [...c.Iterables] : [] }));
}

export function toSessionView(data: AuthorizeSuccess): SessionView {
  return {
    requestId: data.RequestId,
    loginId: data.Login.Id,
    username: data.Login.Username ?? null,
    loginType: data.Login.Type ?? null,
    lastRefresh: data.Login.LastRefresh ?? null,
    isScheduledRefresh: data.Login.IsScheduledRefresh ?? null,
    institution: data.Institution ?? null,
    institutionName: data.InstitutionName ?? data.Institution ?? null,
    institutionId: data.InstitutionId ?? null,
    tag: data.Tag ?? null,
    links: (data.Links ?? []).map((l) => ({ rel: l.rel, href: l.href })),
  };
}

/** responseHeaders: the step's kept headers, for Retry-After; `now` dates an HTTP-date Retry-After. */
export function toFlinksErrorView(status: number, body: FlinksErrorBody, responseHeaders?: Record<string, string> | null, now: Date = new Date()): FlinksErrorView {
  const info = describeFlinksCode(body.FlinksCode);
  return {
    kind: 'flinks',
    flinksCode: body.FlinksCode,
    message: body.Message ?? null,
    httpStatus: status,
    requestId: body.RequestId ?? null,
    explanation: info.explanation,
    whoActs: info.whoActs,
    whoActsLabel: WHO_ACTS_LABEL[info.whoActs],
    retry: info.retry,
    retryLabel: RETRY_LABEL[info.retry],
    action: info.action,
    customerReply: customerReplyFor(info),
    retryAfterSeconds: retryAfterSeconds(responseHeaders, now),
  };
}

/**
 * A short title per failure, and a lead sentence where the client's message alone is too terse.
 * Maps, so a reason that is not ours (`constructor`…) gets the generic title, not Object's members.
 */
const TRANSPORT_TITLE: ReadonlyMap<string, string> = new Map([
  ['timeout', 'Timed out waiting for Flinks'],
  ['network', 'Could not reach Flinks'],
  ['non_json', 'Flinks sent a response that is not JSON'],
  ['unexpected_shape', 'Flinks sent a response this dashboard does not recognise'],
  ['http_error', 'Flinks answered with a server error'],
  ['aborted', 'The request was cancelled'],
  ['too_large', 'Flinks sent a response too large to read'],
  ['too_deep', 'Flinks sent JSON nested too deeply to read'],
]);
const TRANSPORT_LEAD: ReadonlyMap<string, string> = new Map([
  ['timeout', 'The dashboard stopped waiting:'],
  ['network', 'The network call failed:'],
]);

/**
 * Who acts and what next for a failure without a FlinksCode, so a timeout or a 5xx gets the same
 * card as a Flinks error (issue 11). An unknown reason gets the generic entry.
 */
type Advice = { whoActs: WhoActs; retry: Retry; action: string };
const TRANSPORT_ADVICE: ReadonlyMap<string, Advice> = new Map([
  ['timeout', { whoActs: 'flinks', retry: 'later', action: 'Retry in a few minutes: the bank or Flinks was slow. If it keeps timing out, send the support bundle to Flinks support (FLINKS_TIMEOUT_MS sets how long the dashboard waits).' }],
  ['network', { whoActs: 'our_team', retry: 'later', action: 'Check FLINKS_BASE_URL and this server\'s network and DNS, then retry.' }],
  ['non_json', { whoActs: 'flinks', retry: 'later', action: 'Retry once; if it persists, send the support bundle (it holds the body as received) to Flinks support.' }],
  ['unexpected_shape', { whoActs: 'flinks', retry: 'no', action: 'Send the support bundle to Flinks support: the answer does not match the documented API.' }],
  ['http_error', { whoActs: 'flinks', retry: 'later', action: 'Retry later; if it persists, send the support bundle to Flinks support.' }],
  ['aborted', { whoActs: 'nobody', retry: 'yes', action: 'Nothing is wrong: the call was cancelled here. Run it again when ready.' }],
  ['too_large', { whoActs: 'our_team', retry: 'no', action: 'Ask for less data (fewer days of transactions), or raise FLINKS_MAX_RESPONSE_BYTES.' }],
  ['too_deep', { whoActs: 'flinks', retry: 'no', action: 'Send the support bundle to Flinks support; raise FLINKS_MAX_JSON_DEPTH only if such nesting is expected.' }],
]);
const GENERIC_ADVICE: Advice = { whoActs: 'flinks', retry: 'later', action: 'Retry later; if it persists, send the support bundle to Flinks support.' };

export function toTransportErrorView(
  t: { reason: string; message: string; status: number | null; bodySnippet: string | null },
  responseHeaders?: Record<string, string> | null,
  now: Date = new Date(),
): TransportErrorView {
  const lead = TRANSPORT_LEAD.get(t.reason);
  const title = TRANSPORT_TITLE.get(t.reason) ?? 'The call to Flinks failed';
  const advice = TRANSPORT_ADVICE.get(t.reason) ?? GENERIC_ADVICE;
  return {
    kind: 'transport',
    reason: t.reason,
    title,
    message: lead ? `${lead} ${t.message}` : t.message,
    httpStatus: t.status,
    raw: t.bodySnippet,
    whoActs: advice.whoActs,
    whoActsLabel: WHO_ACTS_LABEL[advice.whoActs],
    retry: advice.retry,
    retryLabel: RETRY_LABEL[advice.retry],
    action: advice.action,
    retryAfterSeconds: retryAfterSeconds(responseHeaders, now),
  };
}
