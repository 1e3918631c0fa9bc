import { describe, expect, it } from 'vitest';
import { createSimulator } from '@/lib/simulator/handler';
import { inProcessFetch } from '@/lib/simulator/in-process-fetch';
import { TOOLBOX } from '../toolbox';
import { createFlinksClient } from '../client';
import { rightAnswer } from './simulator-harness';

/**
 * The client with the embedded simulator's in-process fetch (what the app uses while the simulator is
 * its upstream): the same results and recorded exchanges as over HTTP, and the same failure classes.
 */
const BASE = 'http://127.0.0.1:3000/simulator';

function setup(timeoutMs = 5000, options: Parameters<typeof createSimulator>[0] = {}) {
  const sim = createSimulator({ seed: 'in-process', slowMs: 50, basePath: '/simulator', ...options });
  const client = createFlinksClient({ baseUrl: BASE, customerId: TOOLBOX.customerId, secretKey: TOOLBOX.secretKey, apiKey: TOOLBOX.apiKey, timeoutMs, fetch: inProcessFetch(sim.handle) });
  return { sim, client };
}

const live = (username: string) => ({ Institution: 'FlinksCapital', Username: username, Password: 'Everyday', MostRecentCached: false as const, Save: false, Language: 'en' as const });

describe('Flinks client over the in-process simulator fetch', () => {
  it('runs the live MFA flow and records the same URL it would over HTTP', async () => {
    const { client } = setup();
    const token = await client.generateAuthorizeToken();
    expect(token.kind).toBe('ok');
    if (token.kind !== 'ok') return;
    expect(token.exchange.url).toBe(`${BASE}/v3/${TOOLBOX.customerId}/BankingServices/GenerateAuthorizeToken`);
    expect(JSON.stringify(token.exchange)).not.toContain(TOOLBOX.secretKey);
    const first = await client.authorize(token.token, live('Greatday'));
    expect(first.kind).toBe('mfa_required');
    if (first.kind !== 'mfa_required') return;
    const responses = Object.fromEntries(first.data.SecurityChallenges.map((c) => [c.Prompt, rightAnswer(c)]));
    const done = await client.authorize(token.token, { RequestId: first.data.RequestId, SecurityResponses: responses });
    expect(done.kind).toBe('authorized');
    if (done.kind === 'authorized') expect(done.data.RequestId).toBe(first.data.RequestId);
  });

  it('times out a hanging upstream as a transport timeout (the handler is released, not left hanging)', async () => {
    const { client } = setup(100);
    const token = await client.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('no token');
    const r = await client.authorize(token.token, live('sim_hang'));
    expect(r.kind === 'transport_error' && r.reason).toBe('timeout');
  });

  it('reports a caller abort as aborted', async () => {
    const { client } = setup();
    const token = await client.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('no token');
    const controller = new AbortController();
    const pending = client.authorize(token.token, live('sim_hang'), { signal: controller.signal });
    controller.abort();
    const r = await pending;
    expect(r.kind === 'transport_error' && r.reason).toBe('aborted');
  });

  it('turns a handler that throws into a network failure, as fetch would', async () => {
    const client = createFlinksClient({
      baseUrl: BASE, customerId: TOOLBOX.customerId, secretKey: TOOLBOX.secretKey, apiKey: TOOLBOX.apiKey, timeoutMs: 1000,
      fetch: inProcessFetch(() => Promise.reject(new Error('boom'))),
    });
    const r = await client.generateAuthorizeToken();
    expect(r.kind === 'transport_error' && r.reason).toBe('network');
  });

});
