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
