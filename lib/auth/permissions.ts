import type { Environment } from '@/lib/env';

/**
 * The one role → permission table. Code asks for permissions, never for role names, so a new role
 * is a new row here. The environment narrows it: against production, live mode (typing a real
 * customer's bank credentials) stays with admins.
 */

export const ROLES = ['support', 'qa', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'inspection:view', // session pages, history
  'inspection:open_cached',
  'inspection:open_live',
  'link:follow',
  'statement:download',
  'bundle:download',
  'pii:reveal',
  'inspection:act_for_others', // answer MFA, reopen, reveal on someone else's inspection
  'users:manage',
  'audit:view',
  'account:self',
  'simulator:import', // replay a support bundle in the embedded simulator (a QA and engineering tool)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const SUPPORT: readonly Permission[] = [
  'inspection:view',
  'inspection:open_cached',
  'link:follow',
  'statement:download',
  'bundle:download',
  'account:self',
];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  support: SUPPORT,
  qa: [...SUPPORT, 'inspection:open_live', 'simulator:import'],
  admin: PERMISSIONS,
};

/** What a role may do in an environment. Without a role, only one's own account (to sign out, change a password). */
export function permissionsFor(role: string | null | undefined, environment: Environment): ReadonlySet<Permission> {
  if (!isRole(role)) return new Set(['account:self']);
  const granted = new Set(ROLE_PERMISSIONS[role]);
  if (environment === 'production' && role !== 'admin') granted.delete('inspection:open_live');
  return granted;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Opening anything against production asks for a reason (a ticket number), recorded in the audit trail. */
export function reasonRequired(environment: Environment): boolean {
  return environment === 'production';
}

/** Words for a 403 page: what the missing permission lets someone do. */
export const PERMISSION_LABELS: Readonly<Record<Permission, string>> = {
  'inspection:view': 'view sessions and history',
  'inspection:open_cached': 'open sessions in cached mode',
  'inspection:open_live': 'open sessions in live mode',
  'link:follow': 'follow the Links of a session',
  'statement:download': 'download statements',
  'bundle:download': 'download support bundles',
  'pii:reveal': 'reveal the account holder’s details',
  'inspection:act_for_others': 'act on sessions other people opened',
  'users:manage': 'manage staff users',
  'audit:view': 'read the audit trail',
  'account:self': 'manage your own account',
  'simulator:import': 'import support bundles into the simulator',
};
