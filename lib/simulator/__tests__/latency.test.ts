import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOOLBOX } from '@/lib/flinks/toolbox';
import { createSimulator } from '../handler';

/** latencyMs (SIMULATOR_LATENCY_MS): every answer waits that long first; fake timers, so nothing here is timed. */
describe('latencyMs', () => {
  afterEach(() => vi.useRealTimers());

  const tokenRequest = (signal?: AbortSignal) =>
    new Request(`http://sim/v3/${TOOLBOX.customerId}/BankingServices/GenerateAuthorizeToken`, {
      method: 'POST',
      headers: { 'flinks-auth-key': TOOLBOX.secretKey },
      signal,
    });

  it('holds each answer until the latency has passed', async () => {
    vi.useFakeTimers();
    const sim = createSimulator({ seed: 'latency', latencyMs: 100 });
    let settled = false;
    const pending = sim.handle(tokenRequest()).then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(99);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });

  it('ends the wait when the caller goes away', async () => {
    vi.useFakeTimers();
    const sim = createSimulator({ seed: 'latency', latencyMs: 60_000 });
    const controller = new AbortController();
    const pending = sim.handle(tokenRequest(controller.signal));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect((await pending).status).toBeGreaterThan(0);
  });

  it('is off by default', () => {
    expect(createSimulator().options.latencyMs).toBe(0);
  });
});
