import { describe, expect, it } from 'vitest';
import { oidcRoleFor } from './oidc-role';

const claim = { roleClaim: 'groups', defaultRole: 'support' as const };

describe('oidcRoleFor', () => {
  it('takes the role a string claim names', () => {
    expect(oidcRoleFor({ groups: 'qa' }, claim)).toBe('qa');
    expect(oidcRoleFor({ groups: 'admin' }, claim)).toBe('admin');
  });

  it('takes the most powerful role an array claim lists, whatever the order', () => {
    expect(oidcRoleFor({ groups: ['engineering', 'support', 'admin'] }, claim)).toBe('admin');
    expect(oidcRoleFor({ groups: ['support', 'qa'] }, claim)).toBe('qa');
    expect(oidcRoleFor({ groups: ['everyone', 'support'] }, claim)).toBe('support');
  });

  it('falls back to the default when the claim names none of our roles', () => {
    for (const groups of [['engineering'], [], 'Admin', 'ADMIN', '', null, 42, { admin: true }, ['admin-team']]) {
      expect(oidcRoleFor({ groups }, claim)).toBe('support');
    }
  });

  it('falls back to the default when the claim is missing or not configured', () => {
    expect(oidcRoleFor({ email: 'a@example.test' }, claim)).toBe('support');
    expect(oidcRoleFor({ groups: 'admin' }, { roleClaim: null, defaultRole: 'support' })).toBe('support');
    // Only the profile's own fields count, not what every object inherits.
    expect(oidcRoleFor({}, { roleClaim: 'constructor', defaultRole: null })).toBeNull();
  });

  it('gives no role when there is no default (the user signs in and sees what they lack)', () => {
    expect(oidcRoleFor({ groups: ['engineering'] }, { roleClaim: 'groups', defaultRole: null })).toBeNull();
    expect(oidcRoleFor({}, { roleClaim: null, defaultRole: null })).toBeNull();
  });
});
