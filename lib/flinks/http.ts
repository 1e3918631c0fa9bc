import type { z } from 'zod';
import { logger, type Logger } from '../log';
import { flinksErrorSchema, type FlinksErrorBody } from './schemas';
import { pickResponseHeaders, redact, redactHeaders, scrubSecrets, type KnownSecret } from './redact';

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
  /** The few useful response headers (redact.ts pickResponseHeaders), or null. */
  responseHeaders?: Record<string, string> | null;
};

export type TransportReason =
  | 'timeout'
  | 'network'
  | 'non_json'
  | 'unexpected_shape'
  | 'http_error'
  | 'aborted'
  /** Bigger than maxResponseBytes: reading stopped there. */
  | 'too_large'
  /** JSON nested deeper than maxJsonDepth: not parsed. */
  | 'too_deep';

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
  /** Default 20 MB: a body beyond it is not read further (memory), whatever Content-Length says. */
  maxResponseBytes?: number;
  /** Default 64: deeper JSON is refused before parsing (the stack of every recursive walk after it). */
  maxJsonDepth?: number;
  /** Default: the server's logger. */
  log?: Logger;
};

export type RawOutcome =
  | { kind: 'json'; status: number; body: Record<string, unknown>; exchange: Exchange }
  | TransportError;

const SNIPPET_BYTES = 500;
export const DEFAULT_MAX_RESPONSE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_JSON_DEPTH = 64;
const MB = 1024 * 1024;

/** "20 MB", "1.5 MB", "64 KB": for messages people read. */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${Number.isInteger(bytes / MB) ? bytes / MB : (bytes / MB).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}

type BodyRead = { ok: true; text: string } | { ok: false; head: string };

/**
 * The body as text, read as a stream and abandoned (connection cancelled) once it passes maxBytes,
 * so a runaway upstream cannot fill the server's memory. The first bytes are kept either way.
 */
async function readLimited(res: Response, maxBytes: number): Promise<BodyRead> {
  if (!res.body) return { ok: true, text: '' };
  const declared = Number(res.headers.get('content-length'));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let total = 0;
  let head = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    const text = decoder.decode(value, { stream: true });
    if (head.length < SNIPPET_BYTES) head += text.slice(0, SNIPPET_BYTES - head.length);
    // A declared length over the limit is believed as soon as the first bytes are in hand.
    if (total > maxBytes || (Number.isFinite(declared) && declared > maxBytes)) {
      await reader.cancel().catch(() => {});
      return { ok: false, head };
    }
    parts.push(text);
  }
  parts.push(decoder.decode());
  return { ok: true, text: parts.join('') };
}

/**
 * How deeply a JSON text nests objects and arrays, counted without parsing (JSON.parse and every
 * recursive walk after it would need a stack that deep). Stops counting once past `limit`.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export function endpointUrl(config: Pick<HttpConfig, 'baseUrl' | 'customerId'>, path: string): string {
  return `${config.baseUrl}/v3/${encodeURIComponent(config.customerId)}/BankingServices/${path}`;
}

type FlinksRequest = { endpoint: string; path: string; method: 'GET' | 'POST'; headers: Record<string, string>; body?: unknown; signal?: AbortSignal };

/** One call to Flinks, classified, and logged: faults always, every call at debug. */
export async function flinksFetch(config: HttpConfig, req: FlinksRequest): Promise<RawOutcome> {
  const outcome = await fetchOnce(config, req);
  logOutcome(config.log ?? logger, config.secrets, req, outcome);
  return outcome;
}

/** The session's RequestId where this call carries one (body, path or answer), for the log line. */
function requestIdOf(req: FlinksRequest, outcome: RawOutcome): string | undefined {
  const fromBody = (b: unknown) =>
    b !== null && typeof b === 'object' && typeof (b as { RequestId?: unknown }).RequestId === 'string' ? (b as { RequestId: string }).RequestId : undefined;
  const fromPath = /^[A-Za-z]+Async\/([^/]+)$/.exec(req.path)?.[1];
  return fromBody(req.body) ?? (fromPath ? decodeURIComponent(fromPath) : undefined) ?? (outcome.kind === 'json' ? fromBody(outcome.body) : undefined);
}

function logOutcome(log: Logger, secrets: readonly KnownSecret[], req: FlinksRequest, outcome: RawOutcome): void {
  const ex = outcome.exchange;
  const fields = { endpoint: ex.endpoint, method: ex.method, httpStatus: ex.httpStatus, durationMs: ex.durationMs, requestId: requestIdOf(req, outcome) };
  if (outcome.kind === 'transport_error') {
    // The message names the endpoint's origin and the cause; the per-call token is scrubbed here, the logger does the rest.
    const failure = { ...fields, reason: outcome.reason, error: scrubSecrets(outcome.message, secrets) };
    if (outcome.reason === 'aborted') log.debug(failure, 'Flinks call cancelled');
    else log.error(failure, 'Flinks call failed');
    return;
  }
  const status = bodyStatus(outcome);
  const flinksCode = typeof outcome.body.FlinksCode === 'string' ? outcome.body.FlinksCode : undefined;
  if (status >= 500 || outcome.status >= 500) log.error({ ...fields, bodyStatus: status, flinksCode }, 'Flinks answered a server error');
  else log.debug({ ...fields, bodyStatus: status, flinksCode, request: ex.request }, 'Flinks call');
}

async function fetchOnce(config: HttpConfig, req: FlinksRequest): Promise<RawOutcome> {
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

  // One controller for the timeout and the caller's cancel, held here until the body is read: not
  // AbortSignal.any over AbortSignal.timeout, whose composite Node may collect while fetch still
  // waits on it (then neither the timeout nor Cancel ever fires).
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException('Timed out', 'TimeoutError'));
  }, config.timeoutMs);
  const onCancel = () => controller.abort(req.signal?.reason);
  if (req.signal?.aborted) onCancel();
  else req.signal?.addEventListener('abort', onCancel, { once: true });
  const signal = controller.signal;
  const maxBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  let res: Response;
  let read: BodyRead;
  try {
    res = await config.fetch(url, {
      method: req.method,
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal,
      cache: 'no-store',
    });
    exchange.httpStatus = res.status;
    exchange.responseHeaders = pickResponseHeaders(res.headers, config.secrets);
    read = await readLimited(res, maxBytes);
  } catch (err) {
    if (timedOut) {
      return fail('timeout', `Flinks did not answer within ${config.timeoutMs / 1000} s.`, exchange.httpStatus, null);
    }
    if (req.signal?.aborted) return fail('aborted', 'The request was cancelled.', exchange.httpStatus, null);
    const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return fail('network', `Could not reach Flinks at ${new URL(url).origin}: ${cause}`, null, null);
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCancel);
  }

  if (!read.ok) {
    const head = redact(read.head, config.secrets) as string;
    return fail('too_large', `Flinks answered HTTP ${res.status} with a response larger than ${formatBytes(maxBytes)}; the dashboard stopped reading it.`, res.status, head);
  }
  const text = read.text;
  const snippet = redact(text.slice(0, SNIPPET_BYTES), config.secrets) as string;
  const maxDepth = config.maxJsonDepth ?? DEFAULT_MAX_JSON_DEPTH;
  if (jsonDepthExceeds(text, maxDepth)) {
    return fail('too_deep', `Flinks answered HTTP ${res.status} with JSON nested deeper than ${maxDepth} levels; it was not parsed.`, res.status, snippet);
  }
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
