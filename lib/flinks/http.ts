import type { z } from 'zod';
import { flinksErrorSchema, type FlinksErrorBody } from './schemas';
import { redact, redactHeaders, type KnownSecret } from './redact';

/**
 * The one private fetch to Flinks. It never throws for an expected outcome: every call ends in a
 * classified result carrying the redacted exchange, so the inspector can record it before the UI
 * gets its answer. Branching is on the body's HttpStatusCode (203 and 202 are 2xx, §10.3).
 */

export type Exchange = {
  endpoint: string;
  method: 'GET' | 'POST';
  url: string;
  startedAt: Date;
  durationMs: number;
  httpStatus: number | null;
  /** Redacted headers and body. */
  request: { headers: Record<string, string>; body: unknown };
  /** Redacted JSON body, `{ text }` with the first bytes of a non-JSON body, or null. */
  response: unknown;
  /** The JSON body with secrets redacted but personal data intact: only ever stored sealed. */
  unmasked?: unknown;
  error: string | null;
};

export type TransportReason = 'timeout' | 'network' | 'non_json' | 'unexpected_shape' | 'http_error' | 'aborted';

export type TransportError = {
  kind: 'transport_error';
  reason: TransportReason;
  message: string;
  status: number | null;
  /** First bytes of the body as received (redacted). */
  bodySnippet: string | null;
  exchange: Exchange;
};

export type FlinksError = { kind: 'flinks_error'; status: number; error: FlinksErrorBody; exchange: Exchange };

export type HttpConfig = {
  baseUrl: string;
  customerId: string;
  timeoutMs: number;
  fetch: typeof fetch;
  secrets: readonly KnownSecret[];
};

export type RawOutcome =
  | { kind: 'json'; status: number; body: Record<string, unknown>; exchange: Exchange }
  | TransportError;

const SNIPPET_BYTES = 500;

export function endpointUrl(config: Pick<HttpConfig, 'baseUrl' | 'customerId'>, path: string): string {
  return `${config.baseUrl}/v3/${encodeURIComponent(config.customerId)}/BankingServices/${path}`;
}

export async function flinksFetch(
  config: HttpConfig,
  req: { endpoint: string; path: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown; signal?: AbortSignal },
): Promise<RawOutcome> {
  const url = endpointUrl(config, req.path);
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json', ...req.headers };
  const startedAt = new Date();
  const t0 = performance.now();
  const exchange: Exchange = {
    endpoint: req.endpoint,
    method: req.method,
    url,
    startedAt,
    durationMs: 0,
    httpStatus: null,
    request: { headers: redactHeaders(headers, req.endpoint, config.secrets), body: redact(req.body ?? null, config.secrets) },
    response: null,
    error: null,
  };
  const fail = (reason: TransportReason, message: string, status: number | null, snippet: string | null): TransportError => {
    exchange.durationMs = Math.round(performance.now() - t0);
    exchange.error = message;
    if (snippet !== null) exchange.response = { text: snippet };
    return { kind: 'transport_error', reason, message, status, bodySnippet: snippet, exchange };
  };

  const timeout = AbortSignal.timeout(config.timeoutMs);
  const signal = req.signal ? AbortSignal.any([timeout, req.signal]) : timeout;
  let res: Response;
  let text: string;
  try {
    res = await config.fetch(url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
      cache: 'no-store',
    });
    exchange.httpStatus = res.status;
    text = await res.text();
  } catch (err) {
    if (timeout.aborted) {
      return fail('timeout', `Flinks did not answer within ${config.timeoutMs / 1000} s.`, exchange.httpStatus, null);
    }
    if (req.signal?.aborted) return fail('aborted', 'The request was cancelled.', exchange.httpStatus, null);
    const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return fail('network', `Could not reach Flinks at ${new URL(url).origin}: ${cause}`, null, null);
  }

  const snippet = redact(text.slice(0, SNIPPET_BYTES), config.secrets) as string;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const what = text.trim() === '' ? 'an empty body' : 'a body that is not JSON';
    return fail('non_json', `Flinks answered HTTP ${res.status} with ${what}.`, res.status, snippet);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return fail('unexpected_shape', `Flinks answered HTTP ${res.status} with JSON that is not an object.`, res.status, snippet);
  }
  exchange.durationMs = Math.round(performance.now() - t0);
  exchange.response = redact(parsed, config.secrets);
  exchange.unmasked = redact(parsed, config.secrets, { keepAccountNumbers: true });
  return { kind: 'json', status: res.status, body: parsed as Record<string, unknown>, exchange };
}

/** The status Flinks meant: the body's HttpStatusCode when present (it mirrors the HTTP status, §4). */
export function bodyStatus(outcome: { status: number; body: Record<string, unknown> }): number {
  const s = outcome.body.HttpStatusCode;
  return typeof s === 'number' ? s : outcome.status;
}

/** A body with a FlinksCode and a non-2xx status is a Flinks error; 5xx without one is a transport failure. */
export function classifyFailure(outcome: Extract<RawOutcome, { kind: 'json' }>): FlinksError | TransportError {
  const status = bodyStatus(outcome);
  const err = flinksErrorSchema.safeParse({ HttpStatusCode: status, ...outcome.body });
  if (err.success) return { kind: 'flinks_error', status, error: err.data, exchange: outcome.exchange };
  const reason: TransportReason = status >= 400 ? 'http_error' : 'unexpected_shape';
  const message =
    status >= 400
      ? `Flinks answered HTTP ${status} without a FlinksCode.`
      : `Flinks answered HTTP ${status} with a body this dashboard does not recognise.`;
  outcome.exchange.error = message;
  return { kind: 'transport_error', reason, message, status, bodySnippet: JSON.stringify(outcome.exchange.response).slice(0, SNIPPET_BYTES), exchange: outcome.exchange };
}

/** Parse a success body; a 2xx that does not match the documented shape is reported, not thrown. */
export function parseOr<T>(
  schema: z.ZodType<T>,
  outcome: Extract<RawOutcome, { kind: 'json' }>,
): { ok: true; data: T } | { ok: false; failure: TransportError } {
  const parsed = schema.safeParse(outcome.body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const first = parsed.error.issues[0];
  const message = `Flinks answered HTTP ${outcome.status} but the body does not match the documented shape (${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'}).`;
  outcome.exchange.error = message;
  return {
    ok: false,
    failure: {
      kind: 'transport_error',
      reason: 'unexpected_shape',
      message,
      status: outcome.status,
      bodySnippet: JSON.stringify(outcome.exchange.response).slice(0, SNIPPET_BYTES),
      exchange: outcome.exchange,
    },
  };
}
