'use server';

import { headers } from 'next/headers';
import { recordAudit } from '@/lib/audit/record';
import { getAuth } from '@/lib/auth/auth';
import { authErrorCode, authErrorMessage } from '@/lib/auth/user-admin-rules';
import { changePasswordInputSchema, fieldErrorsOf, type FormResult } from '@/lib/auth/user-schemas';
import { actorOf, currentRequestMeta, requireViewer } from '@/lib/auth/viewer';

/**
 * One's own password: Better Auth checks the current one, then every other session ends. Not
 * changePassword's revokeOtherSessions: that swaps this session for a new one, which restarts the
 * absolute session limit (getViewer counts from createdAt) and, because the new cookie is set
 * mid-action, re-renders the page with the old, now-deleted session (layout signed out, the form's
 * confirmation lost). Recorded as user.password_reset with via=self, the vocabulary's one password
 * event; neither password goes anywhere but Better Auth.
 */
export async function changePasswordAction(payload: unknown): Promise<FormResult> {
  const viewer = await requireViewer('account:self');
  const parsed = changePasswordInputSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: 'Fix the highlighted fields.', fieldErrors: fieldErrorsOf(parsed.error) };
  const { currentPassword, newPassword } = parsed.data;
  if (currentPassword === newPassword) return { ok: false, message: 'Fix the highlighted fields.', fieldErrors: { newPassword: 'Choose a password different from the current one.' } };
  const event = { action: 'user.password_reset' as const, actor: actorOf(viewer), target: { type: 'user' as const, id: viewer.id }, environment: viewer.environment };
  const auth = await getAuth();
  const h = await headers();
  try {
    await auth.api.changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: false }, headers: h });
  } catch (err) {
    const code = authErrorCode(err);
    await recordAudit({ ...event, outcome: 'denied', request: await currentRequestMeta(), metadata: { via: 'self', reason: code ?? 'error' } });
    if (code === 'INVALID_PASSWORD') return { ok: false, message: 'Fix the highlighted fields.', fieldErrors: { currentPassword: 'This is not your current password.' } };
    if (code === 'CREDENTIAL_ACCOUNT_NOT_FOUND') return { ok: false, message: 'Your account signs in through single sign-on: change your password there.', fieldErrors: {} };
    return { ok: false, message: authErrorMessage(err, 'Your password could not be changed. Try again.'), fieldErrors: {} };
  }
  const otherSessionsRevoked = await auth.api.revokeOtherSessions({ headers: h }).then(
    () => true,
    () => false,
  );
  await recordAudit({ ...event, outcome: 'permitted', request: await currentRequestMeta(), metadata: { via: 'self', otherSessionsRevoked } });
  return otherSessionsRevoked
    ? { ok: true, message: 'Your password is changed. Your other sessions were signed out.' }
    : { ok: false, message: 'Your password is changed, but your other sessions could not be signed out. Use “Sign out everywhere”.', fieldErrors: {} };
}
