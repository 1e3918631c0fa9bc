import { describe, expect, it } from 'vitest';
import { busyResponse, createLoadShedder } from './load-shed';

describe('load shedding', () => {
  it('is overloaded only when most of the last second was late, not after one long pause', () => {
    const s = createLoadShedder(300, { timer: false });
    expect(s.overloaded()).toBe(false);
    s.sample(5_000); // the database opening, a long GC
    for (let i = 0; i < 5; i += 1) s.sample(2);
    expect(s.overloaded()).toBe(false);
    for (let i = 0; i < 20; i += 1) s.sample(800);
    expect(s.overloaded()).toBe(true);
    expect(s.retryAfterSeconds()).toBe(4);
    for (let i = 0; i < 20; i += 1) s.sample(1);
    expect(s.overloaded()).toBe(false);
  });

  it('never sheds with a threshold of 0', () => {
    const s = createLoadShedder(0, { timer: false });
    for (let i = 0; i < 20; i += 1) s.sample(10_000);
    expect(s.overloaded()).toBe(false);
  });

  it('answers 503 with Retry-After and a text/plain message the UI shows as is', async () => {
    const r = busyResponse(3);
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toBe('3');
    expect(r.headers.get('content-type')).toBe('text/plain');
    expect(await r.text()).toContain('Retry in 3 s');
  });
});
