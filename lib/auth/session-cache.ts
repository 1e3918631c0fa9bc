import 'server-only';
import { createHash } from 'node:crypto';

/**
 * A few seconds' memory of verified staff sessions, per process (issue 10). Better Auth's
 * getSession costs a database read (and sometimes a write) on every page, action and route; the
 * dashboard's hot path (open, answer MFA) asks it once per click, and measured it was the largest
 * part of what the app adds to a cached authorize.
 *
 * Keyed by a hash of the signed session cookie (signature included, so only a cookie that Better
 * Auth itself verified can hit), holding only sessions that were found. Every Better Auth call that
 * is not a plain read (sign-out, sign out everywhere, revoke, role change, deactivation, password
 * reset) forgets everything on this instance (lib/auth/auth.ts' after-hook), so here those take
 * effect at once; another instance sees them within `ttlMs` (README: Staff access).
 */

type Entry<T> = { value: T; until: number; verifiedAt: number };

/** Enough for every staff member's browser; past it the memory starts over rather than grow. */
const MAX_ENTRIES = 5_000;

const holder = globalThis as typeof globalThis & {
  __inspectorSessionCache?: { entries: Map<string, Entry<unknown>>; pending: Map<string, Promise<unknown>>; scheduled: Set<string>; generation: number };
};

function state() {
  holder.__inspectorSessionCache ??= { entries: new Map(), pending: new Map(), scheduled: new Set(), generation: 0 };
  return holder.__inspectorSessionCache;
}

/** The session cookie's value from a Cookie header (either prefix), or null. */
export function sessionCookieOf(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name === 'inspector.session_token' || name === '__Secure-inspector.session_token') return part.slice(eq + 1).trim() || null;
  }
  return null;
}

const keyOf = (cookie: string) => createHash('sha256').update(cookie).digest('base64url');

/**
 * Re-verifying a remembered session before it lapses (refresh-ahead): once an entry is half its
 * `ttlMs` old, the next caller is still answered from it, and a lookup runs beside that request
 * to replace it. So a staff member who keeps working never waits for a lookup (issue 10: measured,
 * a lapsed entry was most of what an action cost once upstream latency spread the clicks out), and
 * every answer still rests on a verification at most `ttlMs` old, as before.
 * `inline(value)`: this lookup must run in the caller's request instead (Better Auth slides the
 * idle limit and re-sends the cookie, which only a request still being answered can carry).
 */
export type RefreshAhead<T> = {
  lookup: () => Promise<T | null>;
  inline: (value: T) => boolean;
  /** When to run the re-check: by default at once; the app's guard runs it after the response is sent. */
  schedule?: (run: () => void) => void;
};

/**
 * The session for this cookie: remembered, or looked up with `lookup` and remembered for `ttlMs`
 * (never past the session's own expiry). Not found is never remembered, nor is a lookup that a
 * forget() overtook (it may have read the row before the change).
 */
export async function rememberedSession<T extends { session: { expiresAt: Date } }>(
  cookieHeader: string | null,
  ttlMs: number,
  lookup: () => Promise<T | null>,
  ahead?: RefreshAhead<T>,
): Promise<T | null> {
  const cookie = sessionCookieOf(cookieHeader);
  if (!cookie || ttlMs <= 0) return lookup();
  const s = state();
  const key = keyOf(cookie);
  const now = Date.now();
  const hit = s.entries.get(key) as Entry<T> | undefined;
  if (hit && hit.until > now) {
    if (ahead && now - hit.verifiedAt >= ttlMs / 2 && !s.pending.has(key) && !s.scheduled.has(key) && !ahead.inline(hit.value)) {
      s.scheduled.add(key);
      (ahead.schedule ?? ((run) => run()))(() => {
        s.scheduled.delete(key);
        void share(key, ttlMs, ahead.lookup).catch(() => undefined); // a failed re-check leaves the entry to lapse
      });
    }
    return hit.value;
  }
  if (hit) s.entries.delete(key);
  return share(key, ttlMs, lookup);
}

/** One lookup per cookie at a time; what it finds replaces the entry (nothing found removes it). */
function share<T extends { session: { expiresAt: Date } }>(key: string, ttlMs: number, lookup: () => Promise<T | null>): Promise<T | null> {
  const s = state();
  // Callers that arrive while this cookie is being looked up share that lookup: a burst of clicks
  // (measured: 1,000 flows at once, or every flow when the memory runs out) is one database read,
  // not one each queued in front of everything else.
  const running = s.pending.get(key) as Promise<T | null> | undefined;
  if (running) return running;
  const generation = s.generation;
  const startedAt = Date.now();
  const looking = lookup().then((found) => {
    if (s.generation !== generation) return found;
    if (!found) s.entries.delete(key);
    else {
      if (s.entries.size >= MAX_ENTRIES) s.entries.clear();
      // Counted from when the lookup started: the row may have changed while it ran.
      s.entries.set(key, { value: found, verifiedAt: startedAt, until: Math.min(startedAt + ttlMs, found.session.expiresAt.getTime()) });
    }
    return found;
  });
  s.pending.set(key, looking);
  const clear = () => {
    if (s.pending.get(key) === looking) s.pending.delete(key);
  };
  looking.then(clear, clear);
  return looking;
}

/** Forget every remembered session on this instance (something about sessions or users changed). */
export function forgetSessions(): void {
  const s = state();
  s.generation += 1;
  s.entries.clear();
  s.scheduled.clear();
  // A lookup under way may have read the rows before the change: later callers start a new one.
  s.pending.clear();
}
