import { z } from 'zod';
import { ROLES } from './permissions';

/** Inputs of the staff-account actions (plain module: 'use server' files export only functions). */
export const emailSchema = z.email({ error: 'Enter an email address.' }).trim().toLowerCase().max(254);
export const passwordSchema = z.string({ error: 'Enter a password.' }).min(12, 'Use at least 12 characters.').max(128, 'Use at most 128 characters.');
export const nameSchema = z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(100);
export const roleSchema = z.enum(ROLES, { error: 'Choose support, qa or admin.' });

export const setupInputSchema = z.object({ token: z.string().min(10).max(200), email: emailSchema, name: nameSchema, password: passwordSchema });
export const createUserInputSchema = z.object({ email: emailSchema, name: nameSchema, role: roleSchema, password: passwordSchema });
export const userIdInputSchema = z.object({ userId: z.string().min(1).max(100) });
export const setRoleInputSchema = userIdInputSchema.extend({ role: roleSchema });
export const resetPasswordInputSchema = userIdInputSchema.extend({ password: passwordSchema });
export const changePasswordInputSchema = z.object({ currentPassword: z.string().min(1, 'Enter your current password.').max(128), newPassword: passwordSchema });

export type FieldErrors = Partial<Record<string, string>>;
export type FormResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors: FieldErrors };

/** zod issues → one message per field, for aria-describedby. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? 'form');
    out[key] ??= issue.message;
  }
  return out;
}
