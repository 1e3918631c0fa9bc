import 'server-only';
import { and, count, eq, gte } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { requestMetaFrom } from '@/lib/audit/request-meta';
import { getDatabase } from '@/lib/store';
import { auditEvents } from '@/lib/store/schema-audit';
import { user as users } from '@/lib/store/schema-auth';

type SignedInUser = { id: string; email: string; role?: string | null };

export async function recordSignIn(u: SignedInUser, headers: Headers | null, method: 'password' | 'sso'): Promise<void> {
  const { db } = await getDatabase();
  await db.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, u.id));
  await recordAudit({
    action: 'auth.sign_in',
    actor: { type: 'user', id: u.id, email: u.email, role: u.role ?? null },
    outcome: 'permitted',
    target: { type: 'user', id: u.id },
    request: requestMetaFrom(headers),
    metadata: { method },
  });
}

/**
 * A refused sign-in. The attempted email is kept only when it is an email (people paste passwords
 * into the wrong field): the per-account throttle counts these rows.
 */
export async function recordSignInFailure(attempted: string, headers: Headers | null, reason: 'bad_credentials' | 'throttled'): Promise<void> {
  const email = z.email().safeParse(attempted).success ? attempted : null;
  await recordAudit({
    action: 'auth.sign_in_failed',
    actor: { type: 'user', id: null, email, role: null },
    outcome: 'denied',
    request: requestMetaFrom(headers),
    metadata: { reason },
  });
}

export async function recentFailedSignIns(email: string, windowMs: number): Promise<number> {
  const { db } = await getDatabase();
  const [row] = await db
    .select({ n: count() })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, 'auth.sign_in_failed'), eq(auditEvents.actorEmail, email), gte(auditEvents.at, new Date(Date.now() - windowMs))));
  return row?.n ?? 0;
}
