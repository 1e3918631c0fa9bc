import { z } from 'zod';
import { FORM_LIMITS, FORM_MESSAGES, GUID_PATTERN, type AuthorizeField, type FieldErrors } from './form-check';

/**
 * The authorize form's input as the server action parses it (one schema, discriminated on the mode).
 * Plain module: a 'use server' file may export only async functions. Server side only: the browser
 * checks the same rules with form-check.ts, which keeps zod out of its bundle (issue 10).
 */

export { EMPTY_FORM, formPayload, GUID_PATTERN, type AuthorizeField, type AuthorizeFormValues, type FieldErrors } from './form-check';

/**
 * Text that is stored (history columns) must not hold U+0000: PostgreSQL text rejects it, and the
 * insert would fail as a 500 instead of a field error.
 */
export const NO_NUL = [(v: string) => !v.includes('\u0000'), 'Remove the invisible control character (U+0000).'] as const;

const guid = z
  .string()
  .trim()
  .min(1, FORM_MESSAGES.loginIdMissing)
  .regex(GUID_PATTERN, FORM_MESSAGES.loginIdNotGuid);

const tag = z
  .string()
  .trim()
  .max(FORM_LIMITS.tag, FORM_MESSAGES.tagTooLong)
  .refine(...NO_NUL)
  .optional()
  .transform((v) => (v ? v : undefined));

/** Why someone opens a session against production (a ticket number); kept in the audit trail. */
const reason = z
  .string()
  .trim()
  .max(FORM_LIMITS.reason, FORM_MESSAGES.reasonTooLong)
  .transform((v) => (v ? v : undefined))
  .optional();

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

export const cachedFormSchema = z.object({
  mode: z.literal('cached'),
  loginId: guid,
  tag,
  reason,
});

export const liveFormSchema = z
  .object({
    mode: z.literal('live'),
    institution: z.string().trim().min(1, FORM_MESSAGES.institutionMissing).max(FORM_LIMITS.institution, FORM_MESSAGES.institutionTooLong).refine(...NO_NUL),
    /** A live refresh of a saved login: LoginId instead of credentials. */
    loginId: optionalText.pipe(z.string().regex(GUID_PATTERN, FORM_MESSAGES.loginIdNotGuid).optional()),
    username: optionalText.pipe(z.string().max(FORM_LIMITS.username, FORM_MESSAGES.usernameTooLong).refine(...NO_NUL).optional()),
    password: z.string().max(FORM_LIMITS.password, FORM_MESSAGES.passwordTooLong).optional().transform((v) => (v ? v : undefined)),
    language: z.enum(['en', 'fr'], { error: FORM_MESSAGES.language }),
    save: z.boolean(),
    tag,
    reason,
  })
  .superRefine((v, ctx) => {
    if (v.loginId) return;
    if (!v.username) ctx.addIssue({ code: 'custom', path: ['username'], message: FORM_MESSAGES.usernameMissing });
    if (!v.password) ctx.addIssue({ code: 'custom', path: ['password'], message: FORM_MESSAGES.passwordMissing });
  });

export const authorizeFormSchema = z.discriminatedUnion('mode', [cachedFormSchema, liveFormSchema]);

export type AuthorizeInput = z.output<typeof authorizeFormSchema>;

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
