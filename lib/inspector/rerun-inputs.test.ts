import { describe, expect, it } from 'vitest';
import type { Inspection } from '@/lib/store/types';
import { PASSWORD_AGAIN, rerunAuthorizeInput, rerunInputsOf } from './reopen-session';

const base: Inspection = {
  id: '11111111-1111-4111-8111-111111111111',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  lastActivityAt: null,
  mode: 'cached',
  environment: 'simulator',
  institution: null,
  username: null,
  loginId: '5e115eac-1209-4f19-641c-08d6d484e2fe',
  requestId: null,
  tag: 'ticket-7',
  language: null,
  status: 'failed',
  flinksCode: 'INVALID_LOGIN',
  statusReason: null,
  parentId: null,
  openedById: null,
  openedByEmail: null,
};
const extra = { personaHint: null, askReason: false };

describe('Run again inputs', () => {
  it('cached: the same Login ID and tag, no password', () => {
    const inputs = rerunInputsOf(base, [], extra)!;
    expect(inputs).toMatchObject({ mode: 'cached', loginId: base.loginId, tag: 'ticket-7', needsPassword: false });
    expect(rerunAuthorizeInput(inputs, {})).toEqual({ ok: true, input: { mode: 'cached', loginId: base.loginId, tag: 'ticket-7' } });
    expect(rerunInputsOf({ ...base, loginId: null }, [], extra)).toBeNull();
  });

  it('live with credentials: institution, username, language, tag and Save as recorded; the password typed again', () => {
    const live: Inspection = { ...base, mode: 'live', institution: 'FlinksCapital', username: 'Greatday', language: 'fr', loginId: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee' };
    const steps = [
      { endpoint: 'GenerateAuthorizeToken', request: { headers: {}, body: null } },
      { endpoint: 'Authorize', request: { headers: {}, body: { Username: 'Greatday', Password: '$PASSWORD', Save: false } } },
    ];
    const inputs = rerunInputsOf(live, steps, { personaHint: 'Greatday: MFA…', askReason: false })!;
    expect(inputs).toMatchObject({ mode: 'live', institution: 'FlinksCapital', username: 'Greatday', language: 'fr', save: false, loginId: null, needsPassword: true, personaHint: 'Greatday: MFA…' });
    expect(rerunAuthorizeInput(inputs, {})).toEqual({ ok: false, fieldErrors: { password: PASSWORD_AGAIN } });
    expect(rerunAuthorizeInput(inputs, { password: 'Everyday' })).toEqual({
      ok: true,
      input: { mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday', language: 'fr', save: false, tag: 'ticket-7' },
    });
  });

  it('live refresh of a saved Login ID: no password, the Login ID again', () => {
    const refresh: Inspection = { ...base, mode: 'live', institution: 'FlinksCapital', language: 'en' };
    const inputs = rerunInputsOf(refresh, [], extra)!;
    expect(inputs).toMatchObject({ needsPassword: false, loginId: base.loginId, save: true });
    const parsed = rerunAuthorizeInput(inputs, {});
    expect(parsed.ok && parsed.input).toMatchObject({ mode: 'live', loginId: base.loginId });
    expect(parsed.ok && 'password' in parsed.input && parsed.input.password).toBeFalsy();
  });
});
