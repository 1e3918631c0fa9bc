import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { flinksErrorSchema } from '@/lib/flinks/schemas';
import { SAMPLE_LOGIN_ID } from '../state';
import { caller } from '../testing/client';
import { startSimulatorServer } from '../testing/serve';

const srv = await startSimulatorServer({ seed: 'fault-tests', slowMs: 150 });
const c = caller(srv);
afterAll(() => srv.close());
beforeEach(() => srv.sim.reset());

describe('fault personas', () => {
  it.each([
    ['sim_500', 500, 'AGGREGATION_ERROR'],
    ['sim_new_account', 401, 'NEW_ACCOUNT'],
    ['sim_rate_limited', 401, 'TOO_MANY_REQUESTS'],
  ])('%s answers %i %s', async (username, status, code) => {
    const r = await c.authorize(await c.token(), c.live(username));
    expect(r.status).toBe(status);
    expect(flinksErrorSchema.parse(r.body)).toMatchObject({ HttpStatusCode: status, FlinksCode: code });
  });

  it('sim_garbage: 200 whose body is not JSON', async () => {
    const r = await c.authorize(await c.token(), c.live('sim_garbage'));
    expect(r.status).toBe(200);
    expect(() => JSON.parse(r.text) as unknown).toThrow();
  });

  it('sim_slow: answers 200 after slowMs', async () => {
    const started = Date.now();
    const r = await c.authorize(await c.token(), c.live('sim_slow'));
    expect(r.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('sim_hang: never answers; the caller’s abort ends it and the server keeps serving', async () => {
    const started = Date.now();
    const hung = c.call('Authorize', { body: c.live('sim_hang'), headers: { 'flinks-auth-key': await c.token() }, signal: AbortSignal.timeout(200) });
    await expect(hung).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await c.authorize(await c.token(), c.live('greatday_nomfa'))).status).toBe(200);
  });

  it('sim_hang in-process: the handler resolves once the request is aborted (no leak)', async () => {
    const token = await c.token();
    const controller = new AbortController();
    const pending = srv.sim.handle(new Request(`${srv.apiBase}/Authorize`, {
      method: 'POST',
      headers: { 'flinks-auth-key': token, 'content-type': 'application/json' },
      body: JSON.stringify(c.live('sim_hang')),
      signal: controller.signal,
    }));
    let settled = false;
    void pending.then(() => { settled = true; });
    await new Promise((r) => setTimeout(r, 50));
    expect(settled).toBe(false);
    controller.abort();
    await pending;
    expect(settled).toBe(true);
  });
});

describe('junk never crashes it', () => {
  it('bodies over 1 MB are 413 INVALID_REQUEST (declared or streamed)', async () => {
    const big = JSON.stringify({ LoginId: SAMPLE_LOGIN_ID, Tag: 'x'.repeat(1024 * 1024 + 10) });
    const r = await c.call('Authorize', { raw: big, headers: { 'flinks-auth-key': await c.token() } });
    expect(r.status).toBe(413);
    expect(r.body).toMatchObject({ HttpStatusCode: 413, FlinksCode: 'INVALID_REQUEST' });
    const chunked = await srv.sim.handle(new Request(`${srv.apiBase}/GetAccountsSummary`, {
      method: 'POST',
      headers: { 'x-api-key': srv.credentials.apiKey },
      body: new ReadableStream({
        start(ctrl) {
          for (let i = 0; i < 20; i++) ctrl.enqueue(new Uint8Array(100_000));
          ctrl.close();
        },
      }),
      // @ts-expect-error Node's fetch needs duplex for streamed bodies; lib.dom's RequestInit lacks it.
      duplex: 'half',
    }));
    expect(chunked.status).toBe(413);
  });

  it('malformed bodies on every endpoint answer Flinks-shaped JSON, then the server keeps serving', async () => {
    const junk = ['{', 'null', '[]', '42', '"str"', '{"RequestId": {"nested": true}}', '\u0000\u0001', '{"RequestId": null}'];
    for (const endpoint of ['Authorize', 'GetAccountsSummary', 'GetAccountsDetail', 'GetStatements']) {
      for (const raw of junk) {
        const r = await c.call(endpoint, { raw, headers: { 'flinks-auth-key': await c.token(), 'x-api-key': srv.credentials.apiKey } });
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.body.HttpStatusCode).toBe(r.status);
        expect(typeof r.body.FlinksCode).toBe('string');
      }
    }
    expect((await c.authorize(await c.token(), { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true })).status).toBe(200);
  });

  it('wrong types in data bodies are INVALID_REQUEST with ValidationDetails', async () => {
    const r = await c.data('GetAccountsDetail', { RequestId: 'x', WithTransactions: 'perhaps', DaysOfTransactions: 'Days7' });
    expect(r.status).toBe(401);
    expect(flinksErrorSchema.parse(r.body).ValidationDetails).toHaveProperty('WithTransactions');
  });

  it('unknown endpoints, customerIds and paths are Flinks-shaped 404s', async () => {
    for (const path of [
      `/v3/${srv.credentials.customerId}/BankingServices/DoesNotExist`,
      '/v3/00000000-0000-0000-0000-000000000000/BankingServices/Authorize',
      '/',
      '/v2/x/BankingServices/Authorize',
      `/v3/${srv.credentials.customerId}/BankingServices/Authorize/extra`,
      '/_control/nothing',
      '/v3/%E0%A4%A/BankingServices/Authorize',
    ]) {
      const r = await c.call(path, { body: {} });
      expect(r.status).toBe(404);
      expect(r.body).toMatchObject({ HttpStatusCode: 404, FlinksCode: expect.any(String) });
    }
  });

  it('endpoint names are case-insensitive (ASP.NET routing)', async () => {
    const r = await c.call('generateauthorizetoken', { headers: { 'flinks-auth-key': srv.credentials.secretKey } });
    expect(r.status).toBe(200);
  });

  it('wrong methods are 405 with Allow', async () => {
    for (const [endpoint, method] of [['Authorize', 'GET'], ['GenerateAuthorizeToken', 'PUT'], ['GetAccountsDetail', 'GET'], ['GetAccountsDetailAsync/x', 'DELETE']] as const) {
      const r = await c.call(endpoint, { method });
      expect(r.status).toBe(405);
      expect(r.body.HttpStatusCode).toBe(405);
      expect(r.headers.get('allow')).toBeTruthy();
    }
  });
});

describe('control endpoints', () => {
  it('clock, state and reset', async () => {
    const before = srv.sim.now();
    const r = await c.call('/_control/clock', { body: { advanceMs: 60_000 } });
    expect(r.status).toBe(200);
    expect(srv.sim.now() - before).toBeGreaterThanOrEqual(60_000);
    expect((await c.call('/_control/clock', { body: { advanceMs: -5 } })).body.FlinksCode).toBe('INVALID_REQUEST');
    await c.authorize(await c.token(), c.live('Greatday'));
    const state = await c.call('/_control/state', { method: 'GET' });
    expect(state.body).toMatchObject({ HttpStatusCode: 200, Tokens: 1, Sessions: [{ Username: 'Greatday', Stage: 'mfa' }] });
    expect(state.text).not.toContain(srv.credentials.secretKey);
    await c.call('/_control/reset');
    expect(srv.sim.summary()).toMatchObject({ Tokens: 0, Sessions: [] });
    expect(srv.sim.now() - Date.now()).toBeLessThan(1000);
  });
});
