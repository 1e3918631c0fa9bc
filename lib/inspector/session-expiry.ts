import { REQUEST_ID_IDLE_MS } from '@/lib/flinks/lifetimes';

/**
 * A RequestId dies after 8 minutes without activity (docs/flinks-api.md D3, §9). The page counts
 * down from the inspection's lastActivityAt; Flinks has the last word, so a SESSION_NONEXISTENT (or
 * SESSION_EXPIRED) answer marks the session expired even when our clock says otherwise.
 */

export const EXPIRED_CODES: readonly string[] = ['SESSION_NONEXISTENT', 'SESSION_EXPIRED'];

export type ExpiryInput = {
  requestId: string | null;
  lastActivityAt: Date | string | null;
  /** FlinksCode of the latest step, if any. */
  lastFlinksCode: string | null;
  now: Date;
};

export type Expiry =
  | { state: 'none' }
  | { state: 'active'; expiresAt: Date; remainingMs: number }
  | { state: 'expired'; expiresAt: Date | null; reason: 'clock' | 'flinks' };

export function isExpiredCode(code: string | null | undefined): boolean {
  return code != null && EXPIRED_CODES.includes(code);
}

export function computeExpiry({ requestId, lastActivityAt, lastFlinksCode, now }: ExpiryInput): Expiry {
  const last = lastActivityAt === null ? null : new Date(lastActivityAt);
  const expiresAt = last && !Number.isNaN(last.getTime()) ? new Date(last.getTime() + REQUEST_ID_IDLE_MS) : null;
  if (isExpiredCode(lastFlinksCode)) return { state: 'expired', expiresAt, reason: 'flinks' };
  if (!requestId || !expiresAt) return { state: 'none' };
  const remainingMs = expiresAt.getTime() - now.getTime();
  if (remainingMs <= 0) return { state: 'expired', expiresAt, reason: 'clock' };
  return { state: 'active', expiresAt, remainingMs };
}

/** 7:05 — minutes and seconds, rounded up so 0:00 only shows once it has lapsed. */
export function formatCountdown(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return `${m}:${String(s).padStart(2, '0')}`;
}

/**
 * The status History shows. An authorized session whose RequestId has been idle for 8 minutes can no
 * longer be used, so it reads "expired" even before anything records it (the store's own status wins
 * once it has an `expired` value of its own).
 */
export function displayStatus(i: { status: string; requestId: string | null; lastActivityAt: Date | string | null; flinksCode?: string | null }, now: Date): string {
  if (i.status !== 'authorized') return i.status;
  const e = computeExpiry({ requestId: i.requestId, lastActivityAt: i.lastActivityAt, lastFlinksCode: i.flinksCode ?? null, now });
  return e.state === 'expired' ? 'expired' : i.status;
}
