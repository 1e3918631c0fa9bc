import { describe, expect, it } from 'vitest';
import { checkAuthorizeForm, EMPTY_FORM, type AuthorizeFormValues } from './form-check';
import { formPayload, parseAuthorizeForm } from './form-schema';

const SAMPLE = '5e115eac-1209-4f19-641c-08d6d484e2fe';

/** The server's verdict on what the form would send, as field errors (none when it parses). */
function serverErrors(values: AuthorizeFormValues) {
  const parsed = parseAuthorizeForm(formPayload(values));
  return parsed.ok ? {} : parsed.fieldErrors;
}

// Each field's edge cases: blank, padded, at and past its limit, malformed.
const LOGIN_IDS = ['', '   ', SAMPLE, `  ${SAMPLE.toUpperCase()} `, 'not-a-guid', SAMPLE.slice(1)];
const INSTITUTIONS = ['', '  ', 'FlinksCapital', 'i'.repeat(100), 'i'.repeat(101), ` ${'i'.repeat(100)} `];
const USERNAMES = ['', '  ', 'Greatday', 'u'.repeat(200), 'u'.repeat(201), ` ${'u'.repeat(200)} `];
const PASSWORDS = ['', '  ', 'Everyday', 'p'.repeat(200), 'p'.repeat(201)];
const LANGUAGES = ['en', 'fr', 'de'] as AuthorizeFormValues['language'][];
const TAGS = ['', ' ticket-42 ', 't'.repeat(200), 't'.repeat(201), ` ${'t'.repeat(200)} `];
const REASONS = ['', ' TICKET-7 ', 'r'.repeat(500), 'r'.repeat(501), ` ${'r'.repeat(500)} `];

function* corpus(): Generator<AuthorizeFormValues> {
  for (const loginId of LOGIN_IDS)
    for (const tag of TAGS) {
      yield { ...EMPTY_FORM, loginId, tag };
      for (const reason of REASONS) {
        yield { ...EMPTY_FORM, loginId, tag, reason };
        yield { ...EMPTY_FORM, mode: 'live', loginId, username: 'Greatday', password: 'Everyday', tag, reason };
      }
      for (const institution of INSTITUTIONS)
        for (const username of USERNAMES)
          for (const password of PASSWORDS)
            for (const language of LANGUAGES)
              for (const save of [true, false]) yield { ...EMPTY_FORM, mode: 'live', loginId, institution, username, password, language, save, tag };
    }
}

describe('the browser check of the authorize form', () => {
  it('reports exactly the field errors the server schema reports, for every edge case of every field', () => {
    const disagreements: string[] = [];
    let checked = 0;
    for (const values of corpus()) {
      checked += 1;
      const browser = checkAuthorizeForm(values);
      const server = serverErrors(values);
      if (JSON.stringify(sorted(browser)) !== JSON.stringify(sorted(server))) disagreements.push(`${JSON.stringify(values)}: ${JSON.stringify(browser)} vs ${JSON.stringify(server)}`);
    }
    expect(checked).toBeGreaterThan(30_000);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  it('passes the valid forms through and names the field otherwise', () => {
    expect(checkAuthorizeForm({ ...EMPTY_FORM, loginId: SAMPLE })).toEqual({});
    expect(checkAuthorizeForm({ ...EMPTY_FORM, loginId: 'nope' }).loginId).toMatch(/GUID/);
    expect(Object.keys(checkAuthorizeForm({ ...EMPTY_FORM, mode: 'live' })).sort()).toEqual(['password', 'username']);
    expect(checkAuthorizeForm({ ...EMPTY_FORM, mode: 'live', loginId: SAMPLE })).toEqual({});
  });
});

function sorted(errors: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(errors).sort(([a], [b]) => a.localeCompare(b)));
}
