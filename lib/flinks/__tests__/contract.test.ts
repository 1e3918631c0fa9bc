import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ex from '@/test/fixtures/flinks-doc-examples';
import { createFlinksClient } from '../client';
import {
  accountsDetailSchema,
  accountsSummarySchema,
  authorizeBodySchema,
  authorizeSuccessSchema,
  flinksErrorSchema,
  generateTokenResponseSchema,
  mfaRequiredSchema,
  pendingSchema,
  statementsSchema,
} from '../schemas';

/** A client whose fetch answers one canned body: exercises the client's branching, not a mock of it. */
function clientAnswering(status: number, body: unknown) {
  const fetchStub: typeof fetch = async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  return createFlinksClient({ baseUrl: 'http://flinks.test', customerId: 'c', secretKey: 'secret-key-x', apiKey: 'api-key-x', timeoutMs: 1000, fetch: fetchStub });
}

describe('documented payloads parse with the client schemas', () => {
  it.each([
    ['GenerateAuthorizeToken 200', generateTokenResponseSchema, ex.generateToken200],
    ['Authorize 200', authorizeSuccessSchema, ex.authorize200],
    ['Authorize 200 (older shape)', authorizeSuccessSchema, ex.authorize200Legacy],
    ['Authorize 203', mfaRequiredSchema, ex.authorize203],
    ['Authorize 203 with an unknown challenge type', mfaRequiredSchema, ex.authorize203UnknownType],
    ['error 401', flinksErrorSchema, ex.error401Generic],
    ['error 401 token', flinksErrorSchema, ex.error401Token],
    ['error 401 auth key', flinksErrorSchema, ex.error401AuthKey],
    ['error 400 SESSION_NONEXISTENT', flinksErrorSchema, ex.error400SessionNonexistent],
    ['202 OPERATION_PENDING', pendingSchema, ex.pending202],
    ['GetAccountsSummary 200', accountsSummarySchema, ex.accountsSummary200],
    ['GetAccountsDetail 200', accountsDetailSchema, ex.accountsDetail200],
    ['GetStatements 200', statementsSchema, ex.statements200],
  ] as const)('%s', (_name, schema, payload) => {
    const parsed = schema.safeParse(payload);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('keeps fields Flinks adds later', () => {
    const parsed = authorizeSuccessSchema.parse({ ...ex.authorize200, SomethingNew: 1 });
    expect(parsed).toHaveProperty('SomethingNew', 1);
  });

  it.each(Object.entries(ex.requestBodies))('request body %s matches the request schema', (_name, body) => {
    expect(authorizeBodySchema.safeParse(body).success).toBe(true);
  });
});

describe('the client classifies each documented answer', () => {
  it('200 Authorize → authorized, with the Login.Id', async () => {
    const r = await clientAnswering(200, ex.authorize200).authorize('tok', ex.requestBodies.cached);
    expect(r.kind).toBe('authorized');
    if (r.kind === 'authorized') expect(r.data.Login.Id).toBe(ex.authorize200.Login.Id);
  });

  it('203 → mfa_required (a 2xx that is not success)', async () => {
    const r = await clientAnswering(203, ex.authorize203).authorize('tok', ex.requestBodies.live);
    expect(r.kind).toBe('mfa_required');
    if (r.kind === 'mfa_required') expect(r.data.SecurityChallenges[0]?.Prompt).toBe('What shape do people like most?');
  });

  it('an unknown challenge type is kept as it came', async () => {
    const r = await clientAnswering(203, ex.authorize203UnknownType).authorize('tok', ex.requestBodies.live);
    expect(r.kind === 'mfa_required' && r.data.SecurityChallenges[0]?.Type).toBe('PushNotification');
  });

  it('401 → flinks_error with the FlinksCode', async () => {
    const r = await clientAnswering(401, ex.error401Token).authorize('tok', ex.requestBodies.cached);
    expect(r.kind === 'flinks_error' && r.error.FlinksCode).toBe('UNAUTHORIZED');
  });

  it('branches on the body HttpStatusCode, not the HTTP status', async () => {
    const r = await clientAnswering(200, ex.error400SessionNonexistent).getAccountsSummary('x');
    expect(r.kind === 'flinks_error' && r.status).toBe(400);
  });

  it('202 → pending', async () => {
    const r = await clientAnswering(202, ex.pending202).getAccountsDetail({ RequestId: 'x' });
    expect(r.kind === 'pending' && r.data.FlinksCode).toBe('OPERATION_PENDING');
  });

  it.each([
    ['summary', (c: ReturnType<typeof clientAnswering>) => c.getAccountsSummary('r'), ex.accountsSummary200],
    ['detail', (c: ReturnType<typeof clientAnswering>) => c.getAccountsDetail({ RequestId: 'r' }), ex.accountsDetail200],
    ['statements', (c: ReturnType<typeof clientAnswering>) => c.getStatements({ RequestId: 'r' }), ex.statements200],
  ] as const)('200 %s → ok', async (_n, call, payload) => {
    expect((await call(clientAnswering(200, payload))).kind).toBe('ok');
  });

  it('a 2xx with an undocumented shape is a transport error, not a crash', async () => {
    const r = await clientAnswering(200, { HttpStatusCode: 200, Nope: true }).authorize('tok', ex.requestBodies.cached);
    expect(r.kind === 'transport_error' && r.reason).toBe('unexpected_shape');
  });

  it('500 without a FlinksCode is a transport error carrying the status', async () => {
    const r = await clientAnswering(500, { oops: true }).getAccountsSummary('r');
    expect(r.kind === 'transport_error' && [r.reason, r.status]).toEqual(['http_error', 500]);
  });
});

/** Guards against drift: every JSON block in docs/flinks-api.md must parse with one of our response schemas. */
describe('the API notes in docs/', () => {
  const path = new URL('../../../docs/flinks-api.md', import.meta.url);
  it('every JSON example parses', () => {
    const text = readFileSync(path, 'utf8');
    const blocks = [...text.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1] ?? 'null') as unknown);
    expect(blocks.length).toBeGreaterThanOrEqual(5);
    const schemas = [generateTokenResponseSchema, authorizeSuccessSchema, mfaRequiredSchema, pendingSchema, flinksErrorSchema];
    for (const block of blocks) expect(schemas.some((s) => s.safeParse(block).success), JSON.stringify(block)).toBe(true);
  });
});
