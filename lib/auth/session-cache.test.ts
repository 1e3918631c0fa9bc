import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetSessions, rememberedSession, sessionCookieOf } from './session-cache';

const COOKIE = 'theme=dark; inspector.session_token=abc.signature';
const found = (id: string, expiresInMs = 60_000) => ({ session: { id, expiresAt: new Date(Date.now() + expiresInMs) }, user: { id: 'u1' } });

describe('remembered staff sessions', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
    forgetSessions();
  });
  afterEach(() => vi.useRealTimers());

  it('reads the session cookie under either prefix, and nothing else', () => {
    expect(sessionCookieOf(COOKIE)).toBe('abc.signature');
    expect(sessionCookieOf('__Secure-inspector.session_token=xyz')).toBe('xyz');
    expect(sessionCookieOf('other.session_token=xyz; a=b')).toBeNull();
    expect(sessionCookieOf(null)).toBeNull();
  });

  it('asks once within the delay, again after it', async () => {
    const lookup = vi.fn(async () => found('s1'));
    await rememberedSession(COOKIE, 2_000, lookup);
    expect(await rememberedSession(COOKIE, 2_000, lookup)).toMatchObject({ session: { id: 's1' } });
    expect(lookup).toHaveBeenCalledTimes(1);
    vi.setSystemTime(Date.now() + 2_001);
    await rememberedSession(COOKIE, 2_000, lookup);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('a different cookie (another signature) is looked up, not served what was verified', async () => {
    const lookup = vi.fn(async () => found('s1'));
    await rememberedSession(COOKIE, 2_000, lookup);
    const forged = vi.fn(async () => null);
    expect(await rememberedSession('inspector.session_token=abc.forged', 2_000, forged)).toBeNull();
    expect(forged).toHaveBeenCalledTimes(1);
  });

  it('never remembers "no session", nor past the session\'s own end, nor with the memory off', async () => {
    const none = vi.fn(async () => null);
    await rememberedSession(COOKIE, 2_000, none);
    await rememberedSession(COOKIE, 2_000, none);
    expect(none).toHaveBeenCalledTimes(2);

    const ending = vi.fn(async () => found('s2', 500));
    await rememberedSession(COOKIE, 2_000, ending);
    vi.setSystemTime(Date.now() + 501);
    await rememberedSession(COOKIE, 2_000, ending);
    expect(ending).toHaveBeenCalledTimes(2);

    const off = vi.fn(async () => found('s3'));
    await rememberedSession(COOKIE, 0, off);
    await rememberedSession(COOKIE, 0, off);
    expect(off).toHaveBeenCalledTimes(2);
  });

  it('forgetSessions (sign-out, revoke, role change, deactivation) takes effect at once', async () => {
    const lookup = vi.fn(async () => found('s1'));
    await rememberedSession(COOKIE, 2_000, lookup);
    forgetSessions();
    await rememberedSession(COOKIE, 2_000, lookup);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('a lookup overtaken by forgetSessions is not remembered (it may have read the row before the change)', async () => {
    let finish!: (v: ReturnType<typeof found>) => void;
    const slow = rememberedSession(COOKIE, 2_000, () => new Promise<ReturnType<typeof found> | null>((resolve) => (finish = resolve)));
    forgetSessions();
    finish(found('stale'));
    await slow;
    const fresh = vi.fn(async () => null);
    expect(await rememberedSession(COOKIE, 2_000, fresh)).toBeNull();
    expect(fresh).toHaveBeenCalledTimes(1);
  });

  it('callers that arrive during a lookup share it; one that arrives after forgetSessions does not', async () => {
    let finish!: (v: ReturnType<typeof found>) => void;
    const lookup = vi.fn(() => new Promise<ReturnType<typeof found> | null>((resolve) => (finish = resolve)));
    const burst = Array.from({ length: 5 }, () => rememberedSession(COOKIE, 2_000, lookup));
    expect(lookup).toHaveBeenCalledTimes(1);
    forgetSessions();
    const after = vi.fn(async () => found('fresh'));
    const late = rememberedSession(COOKIE, 2_000, after);
    finish(found('s1'));
    expect((await Promise.all(burst)).map((f) => f?.session.id)).toEqual(['s1', 's1', 's1', 's1', 's1']);
    expect((await late)?.session.id).toBe('fresh');
    expect(after).toHaveBeenCalledTimes(1);
  });

  describe('re-checked ahead of time', () => {
    const settle = () => new Promise((resolve) => setImmediate(resolve));

    it('past half the delay, answers from memory and re-checks beside the request; the next caller gets the re-check', async () => {
      const inline = vi.fn(async () => found('first'));
      const ahead = { lookup: vi.fn(async () => found('rechecked')), inline: () => false };
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      vi.setSystemTime(Date.now() + 999);
      expect((await rememberedSession(COOKIE, 2_000, inline, ahead))?.session.id).toBe('first');
      expect(ahead.lookup).not.toHaveBeenCalled();
      vi.setSystemTime(Date.now() + 2);
      expect((await rememberedSession(COOKIE, 2_000, inline, ahead))?.session.id).toBe('first');
      expect(ahead.lookup).toHaveBeenCalledTimes(1);
      await settle();
      // The re-check restarted the delay: 1.5 s after it, no lookup at all.
      vi.setSystemTime(Date.now() + 1_500);
      expect((await rememberedSession(COOKIE, 2_000, inline, ahead))?.session.id).toBe('rechecked');
      expect(inline).toHaveBeenCalledTimes(1);
      expect(ahead.lookup).toHaveBeenCalledTimes(2);
    });

    it('a re-check that finds the session gone (revoked elsewhere) removes it: the next caller looks up and is refused', async () => {
      const ahead = { lookup: vi.fn(async () => null), inline: () => false };
      const inline = vi.fn(async () => found('s1'));
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      vi.setSystemTime(Date.now() + 1_500);
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      await settle();
      const after = vi.fn(async () => null);
      expect(await rememberedSession(COOKIE, 2_000, after, ahead)).toBeNull();
      expect(after).toHaveBeenCalledTimes(1);
    });

    it('never answers from a verification older than the delay, even when re-checks fail', async () => {
      const ahead = { lookup: vi.fn(async () => Promise.reject(new Error('database down'))), inline: () => false };
      const inline = vi.fn(async () => found('s1'));
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      vi.setSystemTime(Date.now() + 1_500);
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      await settle();
      vi.setSystemTime(Date.now() + 501);
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      expect(inline).toHaveBeenCalledTimes(2);
    });

    it('when the session is due to slide, the lookup waits for the request that can carry the cookie', async () => {
      const ahead = { lookup: vi.fn(async () => found('rechecked')), inline: () => true };
      const inline = vi.fn(async () => found('s1'));
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      vi.setSystemTime(Date.now() + 1_500);
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      await settle();
      expect(ahead.lookup).not.toHaveBeenCalled();
      vi.setSystemTime(Date.now() + 501);
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      expect(inline).toHaveBeenCalledTimes(2);
    });

    it('runs the re-check when the caller schedules it (after the response), once however many callers ask meanwhile', async () => {
      const queued: (() => void)[] = [];
      const ahead = { lookup: vi.fn(async () => found('rechecked')), inline: () => false, schedule: (run: () => void) => void queued.push(run) };
      const inline = vi.fn(async () => found('s1'));
      await rememberedSession(COOKIE, 2_000, inline, ahead);
      vi.setSystemTime(Date.now() + 1_500);
      for (let i = 0; i < 3; i += 1) expect((await rememberedSession(COOKIE, 2_000, inline, ahead))?.session.id).toBe('s1');
      expect(queued).toHaveLength(1);
      expect(ahead.lookup).not.toHaveBeenCalled();
      queued[0]!();
      await settle();
      expect(ahead.lookup).toHaveBeenCalledTimes(1);
      expect((await rememberedSession(COOKIE, 2_000, inline, ahead))?.session.id).toBe('rechecked');
    });
  });
});
