import { describe, expect, it } from 'vitest';
import { authErrorCode, authErrorMessage, failureOutcome, lastSignInLabel, selfChangeRefusal, userStatus } from './user-admin-rules';

describe('userStatus', () => {
  const now = new Date('2026-03-01T12:00:00Z');
  it('is active when not banned', () => {
    expect(userStatus({ banned: false, banExpires: null }, now)).toBe('active');
    expect(userStatus({ banned: null, banExpires: null }, now)).toBe('active');
  });
  it('is deactivated by a ban without expiry', () => {
    expect(userStatus({ banned: true, banExpires: null }, now)).toBe('deactivated');
  });
  it('follows an expiry: still in force, or over', () => {
    expect(userStatus({ banned: true, banExpires: new Date('2026-03-02T00:00:00Z') }, now)).toBe('deactivated');
    expect(userStatus({ banned: true, banExpires: new Date('2026-02-28T00:00:00Z') }, now)).toBe('active');
  });
});

describe('lastSignInLabel', () => {
  it('says never without a date', () => {
    expect(lastSignInLabel(null)).toBe('never');
    expect(lastSignInLabel(new Date('nonsense'))).toBe('never');
  });
  it('prints UTC to the minute', () => {
    expect(lastSignInLabel(new Date('2026-03-01T09:05:59.123Z'))).toBe('2026-03-01 09:05 UTC');
  });
});

describe('selfChangeRefusal', () => {
  it('lets an admin change anyone else', () => {
    expect(selfChangeRefusal('a', 'b', { kind: 'deactivate' })).toBeNull();
    expect(selfChangeRefusal('a', 'b', { kind: 'set_role', role: 'support' })).toBeNull();
    expect(selfChangeRefusal('a', 'b', { kind: 'reset_password' })).toBeNull();
  });
  it('refuses deactivating or demoting oneself, so an admin always remains', () => {
    expect(selfChangeRefusal('a', 'a', { kind: 'deactivate' })).toMatch(/cannot deactivate your own account/);
    expect(selfChangeRefusal('a', 'a', { kind: 'set_role', role: 'qa' })).toMatch(/cannot remove your own admin role/);
    expect(selfChangeRefusal('a', 'a', { kind: 'set_role', role: 'support' })).toMatch(/must keep an administrator/);
  });
  it('allows "changing" one’s own role to admin (a no-op)', () => {
    expect(selfChangeRefusal('a', 'a', { kind: 'set_role', role: 'admin' })).toBeNull();
  });
  it('sends one’s own password change to the account page', () => {
    expect(selfChangeRefusal('a', 'a', { kind: 'reset_password' })).toMatch(/account page/);
  });
});

describe('authErrorMessage / authErrorCode', () => {
  const apiError = { status: 'BAD_REQUEST', body: { code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', message: 'User already exists. Use another email.' } };
  it('uses the message Better Auth meant for people', () => {
    expect(authErrorMessage(apiError, 'fallback')).toBe('User already exists. Use another email.');
    expect(authErrorMessage({ body: { message: 'Invalid password' } }, 'fallback')).toBe('Invalid password.');
    expect(authErrorCode(apiError)).toBe('USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL');
  });
  it('never shows other errors’ internals', () => {
    expect(authErrorMessage(new Error('duplicate key value violates unique constraint "staff_users_email_unique"'), 'Could not create.')).toBe('Could not create.');
    expect(authErrorMessage({ body: { message: '  ' } }, 'fallback')).toBe('fallback');
    expect(authErrorMessage(null, 'fallback')).toBe('fallback');
    expect(authErrorCode(new Error('x'))).toBeNull();
  });
});

describe('failureOutcome', () => {
  it('tells a refusal from a failure', () => {
    expect(failureOutcome({ body: { code: 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL', message: 'x' } })).toBe('denied');
    expect(failureOutcome(new Error('connection reset'))).toBe('error');
  });
});
