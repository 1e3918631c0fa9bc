import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { authorizeSuccessSchema, flinksErrorSchema, mfaRequiredSchema } from '@/lib/flinks/schemas';
import { SAMPLE_LOGIN_ID, loginIdFor } from '../state';
import { caller, promptsOf } from '../testing/client';
import { startSimulatorServer } from '../testing/serve';

const srv = await startSimulatorServer({ seed: 'authorize-tests' });
const c = caller(srv);
afterAll(() => srv.close());
beforeEach(() => srv.sim.reset());

describe('cached mode (§4.1, D10)', () => {
  it('the documented sample LoginId works from the start', async () => {
    const r = await c.authorize(await c.token(), { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true, Tag: 'support' });
    expect(r.status).toBe(200);
    const body = authorizeSuccessSchema.parse(r.body);
    expect(body.Login.Id).toBe(SAMPLE_LOGIN_ID);
    expect(body.Login.Username).toBe('Greatday');
    expect(body.Login.LastRefresh).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}$/);
    expect(body).toMatchObject({ Institution: 'FlinksCapital', InstitutionId: 14, Tag: 'support' });
    expect(body.Links?.map((l) => l.rel)).toEqual(['AccountsDetail', 'AccountsSummary', 'Statements']);
    expect(Object.keys(body.Links?.[0] ?? {})).toEqual(['rel', 'href', 'example']);
  });

  it('an unknown LoginId is 401 INVALID_LOGIN', async () => {
    const r = await c.authorize(await c.token(), { LoginId: '11111111-2222-3333-4444-555555555555', MostRecentCached: true });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ HttpStatusCode: 401, FlinksCode: 'INVALID_LOGIN', Message: 'LoginId not found or invalid' });
  });

  it('LoginId with MostRecentCached:false is a live refresh with MFA', async () => {
    const r = await c.authorize(await c.token(), { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: false, Save: true });
    expect(r.status).toBe(203);
    mfaRequiredSchema.parse(r.body);
  });
});

describe('live mode: toolbox personas (§7)', () => {
  it('greatday_nomfa: 200 at once with a deterministic LoginId (D10)', async () => {
    const r = await c.authorize(await c.token(), c.live('greatday_nomfa'));
    expect(r.status).toBe(200);
    const body = authorizeSuccessSchema.parse(r.body);
    expect(body.Login.Id).toBe(loginIdFor('greatday_nomfa', 'en'));
    expect(body.Login.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('Greatday/en logs in to the documented sample LoginId; same id for any casing (D10, D7)', async () => {
    const { ok } = await c.loginWithToolboxQuestion('  GREATDAY ');
    expect(ok.status).toBe(200);
    expect(authorizeSuccessSchema.parse(ok.body).Login.Id).toBe(SAMPLE_LOGIN_ID);
    expect(loginIdFor('greatday', 'fr')).not.toBe(SAMPLE_LOGIN_ID);
  });

  it.each([
    ['test_disabled_account', 'DISABLED_LOGIN'],
    ['test_service_unavailable', 'RETRY_LATER'],
  ])('%s answers 401 %s', async (username, code) => {
    const r = await c.authorize(await c.token(), c.live(username));
    expect(r.status).toBe(401);
    expect(flinksErrorSchema.parse(r.body)).toMatchObject({ HttpStatusCode: 401, FlinksCode: code });
  });

  it.each(['test_dispatched', 'test_pending'])('%s gets a 203 toolbox question first', async (username) => {
    const r = await c.authorize(await c.token(), c.live(username));
    expect(r.status).toBe(203);
  });

  it('wrong password: 401 INVALID_PASSWORD', async () => {
    const r = await c.authorize(await c.token(), c.live('Greatday', { Password: 'Nope' }));
    expect(r.status).toBe(401);
    expect(r.body.FlinksCode).toBe('INVALID_PASSWORD');
  });

  it('unknown username: 401 INVALID_LOGIN', async () => {
    const r = await c.authorize(await c.token(), c.live('nobody'));
    expect(r.status).toBe(401);
    expect(r.body.FlinksCode).toBe('INVALID_LOGIN');
  });

  it('D7: credentials ignore case and surrounding spaces', async () => {
    const body = { Institution: ' flinkscapital ', Username: ' GREATDAY_NOMFA ', Password: '  everyday ', MostRecentCached: false, Save: false };
    expect((await c.authorize(await c.token(), body)).status).toBe(200);
  });
});

describe('request validation (D6, D8)', () => {
  it('D8: keys are case-insensitive and booleans may be strings', async () => {
    const body = { institution: 'FlinksCapital', USERNAME: 'greatday_nomfa', password: 'Everyday', mostrecentcached: 'false', save: 'TRUE', tag: 't' };
    const r = await c.authorize(await c.token(), body);
    expect(r.status).toBe(200);
    expect(r.body.Tag).toBe('t');
    const cached = await c.authorize(await c.token(), { loginid: SAMPLE_LOGIN_ID, MOSTRECENTCACHED: 'true' });
    expect(cached.status).toBe(200);
  });

  it('D6: a body with neither LoginId, RequestId nor credentials is 401 INVALID_REQUEST with ValidationDetails', async () => {
    for (const body of [{}, { Username: 'Greatday' }, { MostRecentCached: true }]) {
      const r = await c.authorize(await c.token(), body);
      expect(r.status).toBe(401);
      const parsed = flinksErrorSchema.parse(r.body);
      expect(parsed.FlinksCode).toBe('INVALID_REQUEST');
      expect(parsed.ValidationDetails).toBeTruthy();
    }
  });

  it('D6: malformed JSON and wrong types are INVALID_REQUEST, and do not spend the token', async () => {
    const tok = await c.token();
    const junk = await c.call('Authorize', { raw: '{"Username": "Greatday",', headers: { 'flinks-auth-key': tok } });
    expect(junk.status).toBe(401);
    expect(junk.body).toMatchObject({ HttpStatusCode: 401, FlinksCode: 'INVALID_REQUEST' });
    for (const body of [[1, 2], 'a string', { Username: 42, Password: 'x', Institution: 'FlinksCapital' }, { Save: 'maybe', LoginId: SAMPLE_LOGIN_ID }]) {
      const r = await c.authorize(tok, body);
      expect(r.body.FlinksCode).toBe('INVALID_REQUEST');
    }
    expect((await c.authorize(tok, c.live('greatday_nomfa'))).status).toBe(200);
  });

  it('an unknown institution is INVALID_REQUEST naming the field', async () => {
    const r = await c.authorize(await c.token(), c.live('Greatday', { Institution: 'RBC' }));
    expect(r.body).toMatchObject({ FlinksCode: 'INVALID_REQUEST', ValidationDetails: { Institution: [expect.any(String)] } });
  });

  it('language is part of the 203 (fr prompts) and accepts "FR"', async () => {
    const r = await c.authorize(await c.token(), c.live('Greatday', { Language: 'FR' }));
    expect(r.status).toBe(203);
    expect(promptsOf(r)[0]).toMatch(/Où|Quel|Quelle|quelle/);
  });
});

describe('Save (D10)', () => {
  it('Save:false logins are not kept for cached calls; Save:true ones are', async () => {
    const unsaved = await c.authorize(await c.token(), c.live('greatday_nomfa', { Save: false }));
    const id = authorizeSuccessSchema.parse(unsaved.body).Login.Id;
    const cached = await c.authorize(await c.token(), { LoginId: id, MostRecentCached: true });
    expect(cached.body.FlinksCode).toBe('INVALID_LOGIN');
    await c.authorize(await c.token(), c.live('greatday_nomfa', { Save: true }));
    const again = await c.authorize(await c.token(), { LoginId: id, MostRecentCached: true });
    expect(again.status).toBe(200);
  });

  it('reset forgets saved logins but keeps the sample', async () => {
    const saved = await c.authorize(await c.token(), c.live('greatday_nomfa'));
    const id = authorizeSuccessSchema.parse(saved.body).Login.Id;
    expect((await c.call('/_control/reset')).status).toBe(200);
    expect((await c.authorize(await c.token(), { LoginId: id, MostRecentCached: true })).body.FlinksCode).toBe('INVALID_LOGIN');
    expect((await c.authorize(await c.token(), { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true })).status).toBe(200);
  });
});
