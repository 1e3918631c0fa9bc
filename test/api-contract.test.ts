import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractChecker, startApi, type Api } from './api-helpers';

/**
 * Contract tests of /api/v1: every answer of every call below is checked against the OpenAPI
 * document the API serves (status, content type, closed schemas), and the file ends by proving each
 * operation's documented success answers were all exercised. Refusals (no token, revoked, expired,
 * deactivated owner, beyond the role, rate limit) are problem+json and recorded in the audit trail.
 */

const LOGIN_ID = '5e115eac-1209-4f19-641c-08d6d484e2fe';
const TOOLBOX = { 'What city were you born in?': 'Montreal', 'What is the best country on earth?': 'Canada', 'What shape do people like most?': 'Triangle' };

let api: Api;
let check: ReturnType<typeof contractChecker>;
let admin: { id: string; email: string };
let adminToken: string;
// Answers are checked against the document first; the assertions then read them freely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let call: (method: 'GET' | 'POST', path: string, opts?: { token?: string | null; body?: unknown }) => Promise<{ status: number; body: any; headers: Headers }>;

async function auditRows(action: string) {
  const { getDatabase } = await import('@/lib/store');
  const { auditEvents } = await import('@/lib/store/schema-audit');
  const { eq } = await import('drizzle-orm');
  const { db } = await getDatabase();
  return db.select().from(auditEvents).where(eq(auditEvents.action, action));
}

beforeAll(async () => {
  api = await startApi({ INSPECTOR_API_RATE_PER_MINUTE: '1000' });
  admin = await api.user('admin');
  adminToken = await api.token(admin.id);
  const doc = await api.call('GET', '/api/v1/openapi.json', { token: adminToken });
  expect(doc.status).toBe(200);
  check = contractChecker(doc.body as never);
  call = async (method, path, opts = {}) => {
    const res = await api.call(method, path, { token: adminToken, ...opts });
    expect(check.check(method, path, res), `${method} ${path}`).toEqual([]);
    if (res.status >= 400) expect(res.contentType).toBe('application/problem+json');
    return res as never;
  };
}, 60_000);
afterAll(async () => api?.close());

function answersFor(challenges: { prompt: string; iterables: string[] }[]) {
  const known: Record<string, string | string[]> = {
    ...TOOLBOX,
    'Which colour is your card?': 'Blue',
    'Select every colour in your security flag.': ['Red', 'Green'],
    'Enter the security code we sent you.': '123456',
    'What is your favourite colour?': 'Blue',
  };
  const out: Record<string, string | string[]> = {};
  for (const c of challenges) {
    if (c.prompt === 'Select your security image.') out[c.prompt] = c.iterables[1]!;
    else if (c.prompt.startsWith('How would you like')) out[c.prompt] = c.iterables[0]!;
    else if (c.prompt === 'Choose a security question and answer it.') out['What city were you born in?'] = 'Montreal';
    else out[c.prompt] = known[c.prompt]!;
  }
  return out;
}

describe('the document', () => {
  it('is OpenAPI 3.1 with closed response objects', async () => {
    const doc = (await call('GET', '/api/v1/openapi.json')).body;
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.schemas.InspectionOutcome.additionalProperties).toBe(false);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/inspections', '/inspections/{id}', '/inspections/{id}/answers', '/inspections/{id}/links/{link}', '/inspections/{id}/bundle']));
  });

  it('the checker fails an answer with an undocumented field or status (it can fail)', () => {
    const ok = { status: 404, contentType: 'application/problem+json', body: { type: 't', title: 't', status: 404, detail: 'd' } };
    expect(check.check('GET', '/api/v1/inspections/11111111-2222-4333-8444-555555555555', ok)).toEqual([]);
    expect(check.check('GET', '/api/v1/inspections/11111111-2222-4333-8444-555555555555', { ...ok, body: { ...ok.body, secret: 'x' } })).not.toEqual([]);
    expect(check.check('GET', '/api/v1/inspections/11111111-2222-4333-8444-555555555555', { ...ok, status: 418 })).not.toEqual([]);
  });

  it('the reference page lists the operations', async () => {
    const res = await call('GET', '/api/v1/docs');
    expect(res.body).toContain('/api/v1/inspections/{id}/links/{link}');
    expect(res.body).not.toContain('<script');
  });
});

describe('inspections through the API', () => {
  let cachedId: string;

  it('opens a cached session, follows its Links, reads it back and its bundle', async () => {
    const opened = await call('POST', '/api/v1/inspections', { body: { mode: 'cached', loginId: LOGIN_ID, tag: 'contract' } });
    expect(opened.status).toBe(201);
    expect(opened.body.status).toBe('authorized');
    cachedId = opened.body.id;
    const summary = await call('POST', `/api/v1/inspections/${cachedId}/links/accounts-summary`);
    expect(summary.status).toBe(200);
    expect(summary.body.accounts.length).toBeGreaterThan(0);
    const pending = await call('POST', `/api/v1/inspections/${cachedId}/links/accounts-detail`);
    expect(pending.status).toBe(202);
    expect(pending.body.flinksCode).toBe('OPERATION_PENDING');
    const waited = await call('POST', `/api/v1/inspections/${cachedId}/links/accounts-detail?wait=true&waitSeconds=10`);
    expect(waited.status).toBe(200);
    expect(waited.body.status).toBe('ok');
    const statements = await call('POST', `/api/v1/inspections/${cachedId}/links/statements`);
    expect(statements.status).toBe(200);
    // The optional body chooses the window: one account, three statements, each with its period.
    const one = summary.body.accounts[0].id;
    const chosen = await call('POST', `/api/v1/inspections/${cachedId}/links/statements`, { body: { accountsFilter: [one], numberOfStatements: 'Months3' } });
    expect(chosen.status).toBe(200);
    expect(chosen.body.statements).toHaveLength(3);
    expect(chosen.body.statements[0].periodStart).toMatch(/^\d{4}-\d{2}-01$/);
    const misspelt = await call('POST', `/api/v1/inspections/${cachedId}/links/accounts-detail`, { body: { daysOfTransaction: 'Days365' } });
    expect(misspelt.status).toBe(400);
    const detail = await call('GET', `/api/v1/inspections/${cachedId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.timeline.length).toBeGreaterThan(3);
    const bundle = await call('GET', `/api/v1/inspections/${cachedId}/bundle`);
    expect(bundle.status).toBe(200);
    const events = await auditRows('link.follow');
    expect(events.filter((e) => e.interface === 'api').length).toBeGreaterThanOrEqual(4);
    expect((await auditRows('bundle.download')).some((e) => e.interface === 'api' && e.actorEmail === admin.email)).toBe(true);
  });

  it('compares two sessions of one LoginId, by id or Request ID, masked like the page', async () => {
    const second = (await call('POST', '/api/v1/inspections', { body: { mode: 'cached', loginId: LOGIN_ID, tag: 'contract-b' } })).body;
    expect((await call('POST', `/api/v1/inspections/${second.id}/links/accounts-detail?wait=true&waitSeconds=10`)).status).toBe(200);
    const compared = await call('GET', `/api/v1/compare?a=${cachedId}&b=${second.requestId}`);
    expect(compared.status).toBe(200);
    expect(compared.body.a.id).toBe(cachedId);
    expect(compared.body.b.id).toBe(second.id);
    expect(compared.body.accountsCompared).toBe(true);
    expect(compared.body.accounts.length).toBeGreaterThan(0);
    const field = (label: string) => compared.body.fields.find((f: { label: string }) => f.label === label);
    expect(field('Login ID')).toMatchObject({ a: LOGIN_ID, b: LOGIN_ID, differs: false });
    expect(field('Tag')).toMatchObject({ a: 'contract', b: 'contract-b', differs: true });
    // The Request IDs differ by nature: shown, not counted as a difference.
    expect(field('Request ID').differs).toBe(false);
    expect(compared.body.steps.map((r: { a: { endpoint: string } | null }) => r.a?.endpoint)).toContain('Authorize');
    expect((await call('GET', `/api/v1/compare?a=${cachedId}&b=11111111-2222-4333-8444-555555555555`)).status).toBe(404);
    expect((await call('GET', `/api/v1/compare?a=${cachedId}&b=${cachedId}`)).status).toBe(400);
    expect((await call('GET', `/api/v1/compare?a=${cachedId}`)).status).toBe(400);
  });

  it.each(['Greatday', 'sim_choice', 'sim_multi', 'sim_image', 'sim_text_or_call', 'sim_pick_question', 'sim_two_rounds', 'sim_all_types'])('live MFA with %s', async (persona) => {
    let state = (await call('POST', '/api/v1/inspections', { body: { mode: 'live', persona } })).body;
    for (let round = 0; state.status === 'mfa_pending' && round < 4; round++) {
      state = (await call('POST', `/api/v1/inspections/${state.id}/answers`, { body: { answers: answersFor(state.challenges) } })).body;
    }
    expect(state.status).toBe('authorized');
    expect(JSON.stringify(state)).not.toContain('Everyday');
  });

  it('a wrong answer asks again; a failing persona is a failed inspection with its FlinksCode explained', async () => {
    const opened = (await call('POST', '/api/v1/inspections', { body: { mode: 'live', persona: 'sim_choice' } })).body;
    const wrong = await call('POST', `/api/v1/inspections/${opened.id}/answers`, { body: { answers: { 'Which colour is your card?': 'Red' } } });
    expect(wrong.body.status).toBe('mfa_pending');
    expect(wrong.body.error.flinksCode).toBe('INVALID_SECURITY_RESPONSE');
    const failed = await call('POST', '/api/v1/inspections', { body: { mode: 'live', persona: 'test_disabled_account' } });
    expect(failed.status).toBe(201);
    expect(failed.body).toMatchObject({ status: 'failed', error: { flinksCode: 'DISABLED_LOGIN', whoActs: 'customer', retry: 'no' } });
  });

  it('each open and answer is one audit event naming what Flinks answered (written beside the settle, or after it for an error)', async () => {
    const forInspection = async (action: string, id: string) => (await auditRows(action)).filter((e) => (e.metadata as { inspectionId?: string } | null)?.inspectionId === id);
    const cached = (await call('POST', '/api/v1/inspections', { body: { mode: 'cached', loginId: LOGIN_ID } })).body;
    expect(cached.requestId).toMatch(/\S/);
    const [open] = await forInspection('inspection.open', cached.id);
    expect(await forInspection('inspection.open', cached.id)).toHaveLength(1);
    expect(open).toMatchObject({ outcome: 'permitted', interface: 'api', actorEmail: admin.email, targetType: 'login', targetId: LOGIN_ID });
    expect(open!.metadata).toMatchObject({ mode: 'cached', result: 'authorized', requestId: cached.requestId });

    const live = (await call('POST', '/api/v1/inspections', { body: { mode: 'live', persona: 'Greatday' } })).body;
    expect(live.status).toBe('mfa_pending');
    expect((await forInspection('inspection.open', live.id)).map((e) => [e.outcome, (e.metadata as { result: string }).result])).toEqual([['permitted', 'mfa']]);
    const done = (await call('POST', `/api/v1/inspections/${live.id}/answers`, { body: { answers: answersFor(live.challenges) } })).body;
    expect(done.status).toBe('authorized');
    const answered = await forInspection('mfa.answer', live.id);
    expect(answered.map((e) => [e.outcome, (e.metadata as { result: string }).result])).toEqual([['permitted', 'authorized']]);
    expect(JSON.stringify(answered)).not.toContain('Montreal');

    const failed = (await call('POST', '/api/v1/inspections', { body: { mode: 'live', persona: 'test_disabled_account' } })).body;
    expect((await forInspection('inspection.open', failed.id)).map((e) => [e.outcome, (e.metadata as { result: string }).result])).toEqual([['error', 'error']]);
  });

  it('answers problems: invalid input 400, unknown 404, not authorized 409, expired 410, bad method 405', async () => {
    expect((await call('POST', '/api/v1/inspections', { body: { mode: 'cached', loginId: 'nope' } })).status).toBe(400);
    expect((await call('POST', '/api/v1/inspections', { body: { mode: 'live', persona: 'nobody' } })).status).toBe(400);
    expect((await call('GET', '/api/v1/inspections/11111111-2222-4333-8444-555555555555')).status).toBe(404);
    expect((await call('GET', '/api/v1/inspections/11111111-2222-4333-8444-555555555555/bundle')).status).toBe(404);
    expect((await call('POST', '/api/v1/inspections/11111111-2222-4333-8444-555555555555/answers', { body: { answers: { a: 'b' } } })).status).toBe(404);
    expect((await call('POST', '/api/v1/inspections/11111111-2222-4333-8444-555555555555/links/accounts-summary')).status).toBe(404);
    expect((await call('POST', '/api/v1/inspections', { body: { mode: 'live', persona: 'sim_choice' } })).body.status).toBe('mfa_pending');
    const mfa = (await call('POST', '/api/v1/inspections', { body: { mode: 'live', persona: 'Greatday' } })).body;
    expect((await call('POST', `/api/v1/inspections/${mfa.id}/links/accounts-summary`)).status).toBe(409);
    expect((await call('POST', '/api/v1/inspections', { body: 'not an object' })).status).toBe(400);
    expect((await call('POST', `/api/v1/inspections/${mfa.id}/answers`, { body: { answers: { a: 'x'.repeat(1_100_000) } } })).status).toBe(413);
    expect((await api.call('POST', '/api/v1/inspections/x/bundle', { token: adminToken })).status).toBe(405);
    api.sim.sim.advanceClock(9 * 60_000);
    const expired = await call('POST', `/api/v1/inspections/${cachedId}/links/accounts-summary`);
    expect(expired.status).toBe(410);
    expect(expired.body.flinksCode).toMatch(/SESSION_(NONEXISTENT|EXPIRED)/);
    const reopened = await call('POST', `/api/v1/inspections/${cachedId}/reopen`);
    expect(reopened.status).toBe(201);
    expect(reopened.body.parentId).toBe(cachedId);
  });

  it('lists history with filters and cursor paging', async () => {
    const first = await call('GET', '/api/v1/inspections?mode=live&limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items.every((i: { mode: string }) => i.mode === 'live')).toBe(true);
    const next = await call('GET', `/api/v1/inspections?mode=live&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    const tagged = await call('GET', '/api/v1/inspections?tag=contract');
    expect(tagged.body.items.length).toBeGreaterThanOrEqual(1);
    expect((await call('GET', '/api/v1/inspections?mode=sideways')).status).toBe(400);
  });
});

describe('refusals', () => {
  const knock = (token: string | null) => call('POST', '/api/v1/inspections', { token, body: { mode: 'cached', loginId: LOGIN_ID } });

  it('no token, a malformed or unknown one: 401, recorded', async () => {
    const before = (await auditRows('access.denied')).length;
    for (const token of [null, 'fsi_short', `fsi_${'A'.repeat(32)}`]) {
      const res = await knock(token);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
    expect((await call('GET', '/api/v1/inspections', { token: null })).status).toBe(401);
    const rows = (await auditRows('access.denied')).slice(before);
    expect(rows.map((r) => (r.metadata as { reason: string }).reason)).toEqual(expect.arrayContaining(['token_missing', 'token_malformed', 'token_unknown']));
    expect(rows.every((r) => r.interface === 'api' && r.outcome === 'denied')).toBe(true);
  });

  it('revoked and expired tokens, and a deactivated owner: 401, recorded with the token prefix', async () => {
    const { revokeApiToken, createApiToken } = await import('@/lib/auth/api-tokens');
    const owner = await api.user('qa');
    const revoked = await createApiToken(owner.id, 'to revoke', 30);
    await revokeApiToken(owner.id, revoked.summary.id);
    expect((await knock(revoked.token)).status).toBe(401);
    const expired = await createApiToken(owner.id, 'old', 30, new Date(Date.now() - 31 * 86_400_000));
    expect((await knock(expired.token)).status).toBe(401);
    const banned = await api.user('admin', { banned: true });
    expect((await knock(await api.token(banned.id))).status).toBe(401);
    const reasons = (await auditRows('access.denied')).map((r) => r.metadata as { reason?: string; tokenPrefix?: string });
    expect(reasons).toEqual(expect.arrayContaining([
      expect.objectContaining({ reason: 'token_revoked', tokenPrefix: revoked.summary.prefix }),
      expect.objectContaining({ reason: 'token_expired', tokenPrefix: expired.summary.prefix }),
      expect.objectContaining({ reason: 'token_deactivated' }),
    ]));
  });

  it("beyond the owner's role: 403, and a demotion takes effect at once", async () => {
    const support = await api.user('support');
    const token = await api.token(support.id);
    const live = await call('POST', '/api/v1/inspections', { token, body: { mode: 'live', persona: 'Greatday' } });
    expect(live.status).toBe(403);
    expect(live.body.detail).toContain('inspection:open_live');
    const opened = await call('POST', '/api/v1/inspections', { token, body: { mode: 'cached', loginId: LOGIN_ID } });
    expect(opened.status).toBe(201);
    const { getDatabase } = await import('@/lib/store');
    const { user: users } = await import('@/lib/store/schema-auth');
    const { eq } = await import('drizzle-orm');
    await (await getDatabase()).db.update(users).set({ role: null }).where(eq(users.id, support.id));
    expect((await call('GET', '/api/v1/inspections', { token })).status).toBe(403);
    const denied = (await auditRows('access.denied')).filter((r) => r.actorId === support.id);
    expect(denied.map((r) => (r.metadata as { permission: string }).permission)).toEqual(expect.arrayContaining(['inspection:open_live', 'inspection:view']));
  });

  it('over the per-token rate: 429 problem with Retry-After, recorded', async () => {
    const { getDatabase } = await import('@/lib/store');
    const { apiRateWindows, apiTokens } = await import('@/lib/store/schema-api');
    const { hashToken } = await import('@/lib/auth/api-tokens');
    const { eq } = await import('drizzle-orm');
    const qa = await api.user('qa');
    const token = await api.token(qa.id);
    const { db } = await getDatabase();
    const [row] = await db.select().from(apiTokens).where(eq(apiTokens.hash, hashToken(token)));
    await db.insert(apiRateWindows).values({ tokenId: row!.id, windowStart: new Date(Math.floor(Date.now() / 60_000) * 60_000), count: 1000 });
    const res = await call('GET', '/api/v1/inspections', { token });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await auditRows('access.denied')).some((r) => r.actorId === qa.id && (r.metadata as { reason?: string }).reason === 'rate_limited')).toBe(true);
  });

  it('no answer carries a token, a key or a password', async () => {
    const { TOOLBOX: KEYS } = await import('@/lib/flinks/toolbox');
    const res = await call('GET', '/api/v1/inspections?limit=100');
    const everything = JSON.stringify(res.body) + JSON.stringify((await call('GET', `/api/v1/inspections/${res.body.items[0].id}`)).body);
    for (const secret of [adminToken, KEYS.secretKey, KEYS.apiKey, 'Everyday']) expect(everything).not.toContain(secret);
  });
});

describe('coverage of the document', () => {
  it('every operation answered each of its success statuses, and the common problems were seen', () => {
    const wanted = [
      'get /inspections 200', 'post /inspections 201', 'get /inspections/{id} 200', 'post /inspections/{id}/answers 200', 'post /inspections/{id}/reopen 201',
      'post /inspections/{id}/links/{link} 200', 'post /inspections/{id}/links/{link} 202', 'get /inspections/{id}/bundle 200', 'get /compare 200', 'get /openapi.json 200', 'get /docs 200',
      'post /inspections 400', 'post /inspections 401', 'post /inspections 403', 'get /inspections 429', 'get /inspections/{id} 404', 'post /inspections/{id}/links/{link} 409', 'post /inspections/{id}/links/{link} 410', 'post /inspections/{id}/answers 413',
    ];
    expect([...check.seen]).toEqual(expect.arrayContaining(wanted));
  });
});
