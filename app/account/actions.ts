'use server';

import { headers } from 'next/headers';
import { recordAudit } from '@/lib/audit/record';
import { getAuth } from '@/lib/auth/auth';
import { authErrorCode, authErrorMessage } from '@/lib/auth/user-admin-rules';
import { changePasswordInputSchema, fieldErrorsOf, type FormResult } from '@/lib/auth/user-schemas';
import { actorOf, currentRequestMeta, requireViewer } from '@/lib/auth/viewer';

/**
 * One's own password: Better Auth checks the current one and ends every other session (this
 * browser gets a fresh one through nextCookies). Recorded as user.password_reset with via=self, the
 * vocabulary's one password event; neither password goes anywhere but Better Auth.
 */
export async function changePasswordAction(payload: unknown): Promise<FormResult> {
  const viewer = await requireViewer('account:self');
  const parsed = changePasswordInputSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: 'Fix the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) };
  const { currentPassword, newPassword } = parsed.data;
  if (currentPassword === newPassword) return { ok: false, message: 'Fix the highlighted fields.', fieldErrors: { newPassword: 'Choose a password different from the current one.' } };
  const event = { action: 'user.password_reset' as const, actor: actorOf(viewer), target: { type: 'user' as const, id: viewer.id }, environment: viewer.environment };
  try {
    await (await getAuth()).api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: await headers() });
  } catch (err) {
    const code = authErrorCode(err);
    await recordAudit({ ...event, outcome: 'denied', request: await currentRequestMeta(), metadata: { via: 'self', reason: code ?? 'error' } });
    if (code === 'INVALID_PASSWORD') return { ok: false, message: 'Fix the highlighted fields.', fieldErrors: { currentPassword: 'This is not your current password.' } };
    if (code === 'CREDENTIAL_ACCOUNT_NOT_FOUND') return { ok: false, message: 'Your account signs in through single sign-on: change your password there.', fieldErrors: {} };
    return { ok: false, message: authErrorMessage(err, 'Your password could not be changed. Try again.'), fieldErrors: {} };
  }
  await recordAudit({ ...event, outcome: 'permitted', request: await currentRequestMeta(), metadata: { via: 'self', otherSessionsRevoked: true } });
  return { ok: true, message: 'Your password is changed. Your other sessions were signed out.' };
}
