import { describeFlinksCode, RETRY_LABEL, WHO_ACTS_LABEL, type Retry, type WhoActs } from '@/lib/flinks/codes';
import type { ErrorView } from '@/lib/inspector/views';

/**
 * Errors of /api/v1 as RFC 9457 problem details (application/problem+json). A Flinks failure carries
 * its FlinksCode with the catalogue's explanation, who must act and whether retrying helps
 * (lib/flinks/codes.ts), so a script can branch on `flinksCode` and a person can read `detail`.
 * Pure: no server-only imports, so the schemas and tests can use it.
 */

export const PROBLEM_TYPE_BASE = 'https://flinks-session-inspector.invalid/problems/';

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  flinksCode?: string;
  explanation?: string;
  whoActs?: WhoActs;
  whoActsLabel?: string;
  retry?: Retry;
  retryLabel?: string;
  action?: string;
  /** Field → message, for 400s. */
  errors?: Record<string, string>;
  /** For inspection errors: the inspection that recorded the failure, when there is one. */
  inspectionId?: string;
};

export function problemResponse(problem: Problem, init: { headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'no-store', ...init.headers },
  });
}

export const problem = (slug: string, status: number, title: string, detail: string, extra: Partial<Problem> = {}): Problem => ({
  type: PROBLEM_TYPE_BASE + slug,
  title,
  status,
  detail,
  ...extra,
});

const TOKEN_WORDS: Record<string, string> = {
  missing: 'Send an API token as `Authorization: Bearer fsi_…` (create one on /account).',
  malformed: 'The Authorization header is not `Bearer fsi_…`.',
  unknown: 'This token is not known here.',
  revoked: 'This token was revoked.',
  expired: 'This token has expired: create a new one on /account.',
  deactivated: 'The owner of this token is deactivated.',
};

/** The guard's refusals (lib/auth/viewer.ts). */
export function apiRefusal(kind: 'unauthenticated', reason: string): Response;
export function apiRefusal(kind: 'forbidden', permission: string): Response;
export function apiRefusal(kind: 'rate_limited', retryAfterSeconds: number): Response;
export function apiRefusal(kind: 'unauthenticated' | 'forbidden' | 'rate_limited', arg: string | number): Response {
  if (kind === 'unauthenticated') {
    return problemResponse(problem('unauthenticated', 401, 'Not signed in', TOKEN_WORDS[String(arg)] ?? 'Authentication failed.'), {
      headers: { 'WWW-Authenticate': 'Bearer realm="fsi"' },
    });
  }
  if (kind === 'forbidden') {
    return problemResponse(problem('forbidden', 403, 'Not allowed', `Your role does not include the permission ${String(arg)}.`));
  }
  const seconds = Number(arg);
  return problemResponse(problem('rate-limited', 429, 'Too many requests', `This token made too many requests this minute; retry in ${seconds} s.`), {
    headers: { 'Retry-After': String(seconds) },
  });
}

/**
 * An inspector error view → problem. Flinks failures answer 502 (the upstream refused) unless the
 * code says the caller should slow down; our own (unknown inspection, expired MFA) 404/409.
 */
export function problemOfError(error: ErrorView, extra: Partial<Problem> = {}): Problem {
  if (error.kind === 'flinks') {
    const info = describeFlinksCode(error.flinksCode);
    return problem('flinks-error', 502, `Flinks answered ${error.flinksCode}`, error.message ?? info.explanation, {
      flinksCode: error.flinksCode,
      explanation: info.explanation,
      whoActs: info.whoActs,
      whoActsLabel: WHO_ACTS_LABEL[info.whoActs],
      retry: info.retry,
      retryLabel: RETRY_LABEL[info.retry],
      action: info.action,
      ...extra,
    });
  }
  if (error.kind === 'transport') return problem('flinks-unreachable', 504, error.title, error.message, extra);
  const unknown = /unknown/i.test(error.message);
  return problem(unknown ? 'not-found' : 'conflict', unknown ? 404 : 409, unknown ? 'Not found' : 'Cannot do that now', error.message, extra);
}
