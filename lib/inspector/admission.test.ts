import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAdmission } from './admission';

/** A use case that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const done = new Promise<void>((r) => (open = r));
  return { open, fn: async () => { await done; return 'ran'; } };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('admission control', () => {
  afterEach(() => vi.useRealTimers());

  it('runs up to the limit at once, queues the next ones and lets them in as turns free up', async () => {
    const a = createAdmission({ limit: 2, queue: 10, maxWaitMs: 60_000 });
    const g = [gate(), gate(), gate()];
    const runs = g.map((x) => a.run('start', x.fn));
    await flush();
    expect(a.state()).toMatchObject({ running: 2, queued: 1 });
    g[0]!.open();
    expect(await runs[0]).toEqual({ kind: 'done', value: 'ran' });
    await flush();
    expect(a.state()).toMatchObject({ running: 2, queued: 0 });
    g[1]!.open();
    g[2]!.open();
    expect(await Promise.all(runs.slice(1))).toEqual([{ kind: 'done', value: 'ran' }, { kind: 'done', value: 'ran' }]);
    expect(a.state()).toMatchObject({ running: 0, queued: 0 });
  });

  it('answers busy with a retry delay at once when the queue is full, without running the use case', async () => {
    const a = createAdmission({ limit: 1, queue: 1, maxWaitMs: 60_000 });
    const first = gate();
    const running = a.run('start', first.fn);
    const waiting = a.run('start', async () => 'second');
    const fn = vi.fn(async () => 'third');
    const refused = await a.run('start', fn);
    expect(refused.kind).toBe('busy');
    expect(refused.kind === 'busy' && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(fn).not.toHaveBeenCalled();
    first.open();
    expect(await running).toEqual({ kind: 'done', value: 'ran' });
    expect(await waiting).toEqual({ kind: 'done', value: 'second' });
  });

  it('lets an open MFA round go ahead of new sessions', async () => {
    const a = createAdmission({ limit: 1, queue: 10, maxWaitMs: 60_000 });
    const first = gate();
    const order: string[] = [];
    const running = a.run('start', first.fn);
    const start = a.run('start', async () => order.push('start'));
    const answer = a.run('continue', async () => order.push('continue'));
    first.open();
    await Promise.all([running, start, answer]);
    expect(order).toEqual(['continue', 'start']);
  });

  it('answers busy to a caller that waited maxWaitMs, and the turn is not lost', async () => {
    vi.useFakeTimers();
    const a = createAdmission({ limit: 1, queue: 10, maxWaitMs: 1000 });
    const first = gate();
    const running = a.run('start', first.fn);
    const waiting = a.run('start', async () => 'late');
    await vi.advanceTimersByTimeAsync(1000);
    expect((await waiting).kind).toBe('busy');
    expect(a.state()).toMatchObject({ running: 1, queued: 0 });
    first.open();
    await running;
    expect(a.state()).toMatchObject({ running: 0, queued: 0 });
    expect(await a.run('start', async () => 'next')).toEqual({ kind: 'done', value: 'next' });
  });

  it('frees the turn when the use case throws', async () => {
    const a = createAdmission({ limit: 1, queue: 0, maxWaitMs: 1000 });
    await expect(a.run('start', () => Promise.reject(new Error('bug')))).rejects.toThrow('bug');
    expect(await a.run('start', async () => 'ok')).toEqual({ kind: 'done', value: 'ok' });
  });
});
