import { describe, expect, it } from 'vitest';
import type { Environment } from '@/lib/env';
import { PERMISSIONS, permissionsFor, ROLE_PERMISSIONS, ROLES } from './permissions';

/**
 * The role table is policy: these lists are written out rather than derived, so a permission
 * added to a role (or lost by one) fails here and is a decision someone makes on purpose.
 */

const SUPPORT = ['inspection:view', 'inspection:open_cached', 'link:follow', 'statement:download', 'bundle:download', 'account:self'];
const QA = [...SUPPORT, 'inspection:open_live', 'simulator:import'];
const ENVIRONMENTS: Environment[] = ['simulator', 'toolbox', 'production'];
const sorted = (set: ReadonlySet<string>) => [...set].sort();

describe('permissionsFor', () => {
  it.each(['simulator', 'toolbox'] as const)('gives each role exactly its table against %s', (env) => {
    expect(sorted(permissionsFor('support', env))).toEqual([...SUPPORT].sort());
    expect(sorted(permissionsFor('qa', env))).toEqual([...QA].sort());
    expect(sorted(permissionsFor('admin', env))).toEqual([...PERMISSIONS].sort());
    for (const role of ROLES) expect(sorted(permissionsFor(role, env))).toEqual([...ROLE_PERMISSIONS[role]].sort());
  });

  it('takes live mode away from qa against production, and from nobody else who had it', () => {
    expect(permissionsFor('qa', 'production').has('inspection:open_live')).toBe(false);
    expect(sorted(permissionsFor('qa', 'production'))).toEqual([...SUPPORT, 'simulator:import'].sort());
    expect(sorted(permissionsFor('support', 'production'))).toEqual([...SUPPORT].sort());
    expect(sorted(permissionsFor('admin', 'production'))).toEqual([...PERMISSIONS].sort());
  });

  it('keeps the audit trail and user management with admins only', () => {
    for (const env of ENVIRONMENTS) {
      for (const role of ['support', 'qa'] as const) {
        expect(permissionsFor(role, env).has('audit:view')).toBe(false);
        expect(permissionsFor(role, env).has('users:manage')).toBe(false);
        expect(permissionsFor(role, env).has('pii:reveal')).toBe(false);
      }
      expect(permissionsFor('admin', env).has('audit:view')).toBe(true);
    }
  });

  it.each([null, undefined, '', 'ADMIN', 'Admin', 'superuser', 'owner', '__proto__', 'toString', ' admin'])(
    'gives an unknown role (%j) only its own account',
    (role) => {
      for (const env of ENVIRONMENTS) expect(sorted(permissionsFor(role, env))).toEqual(['account:self']);
    },
  );

  it('does not let a caller widen the shared table through the returned set', () => {
    const granted = permissionsFor('support', 'simulator') as Set<string>;
    granted.add('audit:view');
    expect(permissionsFor('support', 'simulator').has('audit:view')).toBe(false);
    expect(ROLE_PERMISSIONS.support).not.toContain('audit:view');
  });
});
