import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formPayload, parseAuthorizeForm } from './form-schema';
import { authorizeBodyFor } from './start-inspection';

const SAMPLE = '5e115eac-1209-4f19-641c-08d6d484e2fe';

describe('authorize form schema', () => {
  it('accepts the documented sample LoginId although it is not an RFC 4122 UUID', () => {
    const parsed = parseAuthorizeForm({ mode: 'cached', loginId: SAMPLE, tag: '' });
    expect(parsed).toEqual({ ok: true, input: { mode: 'cached', loginId: SAMPLE, tag: undefined } });
  });

  it('trims the Login ID and accepts upper case', () => {
    const parsed = parseAuthorizeForm({ mode: 'cached', loginId: `  ${SAMPLE.toUpperCase()} ` });
    expect(parsed.ok && parsed.input.mode === 'cached' && parsed.input.loginId).toBe(SAMPLE.toUpperCase());
  });

  it.each(['', 'not-a-guid', '5e115eac-1209-4f19-641c-08d6d484e2f', '5e115eac12094f19641c08d6d484e2fe', 'g5115eac-1209-4f19-641c-08d6d484e2fe'])(
    'rejects %j as a Login ID with a field error',
    (loginId) => {
      const parsed = parseAuthorizeForm({ mode: 'cached', loginId });
      expect(parsed.ok).toBe(false);
      expect(!parsed.ok && parsed.fieldErrors.loginId).toBeTruthy();
    },
  );

  it('requires credentials in live mode unless a LoginId is given', () => {
    const base = { ...EMPTY_FORM, mode: 'live' as const };
    const none = parseAuthorizeForm(formPayload(base));
    expect(!none.ok && Object.keys(none.fieldErrors).sort()).toEqual(['password', 'username']);
    expect(parseAuthorizeForm(formPayload({ ...base, username: 'Greatday', password: 'Everyday' })).ok).toBe(true);
    expect(parseAuthorizeForm(formPayload({ ...base, loginId: SAMPLE })).ok).toBe(true);
    const badId = parseAuthorizeForm(formPayload({ ...base, loginId: 'nope' }));
    expect(!badId.ok && badId.fieldErrors.loginId).toBeTruthy();
  });

  it('discriminates on the mode: cached fields only for cached, and unknown modes fail', () => {
    expect(formPayload({ ...EMPTY_FORM, loginId: SAMPLE, username: 'ignored' })).toEqual({ mode: 'cached', loginId: SAMPLE, tag: '', reason: '' });
    expect(parseAuthorizeForm({ mode: 'both', loginId: SAMPLE }).ok).toBe(false);
    expect(parseAuthorizeForm({ mode: 'live', institution: 'FlinksCapital', username: 'a', password: 'b', language: 'de', save: true }).ok).toBe(false);
    expect(parseAuthorizeForm({ mode: 'live', institution: '', username: 'a', password: 'b', language: 'en', save: true }).ok).toBe(false);
  });
});

describe('authorizeBodyFor', () => {
  it('sends LoginId with MostRecentCached true in cached mode', () => {
    const p = parseAuthorizeForm({ mode: 'cached', loginId: SAMPLE, tag: 'ticket-42' });
    expect(p.ok && authorizeBodyFor(p.input)).toEqual({ LoginId: SAMPLE, MostRecentCached: true, Tag: 'ticket-42' });
  });

  it('sends credentials with MostRecentCached false in live mode', () => {
    const p = parseAuthorizeForm({ ...EMPTY_FORM, mode: 'live', username: 'Greatday', password: 'Everyday', language: 'fr', save: false });
    expect(p.ok && authorizeBodyFor(p.input)).toEqual({
      Institution: 'FlinksCapital', Username: 'Greatday', Password: 'Everyday', MostRecentCached: false, Save: false, Language: 'fr',
    });
  });

  it('sends a LoginId with MostRecentCached false for a live refresh', () => {
    const p = parseAuthorizeForm({ ...EMPTY_FORM, mode: 'live', loginId: SAMPLE, username: 'x', password: 'y' });
    expect(p.ok && authorizeBodyFor(p.input)).toEqual({ LoginId: SAMPLE, MostRecentCached: false, Save: true, Language: 'en' });
  });
});
