import { isRole, type Role } from './permissions';

type OidcRoleConfig = { roleClaim: string | null; defaultRole: Role | null };

/**
 * The role a new single-sign-on user starts with: the configured claim when it names one of our
 * roles (a string, or an array such as `groups` where the most powerful listed role wins), else the
 * configured default ("new SSO users start as support"), else none (they can sign in, and see a 403
 * naming what they lack until an admin gives them a role).
 */
export function oidcRoleFor(profile: Record<string, unknown>, config: OidcRoleConfig): Role | null {
  if (config.roleClaim && Object.hasOwn(profile, config.roleClaim)) {
    const claim = profile[config.roleClaim];
    const values = Array.isArray(claim) ? claim : [claim];
    for (const role of ['admin', 'qa', 'support'] as const) if (values.includes(role)) return role;
    if (values.some(isRole)) return values.find(isRole) ?? null;
  }
  return config.defaultRole;
}

/**
 * Better Auth drops fields marked `input: false` (the admin plugin's `role`) from what a provider's
 * profile maps to, so the role decided from the claims waits here, keyed by email, for the user
 * creation hook that runs in the same callback request (lib/auth/auth.ts). Entries are short-lived.
 */
const pending = new Map<string, { role: Role | null; until: number }>();

export function rememberSsoRole(email: string, role: Role | null, now = Date.now()): void {
  for (const [k, v] of pending) if (v.until < now) pending.delete(k);
  pending.set(email.toLowerCase(), { role, until: now + 60_000 });
}

/** The role remembered for a new SSO user, once; undefined when this creation is not an SSO sign-in. */
export function takeSsoRole(email: string, now = Date.now()): Role | null | undefined {
  const key = email.toLowerCase();
  const entry = pending.get(key);
  pending.delete(key);
  return entry && entry.until >= now ? entry.role : undefined;
}
