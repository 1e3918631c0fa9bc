'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { recordAudit } from '@/lib/audit/record';
import type { AuditAction, AuditOutcome } from '@/lib/audit/types';
import { getAuth } from '@/lib/auth/auth';
import { findStaffUser } from '@/lib/auth/staff-users';
import { authErrorCode, authErrorMessage, failureOutcome, selfChangeRefusal } from '@/lib/auth/user-admin-rules';
import {
  createUserInputSchema,
  fieldErrorsOf,
  resetPasswordInputSchema,
  setRoleInputSchema,
  userIdInputSchema,
  type FieldErrors,
  type FormResult,
} from '@/lib/auth/user-schemas';
import { actorOf, currentRequestMeta, requireViewer, type Viewer } from '@/lib/auth/viewer';

/*
 * Staff accounts, for admins. Each action: permission first, then the input, then Better Auth's
 * admin endpoint with the caller's headers (it checks the caller is an admin too), then the audit
 * event. Passwords go to Better Auth only: never into an audit event, a message or a log.
 */

const PAGE = '/admin/users';

const invalid = (error: Parameters<typeof fieldErrorsOf>[0]): FormResult => ({ ok: false, message: 'Fix the highlighted fields.', fieldErrors: fieldErrorsOf(error) });
const refused = (message: string, fieldErrors: FieldErrors = {}): FormResult => ({ ok: false, message, fieldErrors });

async function audit(viewer: Viewer, action: AuditAction, outcome: AuditOutcome, targetId: string | null, metadata: Record<string, unknown> = {}) {
  await recordAudit({
    action,
    actor: actorOf(viewer),
    outcome,
    target: targetId ? { type: 'user', id: targetId } : null,
    environment: viewer.environment,
    request: await currentRequestMeta(),
    metadata,
  });
}

export async function createUserAction(payload: unknown): Promise<FormResult> {
  const viewer = await requireViewer('users:manage');
  const parsed = createUserInputSchema.safeParse(payload);
  if (!parsed.success) return invalid(parsed.error);
  const { email, name, role, password } = parsed.data;
  const auth = await getAuth();
  let userId: string;
  try {
    ({ user: { id: userId } } = await auth.api.createUser({ body: { email, name, role, password }, headers: await headers() }));
  } catch (err) {
    await audit(viewer, 'user.create', failureOutcome(err), null, { role });
    if (authErrorCode(err)?.startsWith('USER_ALREADY_EXISTS')) return refused('Fix the highlighted fields.', { email: 'A user with this email exists already.' });
    return refused(authErrorMessage(err, 'The user could not be created. Try again.'));
  }
  await audit(viewer, 'user.create', 'permitted', userId, { role });
  revalidatePath(PAGE);
  return { ok: true, message: `Created ${email} (${role}). Give them their initial password through a safe channel.` };
}

export async function setRoleAction(payload: unknown): Promise<FormResult> {
  const viewer = await requireViewer('users:manage');
  const parsed = setRoleInputSchema.safeParse(payload);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, role } = parsed.data;
  const target = await findStaffUser(userId);
  if (!target) return refused('This user does not exist any more. Reload the page.');
  const refusal = selfChangeRefusal(viewer.id, userId, { kind: 'set_role', role });
  if (refusal) {
    await audit(viewer, 'user.role_change', 'denied', userId, { from: target.role, to: role, reason: 'self' });
    return refused(refusal);
  }
  if (target.role === role) return { ok: true, message: `${target.email} is ${role} already.` };
  try {
    await (await getAuth()).api.setRole({ body: { userId, role }, headers: await headers() });
  } catch (err) {
    await audit(viewer, 'user.role_change', failureOutcome(err), userId, { from: target.role, to: role });
    return refused(authErrorMessage(err, 'The role could not be changed. Try again.'));
  }
  await audit(viewer, 'user.role_change', 'permitted', userId, { from: target.role, to: role });
  revalidatePath(PAGE);
  return { ok: true, message: `${target.email} is now ${role}.` };
}

/** Sets a new password and ends the user's sessions: whoever held the old one is out. */
export async function resetPasswordAction(payload: unknown): Promise<FormResult> {
  const viewer = await requireViewer('users:manage');
  const parsed = resetPasswordInputSchema.safeParse(payload);
  if (!parsed.success) return invalid(parsed.error);
  const { userId, password } = parsed.data;
  const target = await findStaffUser(userId);
  if (!target) return refused('This user does not exist any more. Reload the page.');
  const refusal = selfChangeRefusal(viewer.id, userId, { kind: 'reset_password' });
  if (refusal) return refused(refusal);
  const auth = await getAuth();
  const h = await headers();
  try {
    await auth.api.setUserPassword({ body: { userId, newPassword: password }, headers: h });
  } catch (err) {
    await audit(viewer, 'user.password_reset', failureOutcome(err), userId, { via: 'admin' });
    return refused(authErrorMessage(err, 'The password could not be reset. Try again.'));
  }
  const sessionsRevoked = await auth.api.revokeUserSessions({ body: { userId }, headers: h }).then(
    () => true,
    () => false,
  );
  await audit(viewer, 'user.password_reset', 'permitted', userId, { via: 'admin', sessionsRevoked });
  revalidatePath(PAGE);
  return sessionsRevoked
    ? { ok: true, message: `New password set for ${target.email}; their sessions were ended.` }
    : { ok: false, message: `New password set for ${target.email}, but their sessions could not be ended. Deactivate and reactivate them to end their sessions.`, fieldErrors: {} };
}

/** A Better Auth ban without expiry: it ends their sessions, and sign-in refuses them. */
export async function deactivateUserAction(payload: unknown): Promise<FormResult> {
  const viewer = await requireViewer('users:manage');
  const parsed = userIdInputSchema.safeParse(payload);
  if (!parsed.success) return invalid(parsed.error);
  const { userId } = parsed.data;
  const target = await findStaffUser(userId);
  if (!target) return refused('This user does not exist any more. Reload the page.');
  const refusal = selfChangeRefusal(viewer.id, userId, { kind: 'deactivate' });
  if (refusal) {
    await audit(viewer, 'user.deactivate', 'denied', userId, { reason: 'self' });
    return refused(refusal);
  }
  try {
    await (await getAuth()).api.banUser({ body: { userId, banReason: 'Deactivated on the Users page' }, headers: await headers() });
  } catch (err) {
    await audit(viewer, 'user.deactivate', failureOutcome(err), userId);
    return refused(authErrorMessage(err, 'The user could not be deactivated. Try again.'));
  }
  await audit(viewer, 'user.deactivate', 'permitted', userId);
  revalidatePath(PAGE);
  return { ok: true, message: `${target.email} is deactivated and signed out everywhere.` };
}

export async function reactivateUserAction(payload: unknown): Promise<FormResult> {
  const viewer = await requireViewer('users:manage');
  const parsed = userIdInputSchema.safeParse(payload);
  if (!parsed.success) return invalid(parsed.error);
  const { userId } = parsed.data;
  const target = await findStaffUser(userId);
  if (!target) return refused('This user does not exist any more. Reload the page.');
  try {
    await (await getAuth()).api.unbanUser({ body: { userId }, headers: await headers() });
  } catch (err) {
    await audit(viewer, 'user.reactivate', failureOutcome(err), userId);
    return refused(authErrorMessage(err, 'The user could not be reactivated. Try again.'));
  }
  await audit(viewer, 'user.reactivate', 'permitted', userId);
  revalidatePath(PAGE);
  return { ok: true, message: `${target.email} can sign in again.` };
}
