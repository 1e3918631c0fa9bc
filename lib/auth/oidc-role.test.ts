import { describe, expect, it } from 'vitest';
import { oidcRoleFor, rememberSsoRole, takeSsoRole } from './oidc-role';

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

describe('the role handed from the profile to user creation', () => {
  it('is taken once, by email in any case, and only while fresh', () => {
    rememberSsoRole('QA-1@sso.example', 'qa', 1_000);
    expect(takeSsoRole('qa-1@sso.example', 2_000)).toBe('qa');
    expect(takeSsoRole('qa-1@sso.example', 2_000)).toBeUndefined();
    rememberSsoRole('late@sso.example', null, 1_000);
    expect(takeSsoRole('late@sso.example', 1_000 + 61_000)).toBeUndefined();
    rememberSsoRole('none@sso.example', null, 1_000);
    expect(takeSsoRole('none@sso.example', 1_500)).toBeNull();
  });

  it('is undefined for a creation that is not an SSO sign-in (password users keep the admin-given role)', () => {
    expect(takeSsoRole('someone@example.test')).toBeUndefined();
  });
});
