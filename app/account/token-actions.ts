'use server';

import { revalidatePath } from 'next/cache';
import { recordAudit } from '@/lib/audit/record';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { createApiTokenInputSchema, revokeApiTokenInputSchema, toTokenItem, type CreateTokenResult, type RevokeTokenResult } from '@/lib/auth/api-token-schemas';
import { auditFields, requireViewer } from '@/lib/auth/viewer';

/**
 * Personal API tokens, one's own only. The token is in the create action's answer and nowhere else
 * (the database keeps its hash); the audit trail records its prefix, never the token.
 */

export async function createApiTokenAction(payload: unknown): Promise<CreateTokenResult> {
  const viewer = await requireViewer('account:self');
  const parsed = createApiTokenInputSchema.safeParse(payload);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'name'), i.message]));
    return { ok: false, message: 'Fix the highlighted fields.', fieldErrors };
  }
  const created = await createApiToken(viewer.id, parsed.data.name, parsed.data.days);
  await recordAudit({
    ...(await auditFields(viewer)),
    action: 'token.create',
    outcome: 'permitted',
    target: { type: 'user', id: viewer.id },
    metadata: { tokenPrefix: created.summary.prefix, name: created.summary.name, days: parsed.data.days },
  });
  revalidatePath('/account');
  return { ok: true, token: created.token, item: toTokenItem(created.summary) };
}

export async function revokeApiTokenAction(payload: unknown): Promise<RevokeTokenResult> {
  const viewer = await requireViewer('account:self');
  const parsed = revokeApiTokenInputSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, message: 'Invalid request.' };
  const revoked = await revokeApiToken(viewer.id, parsed.data.id);
  if (!revoked) return { ok: false, message: 'This token is not one of yours, or it is already revoked.' };
  await recordAudit({ ...(await auditFields(viewer)), action: 'token.revoke', outcome: 'permitted', target: { type: 'user', id: viewer.id }, metadata: { tokenPrefix: revoked.prefix } });
  revalidatePath('/account');
  return { ok: true, message: `Token ${revoked.prefix}… revoked.` };
}
