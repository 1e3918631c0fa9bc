import { beforeEach, describe, expect, it, vi } from 'vitest';

/** The app route: mounted at /simulator only while the embedded simulator is the upstream. */

const env = vi.hoisted(() => ({ usesEmbeddedSimulator: true }));
vi.mock('@/lib/env', () => ({
  getEnv: () => ({
    flinks: {
      usesEmbeddedSimulator: env.usesEmbeddedSimulator,
      customerId: '43387ca6-0391-4c82-857d-70d95f087ecb',
      secretKey: 'c4569c54-e167-4d34-8de6-f4113bc82414',
      apiKey: '3d5266a8-b697-48d4-8de6-52e2e2662acc',
    },
    simulator: { seed: 'route', asyncPolls: 2, slowMs: 10, tokenErrorCode: 'UNAUTHORIZED', requireApiKey: true },
  }),
}));

const route = await import('@/app/simulator/[...path]/route');
const base = 'http://127.0.0.1:3000/simulator/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices';
const tokenRequest = () =>
  new Request(`${base}/GenerateAuthorizeToken`, { method: 'POST', headers: { 'flinks-auth-key': 'c4569c54-e167-4d34-8de6-f4113bc82414' } });

beforeEach(() => {
  env.usesEmbeddedSimulator = true;
});

describe('app/simulator/[...path]/route', () => {
  it('is force-dynamic and serves the API under /simulator', async () => {
    expect(route.dynamic).toBe('force-dynamic');
    const r = await route.POST(tokenRequest());
    expect(r.status).toBe(200);
    expect(((await r.json()) as { Token: string }).Token).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('keeps one instance across calls (state survives on globalThis)', async () => {
    await route.POST(new Request('http://127.0.0.1:3000/simulator/_control/reset', { method: 'POST' }));
    await route.POST(tokenRequest());
    const state = await route.GET(new Request('http://127.0.0.1:3000/simulator/_control/state'));
    expect(((await state.json()) as { Tokens: number }).Tokens).toBe(1);
  });

  it('answers 404 when the app talks to a real Flinks instance', async () => {
    env.usesEmbeddedSimulator = false;
    const r = await route.POST(tokenRequest());
    expect(r.status).toBe(404);
    expect(await r.json()).toMatchObject({ HttpStatusCode: 404 });
  });

  it('wrong methods reach the handler: 405', async () => {
    const r = await route.GET(new Request(`${base}/Authorize`));
    expect(r.status).toBe(405);
  });
});
