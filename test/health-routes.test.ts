import { afterAll, describe, expect, it, vi } from 'vitest';
import { createStore } from '@/lib/store/create-store';

/** The two probe routes as Next calls them: status, body, and never cached. */

const state = vi.hoisted(() => ({ open: undefined as undefined | (() => Promise<unknown>) }));
vi.mock('@/lib/store', () => ({ getStore: () => state.open!() }));

const { GET: health } = await import('@/app/api/health/route');
const { GET: ready } = await import('@/app/api/ready/route');

const store = await createStore({ kind: 'pglite' });
afterAll(() => store.close());

describe('/api/health', () => {
  it('answers 200 {status:"ok"}, not cached', async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('/api/ready', () => {
  it('answers 200 when the database is up and migrated', async () => {
    state.open = async () => store;
    const res = await ready();
    expect([res.status, res.headers.get('cache-control'), await res.json()]).toEqual([200, 'no-store', { status: 'ready' }]);
  });

  it('answers 503 with a short reason when the database is down', async () => {
    state.open = () => Promise.reject(new Error('connect ECONNREFUSED 10.1.2.3:5432 user=secret'));
    const res = await ready();
    const body = await res.json();
    expect([res.status, res.headers.get('cache-control'), body]).toEqual([503, 'no-store', { status: 'unavailable', reason: 'database unavailable' }]);
    // The cause (host, user) stays on the server.
    expect(JSON.stringify(body)).not.toContain('10.1.2.3');
  });
});
