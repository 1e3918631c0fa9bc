import 'server-only';
import type { ZodType } from 'zod';
import { getEnv } from '@/lib/env';
import { embeddedSimulatorFetch } from '@/lib/simulator/embedded';
import { CHALLENGE_IMAGE_TIMEOUT_MS, fetchChallengeImage, type ChallengeImageResult } from './challenge-image';
import { PLACEHOLDER, credentialSecrets, type KnownSecret } from './redact';
import { bodyStatus, classifyFailure, flinksFetch, parseOr, type Exchange, type FlinksError, type HttpConfig, type TransportError } from './http';
import {
  accountsDetailSchema,
  accountsSummarySchema,
  authorizeSuccessSchema,
  generateTokenResponseSchema,
  mfaRequiredSchema,
  pendingSchema,
  statementsSchema,
  type AccountsDetail,
  type AccountsDetailBody,
  type AccountsSummary,
  type AuthorizeBody,
  type AuthorizeSuccess,
  type MfaRequired,
  type Pending,
  type Statements,
  type StatementsBody,
} from './schemas';

/**
 * The typed Flinks client: the only code that talks to Flinks. Every verb returns a result union;
 * only bugs throw. Credentials come from the config and never appear in a result or an exchange.
 */

export type { Exchange, FlinksError, TransportError };

export type Ok<T> = { kind: 'ok'; data: T; exchange: Exchange };
export type PendingResult = { kind: 'pending'; data: Pending; exchange: Exchange };
export type Failure = FlinksError | TransportError;

export type TokenResult = { kind: 'ok'; token: string; exchange: Exchange } | Failure;
export type AuthorizeResult =
  | { kind: 'authorized'; data: AuthorizeSuccess; exchange: Exchange }
  | { kind: 'mfa_required'; data: MfaRequired; exchange: Exchange }
  | Failure;
export type DataResult<T> = Ok<T> | PendingResult | Failure;

export type FlinksClientConfig = {
  baseUrl: string;
  customerId: string;
  secretKey: string;
  apiKey: string;
  timeoutMs: number;
  /** Limits on what Flinks may answer (defaults in http.ts: 20 MB, 64 levels). */
  maxResponseBytes?: number;
  maxJsonDepth?: number;
  /** Injectable for tests (a local simulator server) — never patch globals. */
  fetch?: typeof fetch;
  log?: HttpConfig['log'];
};

type CallOpts = { signal?: AbortSignal };

/**
 * What the user typed into an Authorize body (the live password, each MFA answer): scrubbed by value
 * from that exchange before it is recorded, in case the upstream echoes it in a Message or any
 * other field (key-based redaction alone would miss it). Short values follow redact.ts's rule.
 */
export function typedSecretsOf(body: AuthorizeBody): KnownSecret[] {
  const out: KnownSecret[] = [];
  if ('Password' in body && body.Password) out.push({ value: body.Password, placeholder: PLACEHOLDER.password });
  if ('SecurityResponses' in body) {
    for (const answers of Object.values(body.SecurityResponses)) {
      for (const a of answers) if (a !== '') out.push({ value: a, placeholder: PLACEHOLDER.mfaAnswer });
    }
  }
  // Longest first: an answer that contains another is replaced whole.
  return out.sort((a, b) => b.value.length - a.value.length);
}

export function createFlinksClient(config: FlinksClientConfig) {
  const http: HttpConfig = {
    baseUrl: config.baseUrl.replace(/\/+$/, ''),
    customerId: config.customerId,
    timeoutMs: config.timeoutMs,
    fetch: config.fetch ?? fetch,
    secrets: credentialSecrets(config),
    maxResponseBytes: config.maxResponseBytes,
    maxJsonDepth: config.maxJsonDepth,
    log: config.log,
  };
  const withToken = (token: string, typed: readonly KnownSecret[] = []): HttpConfig => ({
    ...http,
    secrets: [...http.secrets, { value: token, placeholder: PLACEHOLDER.authorizeToken }, ...typed],
  });

  async function data<T>(
    endpoint: string,
    path: string,
    method: 'GET' | 'POST',
    body: unknown,
    schema: ZodType<T>,
    opts?: CallOpts,
  ): Promise<DataResult<T>> {
    const out = await flinksFetch(http, { endpoint, path, method, headers: { 'x-api-key': config.apiKey }, body, signal: opts?.signal });
    if (out.kind !== 'json') return out;
    const status = bodyStatus(out);
    if (status === 200) {
      const p = parseOr(schema, out);
      return p.ok ? { kind: 'ok', data: p.data, exchange: out.exchange } : p.failure;
    }
    if (status === 202) {
      const p = parseOr(pendingSchema, out);
      return p.ok ? { kind: 'pending', data: p.data, exchange: out.exchange } : p.failure;
    }
    return classifyFailure(out);
  }

  return {
    async generateAuthorizeToken(opts?: CallOpts): Promise<TokenResult> {
      const out = await flinksFetch(http, {
        endpoint: 'GenerateAuthorizeToken',
        path: 'GenerateAuthorizeToken',
        method: 'POST',
        headers: { 'flinks-auth-key': config.secretKey },
        signal: opts?.signal,
      });
      if (out.kind !== 'json') return out;
      if (bodyStatus(out) !== 200) return classifyFailure(out);
      const p = parseOr(generateTokenResponseSchema, out);
      if (!p.ok) return p.failure;
      return { kind: 'ok', token: p.data.Token, exchange: out.exchange };
    },

    /** Cached, live, or an MFA answer (same token, same RequestId: D2). */
    async authorize(token: string, body: AuthorizeBody, opts?: CallOpts): Promise<AuthorizeResult> {
      const out = await flinksFetch(withToken(token, typedSecretsOf(body)), {
        endpoint: 'Authorize',
        path: 'Authorize',
        method: 'POST',
        headers: { 'flinks-auth-key': token },
        body,
        signal: opts?.signal,
      });
      if (out.kind !== 'json') return out;
      const status = bodyStatus(out);
      if (status === 200) {
        const p = parseOr(authorizeSuccessSchema, out);
        return p.ok ? { kind: 'authorized', data: p.data, exchange: out.exchange } : p.failure;
      }
      if (status === 203) {
        const p = parseOr(mfaRequiredSchema, out);
        return p.ok ? { kind: 'mfa_required', data: p.data, exchange: out.exchange } : p.failure;
      }
      return classifyFailure(out);
    },

    getAccountsSummary(requestId: string, opts?: CallOpts): Promise<DataResult<AccountsSummary>> {
      return data('GetAccountsSummary', 'GetAccountsSummary', 'POST', { RequestId: requestId }, accountsSummarySchema, opts);
    },

    getAccountsDetail(body: AccountsDetailBody, opts?: CallOpts): Promise<DataResult<AccountsDetail>> {
      return data('GetAccountsDetail', 'GetAccountsDetail', 'POST', body, accountsDetailSchema, opts);
    },

    /** GET, as documented (§8.3); the RequestId travels in the path. */
    getAccountsDetailAsync(requestId: string, opts?: CallOpts): Promise<DataResult<AccountsDetail>> {
      return data('GetAccountsDetailAsync', `GetAccountsDetailAsync/${encodeURIComponent(requestId)}`, 'GET', undefined, accountsDetailSchema, opts);
    },

    getStatements(body: StatementsBody, opts?: CallOpts): Promise<DataResult<Statements>> {
      return data('GetStatements', 'GetStatements', 'POST', body, statementsSchema, opts);
    },

    /** An ImageSelection image on the upstream's host, as a data: URI (the browser never fetches it). */
    fetchImage(url: string): Promise<ChallengeImageResult> {
      return fetchChallengeImage(url, { fetch: config.fetch ?? fetch, timeoutMs: Math.min(config.timeoutMs, CHALLENGE_IMAGE_TIMEOUT_MS) });
    },

    getStatementsAsync(requestId: string, opts?: CallOpts): Promise<DataResult<Statements>> {
      return data('GetStatementsAsync', `GetStatementsAsync/${encodeURIComponent(requestId)}`, 'GET', undefined, statementsSchema, opts);
    },
  };
}

export type FlinksClient = ReturnType<typeof createFlinksClient>;

/** The configured secret key and API key, for a last scrub of anything shown or exported. */
export function configuredSecrets(): KnownSecret[] {
  return credentialSecrets(getEnv().flinks);
}

/**
 * The client configured from the environment. With the embedded simulator as upstream, its fetch
 * calls the simulator in process (the same instance /simulator serves) instead of over loopback HTTP:
 * each call then costs a function call, not a second trip through this server.
 */
export function flinksClient(): FlinksClient {
  const { flinks } = getEnv();
  return createFlinksClient(flinks.usesEmbeddedSimulator ? { ...flinks, fetch: embeddedSimulatorFetch() } : flinks);
}
