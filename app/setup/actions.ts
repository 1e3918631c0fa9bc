'use server';

import { claimFirstAdmin } from '@/lib/auth/first-admin';
import { fieldErrorsOf, setupInputSchema, type FormResult } from '@/lib/auth/user-schemas';

/*
 * Public by design, like the setup page: nobody is signed in before the first admin exists. The
 * one-time token printed on the server's console is the credential; it is checked and spent first.
 */
export async function claimFirstAdminAction(payload: unknown): Promise<FormResult> {
  const parsed = setupInputSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: 'Fix the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) };
  const result = await claimFirstAdmin(parsed.data.token, parsed.data);
  if (!result.ok) return { ok: false, message: result.message, fieldErrors: {} };
  return { ok: true, message: 'The administrator account exists. Sign in with it.' };
}
