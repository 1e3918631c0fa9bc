import type { Role } from './permissions';

/**
 * Pure rules of the Users page (no database, no Better Auth), so they are unit-tested and the
 * server actions stay thin.
 */

export type UserStatus = 'active' | 'deactivated';

/** Deactivated = a Better Auth ban still in force (ours never expire; an expired one no longer blocks sign-in). */
export function userStatus(u: { banned: boolean | null; banExpires: Date | null }, now: Date = new Date()): UserStatus {
  if (!u.banned) return 'active';
  return u.banExpires && u.banExpires.getTime() <= now.getTime() ? 'active' : 'deactivated';
}

/** "never" for someone who has not signed in yet; UTC otherwise, the same text on server and client. */
export function lastSignInLabel(at: Date | null): string {
  if (!at || Number.isNaN(at.getTime())) return 'never';
  const iso = at.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export type SelfChange = { kind: 'deactivate' } | { kind: 'set_role'; role: Role } | { kind: 'reset_password' };

/**
 * What an admin may not do to their own account from the Users page, and why. Refusing
 * self-deactivation and self-demotion means whoever is using the page stays an active admin, so
 * the installation always keeps one. A reset of one's own password belongs on /account, where the
 * current password is asked for.
 */
export function selfChangeRefusal(viewerId: string, targetId: string, change: SelfChange): string | null {
  if (viewerId !== targetId) return null;
  switch (change.kind) {
    case 'deactivate':
      return 'You cannot deactivate your own account. Ask another administrator.';
    case 'set_role':
      return change.role === 'admin' ? null : 'You cannot remove your own admin role: the installation must keep an administrator. Ask another administrator.';
    case 'reset_password':
      return 'Change your own password on your account page, with your current password.';
  }
}

/**
 * A readable message from whatever Better Auth threw. Its APIError carries the user-facing text in
 * body.message; anything else (a database error, say) gets the fallback, never its internals.
 */
export function authErrorMessage(err: unknown, fallback: string): string {
  if (err && typeof err === 'object' && 'body' in err) {
    const body = (err as { body?: unknown }).body;
    if (body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string') {
      const message = (body as { message: string }).message.trim();
      if (message) return message.endsWith('.') ? message : `${message}.`;
    }
  }
  return fallback;
}

/** Better Auth's refusal codes we turn into a field error rather than a banner. */
export function authErrorCode(err: unknown): string | null {
  if (err && typeof err === 'object' && 'body' in err) {
    const code = (err as { body?: { code?: unknown } }).body?.code;
    return typeof code === 'string' ? code : null;
  }
  return null;
}

/** The audit outcome of a failed call: Better Auth refusing (it names a code) is "denied", anything else "error". */
export function failureOutcome(err: unknown): 'denied' | 'error' {
  return authErrorCode(err) ? 'denied' : 'error';
}
