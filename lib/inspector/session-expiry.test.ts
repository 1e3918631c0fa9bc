import { describe, expect, it } from 'vitest';
import { REQUEST_ID_IDLE_MS } from '@/lib/flinks/lifetimes';
import { computeExpiry, formatCountdown } from './session-expiry';

const t0 = new Date('2026-01-21T20:00:00Z');
const at = (ms: number) => new Date(t0.getTime() + ms);

describe('computeExpiry', () => {
  it('counts 8 minutes down from the last activity', () => {
    const e = computeExpiry({ requestId: 'r', lastActivityAt: t0, lastFlinksCode: null, now: at(60_000) });
    expect(e).toEqual({ state: 'active', expiresAt: at(REQUEST_ID_IDLE_MS), remainingMs: 7 * 60_000 });
  });

  it('accepts ISO strings (props from a server component)', () => {
    const e = computeExpiry({ requestId: 'r', lastActivityAt: t0.toISOString(), lastFlinksCode: null, now: at(1000) });
    expect(e.state).toBe('active');
  });

  it('expires by the clock at exactly 8 minutes', () => {
    expect(computeExpiry({ requestId: 'r', lastActivityAt: t0, lastFlinksCode: null, now: at(REQUEST_ID_IDLE_MS - 1) }).state).toBe('active');
    expect(computeExpiry({ requestId: 'r', lastActivityAt: t0, lastFlinksCode: null, now: at(REQUEST_ID_IDLE_MS) })).toMatchObject({ state: 'expired', reason: 'clock' });
  });

  it('believes Flinks over our clock', () => {
    expect(computeExpiry({ requestId: 'r', lastActivityAt: t0, lastFlinksCode: 'SESSION_NONEXISTENT', now: at(1000) })).toMatchObject({ state: 'expired', reason: 'flinks' });
    expect(computeExpiry({ requestId: 'r', lastActivityAt: t0, lastFlinksCode: 'SESSION_EXPIRED', now: at(1000) }).state).toBe('expired');
    expect(computeExpiry({ requestId: 'r', lastActivityAt: t0, lastFlinksCode: 'OPERATION_PENDING', now: at(1000) }).state).toBe('active');
  });

  it('has no countdown without a RequestId or any activity', () => {
    expect(computeExpiry({ requestId: null, lastActivityAt: t0, lastFlinksCode: null, now: t0 })).toEqual({ state: 'none' });
    expect(computeExpiry({ requestId: 'r', lastActivityAt: null, lastFlinksCode: null, now: t0 })).toEqual({ state: 'none' });
  });
});

describe('formatCountdown', () => {
  it('shows minutes and seconds, never negative', () => {
    expect(formatCountdown(8 * 60_000)).toBe('8:00');
    expect(formatCountdown(65_400)).toBe('1:06');
    expect(formatCountdown(1)).toBe('0:01');
    expect(formatCountdown(-5000)).toBe('0:00');
  });
});
