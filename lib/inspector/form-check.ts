/**
 * The authorize form's values and the browser's check of them, without zod: this module ships to the
 * browser, where zod costs ~30 kB gzip and zod/mini ~17 kB (issue 10, target: home page ≤ bare + 25 kB).
 * The server action still parses with the zod schema in form-schema.ts, which reuses the messages and
 * limits below; form-check.test.ts holds the two to the same verdicts, field by field.
 */

/**
 * Flinks LoginIds are GUID-shaped but not always RFC 4122 (the documented sample has variant
 * nibble 6: 5e115eac-1209-4f19-641c-08d6d484e2fe), so accept any 8-4-4-4-12 hex, not z.uuid().
 */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const FORM_LIMITS = { institution: 100, username: 200, password: 200, tag: 200, reason: 500 } as const;

export const FORM_MESSAGES = {
  loginIdMissing: 'Enter a Login ID.',
  loginIdNotGuid: 'A Login ID is a GUID like 5e115eac-1209-4f19-641c-08d6d484e2fe.',
  institutionMissing: 'Enter the institution code, e.g. FlinksCapital.',
  institutionTooLong: `Keep the institution code under ${FORM_LIMITS.institution} characters.`,
  usernameTooLong: `Keep the username under ${FORM_LIMITS.username} characters.`,
  passwordTooLong: `Keep the password under ${FORM_LIMITS.password} characters.`,
  tagTooLong: `Keep the tag under ${FORM_LIMITS.tag} characters.`,
  reasonTooLong: `Keep the reason under ${FORM_LIMITS.reason} characters.`,
  language: 'Choose English or French.',
  usernameMissing: 'Enter a username, or a Login ID for a live refresh.',
  passwordMissing: 'Enter a password, or a Login ID for a live refresh.',
} as const;

/** What the form holds (strings and a boolean); the server's parse yields AuthorizeInput. */
export type AuthorizeFormValues = {
  mode: 'cached' | 'live';
  loginId: string;
  institution: string;
  username: string;
  password: string;
  language: 'en' | 'fr';
  save: boolean;
  tag: string;
  /** Asked only against production (a ticket number); recorded in the audit trail. */
  reason: string;
};
export type AuthorizeField = Exclude<keyof AuthorizeFormValues, 'mode'>;
export type FieldErrors = Partial<Record<AuthorizeField, string>>;

export const EMPTY_FORM: AuthorizeFormValues = {
  mode: 'cached',
  loginId: '',
  institution: 'FlinksCapital',
  username: '',
  password: '',
  language: 'en',
  save: true,
  tag: '',
  reason: '',
};

/** Only the fields of the chosen mode go to the server. */
export function formPayload(values: AuthorizeFormValues): unknown {
  if (values.mode === 'cached') return { mode: 'cached', loginId: values.loginId, tag: values.tag, reason: values.reason };
  const { mode, institution, loginId, username, password, language, save, tag: t, reason: r } = values;
  return { mode, institution, loginId, username, password, language, save, tag: t, reason: r };
}

/** The errors the server's parse would report for these values, one per field; none means send it. */
export function checkAuthorizeForm(values: AuthorizeFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const loginId = values.loginId.trim();
  const tag = values.tag.trim();
  if (tag.length > FORM_LIMITS.tag) errors.tag = FORM_MESSAGES.tagTooLong;
  if (values.reason.trim().length > FORM_LIMITS.reason) errors.reason = FORM_MESSAGES.reasonTooLong;

  if (values.mode === 'cached') {
    if (!loginId) errors.loginId = FORM_MESSAGES.loginIdMissing;
    else if (!GUID_PATTERN.test(loginId)) errors.loginId = FORM_MESSAGES.loginIdNotGuid;
    return errors;
  }

  const institution = values.institution.trim();
  const username = values.username.trim();
  if (!institution) errors.institution = FORM_MESSAGES.institutionMissing;
  else if (institution.length > FORM_LIMITS.institution) errors.institution = FORM_MESSAGES.institutionTooLong;
  if (loginId && !GUID_PATTERN.test(loginId)) errors.loginId = FORM_MESSAGES.loginIdNotGuid;
  if (username.length > FORM_LIMITS.username) errors.username = FORM_MESSAGES.usernameTooLong;
  if (values.password.length > FORM_LIMITS.password) errors.password = FORM_MESSAGES.passwordTooLong;
  if (values.language !== 'en' && values.language !== 'fr') {
    // zod stops before the cross-field rule when a value has the wrong type or option.
    errors.language = FORM_MESSAGES.language;
    return errors;
  }
  // A Login ID (even a malformed one, already reported) replaces the credentials; the password is not trimmed.
  if (!loginId) {
    if (!username) errors.username = FORM_MESSAGES.usernameMissing;
    if (!values.password) errors.password = FORM_MESSAGES.passwordMissing;
  }
  return errors;
}
