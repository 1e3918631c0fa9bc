import { z } from 'zod';

/**
 * The authorize form's input, validated in the browser and again in the server action (one schema,
 * discriminated on the mode). Plain module: a 'use server' file may export only async functions.
 */

/**
 * Flinks LoginIds are GUID-shaped but not always RFC 4122 (the documented sample has variant
 * nibble 6: 5e115eac-1209-4f19-641c-08d6d484e2fe), so accept any 8-4-4-4-12 hex, not z.uuid().
 */
export const GUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Text that is stored (history columns) must not hold U+0000: PostgreSQL text rejects it, and the
 * insert would fail as a 500 instead of a field error.
 */
export const NO_NUL = [(v: string) => !v.includes('\u0000'), 'Remove the invisible control character (U+0000).'] as const;

const guid = z
  .string()
  .trim()
  .min(1, 'Enter a Login ID.')
  .regex(GUID_PATTERN, 'A Login ID is a GUID like 5e115eac-1209-4f19-641c-08d6d484e2fe.');

const tag = z
  .string()
  .trim()
  .max(200, 'Keep the tag under 200 characters.')
  .refine(...NO_NUL)
  .optional()
  .transform((v) => (v ? v : undefined));

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const cachedFormSchema = z.object({
  mode: z.literal('cached'),
  loginId: guid,
  tag,
});

export const liveFormSchema = z
  .object({
    mode: z.literal('live'),
    institution: z.string().trim().min(1, 'Enter the institution code, e.g. FlinksCapital.').max(100).refine(...NO_NUL),
    /** A live refresh of a saved login: LoginId instead of credentials. */
    loginId: optionalText.pipe(z.string().regex(GUID_PATTERN, 'A Login ID is a GUID like 5e115eac-1209-4f19-641c-08d6d484e2fe.').optional()),
    username: optionalText.pipe(z.string().max(200).refine(...NO_NUL).optional()),
    password: z.string().max(200).optional().transform((v) => (v ? v : undefined)),
    language: z.enum(['en', 'fr'], { error: 'Choose English or French.' }),
    save: z.boolean(),
    tag,
  })
  .superRefine((v, ctx) => {
    if (v.loginId) return;
    if (!v.username) ctx.addIssue({ code: 'custom', path: ['username'], message: 'Enter a username, or a Login ID for a live refresh.' });
    if (!v.password) ctx.addIssue({ code: 'custom', path: ['password'], message: 'Enter a password, or a Login ID for a live refresh.' });
  });

export const authorizeFormSchema = z.discriminatedUnion('mode', [cachedFormSchema, liveFormSchema]);

/** What the form holds (strings and a boolean); parsing yields AuthorizeInput. */
export type AuthorizeFormValues = {
  mode: 'cached' | 'live';
  loginId: string;
  institution: string;
  username: string;
  password: string;
  language: 'en' | 'fr';
  save: boolean;
  tag: string;
};
export type AuthorizeInput = z.output<typeof authorizeFormSchema>;
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
};

/** Only the fields of the chosen mode go to the server. */
export function formPayload(values: AuthorizeFormValues): unknown {
  if (values.mode === 'cached') return { mode: 'cached', loginId: values.loginId, tag: values.tag };
  const { mode, institution, loginId, username, password, language, save, tag: t } = values;
  return { mode, institution, loginId, username, password, language, save, tag: t };
}

export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path[0];
    if (typeof key === 'string' && key !== 'mode' && !(key in out)) out[key as AuthorizeField] = issue.message;
  }
  return out;
}

export type ParsedForm = { ok: true; input: AuthorizeInput } | { ok: false; fieldErrors: FieldErrors };

export function parseAuthorizeForm(payload: unknown): ParsedForm {
  const parsed = authorizeFormSchema.safeParse(payload);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
}
