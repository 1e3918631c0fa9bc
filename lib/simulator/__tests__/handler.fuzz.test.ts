import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../handler';
import { TOOLBOX as TOOLBOX_CREDENTIALS } from '@/lib/flinks/toolbox';
import { PERSONA_PASSWORD as PASSWORD } from '@/lib/flinks/personas';
import { PERSONAS } from '../personas';
import { SAMPLE_LOGIN_ID } from '../state';

/**
 * Property: whatever arrives (method, path, headers, body), the simulator answers, and never with a
 * 5xx except sim_500's deliberate AGGREGATION_ERROR. One simulator for the whole run, so state from
 * earlier requests (tokens, sessions, a moved clock) shapes later ones, as it would in a long test run.
 */

const SIM_500_MESSAGE = 'An unexpected error occurred while aggregating the data.';
const sim = createSimulator({ seed: 'fuzz', slowMs: 0, asyncPolls: 1 });
const { customerId, secretKey } = sim.options;
const apiKey = sim.options.apiKeys[0] ?? '';
const ENDPOINTS = ['GenerateAuthorizeToken', 'Authorize', 'GetAccountsSummary', 'GetAccountsDetail', 'GetStatements', 'GetAccountsSummaryAsync', 'GetAccountsDetailAsync', 'GetStatementsAsync'];
const FORBIDDEN_METHODS = new Set(['CONNECT', 'TRACE', 'TRACK']);
/** Replaced at run time by a token freshly issued by the simulator, so Authorize gets past D1. */
const FRESH_TOKEN = '<fresh-token>';

const junk = fc.string({ unit: 'binary', maxLength: 40 });
/** Usually the right value, so requests get deep into the endpoints; sometimes one of the wrong ones. */
const mostly = <T,>(right: T, ...wrong: T[]) => fc.oneof({ weight: 8, arbitrary: fc.constant(right) }, { weight: 2, arbitrary: fc.constantFrom(...wrong) });
const segment = fc.oneof(junk, fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '.', '', 'v3', 'BankingServices', customerId, customerId.toUpperCase()));

// Mostly well-formed API paths (so bodies reach the endpoints), some junk and control paths.
const path = fc.oneof(
  { weight: 1, arbitrary: fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`) },
  { weight: 8, arbitrary: fc
    .record({
      customer: mostly(customerId, customerId.toUpperCase(), 'other'),
      services: mostly('BankingServices', 'bankingservices', 'x'),
      endpoint: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ENDPOINTS) }, fc.constantFrom(...ENDPOINTS).map((e) => e.toLowerCase()), junk),
      id: fc.option(fc.oneof(fc.uuid(), junk, fc.constant(SAMPLE_LOGIN_ID)), { nil: undefined, freq: 2 }),
      withId: mostly(false, true),
      // Rarely: a segment too many.
      extra: fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: junk }),
    })
    .map((p) => `/v3/${p.customer}/${p.services}/${encodeURIComponent(p.endpoint)}${p.id === undefined || (!p.endpoint.toLowerCase().endsWith('async') && !p.withId) ? '' : `/${encodeURIComponent(p.id)}`}${p.extra === undefined ? '' : `/${encodeURIComponent(p.extra)}`}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('reset', 'clock', 'state', 'x'), fc.option(junk, { nil: undefined })).map(([c, rest]) => `/_control/${c}${rest === undefined ? '' : `/${encodeURIComponent(rest)}`}`) },
);

const method = fc.oneof(
  { weight: 6, arbitrary: fc.constant('POST') },
  { weight: 2, arbitrary: fc.constant('GET') },
  { weight: 2, arbitrary: fc.constantFrom('PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'post', 'get') },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,12}$/).filter((m) => !FORBIDDEN_METHODS.has(m.toUpperCase())) },
);

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,60}$/).map((v) => v.trim());
const headers = fc.record(
  {
    auth: fc.oneof(fc.constant(secretKey), mostly(FRESH_TOKEN, 'not-a-token', '', secretKey.toUpperCase())),
    apiKey: mostly(apiKey, TOOLBOX_CREDENTIALS.legacyApiKey, 'nope'),
    contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
    extra: fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/), headerValue, { maxKeys: 4 }),
  },
  { requiredKeys: ['auth', 'apiKey'] },
);

const persona = fc.oneof(fc.constantFrom(...PERSONAS.map((p) => p.username)), junk);
const jsonish = fc.jsonValue({ maxDepth: 3 });
const authorizeLike = fc.record(
  {
    Institution: fc.oneof(fc.constant('FlinksCapital'), junk, jsonish),
    Username: fc.oneof(persona, jsonish),
    Password: fc.oneof(fc.constant(PASSWORD), junk, jsonish),
    MostRecentCached: fc.oneof(fc.boolean(), jsonish),
    LoginId: fc.oneof(fc.constant(SAMPLE_LOGIN_ID), fc.uuid(), junk),
    RequestId: fc.oneof(fc.uuid(), junk, jsonish),
    SecurityResponses: fc.oneof(fc.dictionary(junk, fc.array(junk, { maxLength: 3 })), jsonish),
    Save: fc.oneof(fc.boolean(), jsonish),
    Language: fc.oneof(fc.constantFrom('en', 'fr'), junk),
    advanceMs: fc.oneof(fc.integer(), fc.double(), jsonish),
    DaysOfTransactions: fc.oneof(fc.constantFrom('Days90', 'Days365'), junk),
    NumberOfStatements: fc.oneof(fc.constantFrom('MostRecent', 'Months3', 'Months12'), junk),
  },
  { requiredKeys: [] },
);
const body = fc.oneof(
  fc.constant(undefined),
  junk,
  fc.json({ maxDepth: 4 }),
  { weight: 5, arbitrary: authorizeLike.map((o) => JSON.stringify(o)) },
  fc.uint8Array({ maxLength: 200 }),
);

type Junk = { method: string; path: string; headers: Partial<{ auth: string; apiKey: string; contentType: string; extra: Record<string, string> }>; body: string | Uint8Array | undefined; query: string };

async function freshToken(): Promise<string> {
  const res = await sim.handle(
    new Request(`http://sim/v3/${customerId}/BankingServices/GenerateAuthorizeToken`, { method: 'POST', headers: { 'flinks-auth-key': secretKey } }),
  );
  return ((await res.json()) as { Token: string }).Token;
}

async function send(j: Junk): Promise<Response> {
  const h = new Headers();
  for (const [k, v] of Object.entries(j.headers.extra ?? {})) h.set(k, v);
  if (j.headers.auth !== undefined) h.set('flinks-auth-key', j.headers.auth === FRESH_TOKEN ? await freshToken() : j.headers.auth);
  if (j.headers.apiKey !== undefined) h.set('x-api-key', j.headers.apiKey);
  if (j.headers.contentType) h.set('content-type', j.headers.contentType);
  const noBody = ['GET', 'HEAD'].includes(j.method.toUpperCase());
  const req = new Request(`http://sim${j.path}${j.query}`, {
    method: j.method,
    headers: h,
    body: noBody ? undefined : (j.body as BodyInit | undefined),
    // sim_hang waits for the client to go away: go away quickly.
    signal: AbortSignal.timeout(100),
  });
  return sim.handle(req);
}

describe('simulator handler under junk', () => {
  it('never throws and never answers 5xx, except sim_500 on purpose', async () => {
    const request = fc.record({ method, path, headers, body, query: fc.oneof(fc.constant(''), junk.map((q) => `?${encodeURIComponent(q)}`)) });
    await fc.assert(
      fc.asyncProperty(request, async (j) => {
        let res: Response;
        try {
          res = await send(j);
        } catch (err) {
          // Only the Request constructor may refuse (an unparsable URL): that never reaches the handler.
          if (err instanceof TypeError && /URL|method/i.test(err.message)) return;
          throw err;
        }
        const text = await res.text();
        if (res.status >= 500) {
          expect(text).toContain(SIM_500_MESSAGE);
        }
        expect(res.status).toBeGreaterThanOrEqual(200);
      }),
      { numRuns: 2000 },
    );
  });
});
