import 'server-only';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, count, eq, gt } from 'drizzle-orm';
import { recordAudit } from '@/lib/audit/record';
import { getEnv } from '@/lib/env';
import { getDatabase } from '@/lib/store';
import { user as users, verification } from '@/lib/store/schema-auth';
import { getAuth } from './auth';

/**
 * The first administrator. With INSPECTOR_ADMIN_EMAIL + INSPECTOR_ADMIN_PASSWORD (containers, CI,
 * Playwright) that account is created at start when missing. Otherwise, while there is no user at
 * all, the server prints a one-time setup link (the Jenkins pattern): only someone who can read the
 * server's console can claim the installation, and the link dies once used.
 */

const SETUP_IDENTIFIER = 'first-admin-setup';
const SETUP_LIFETIME_MS = 24 * 3_600_000;
const hash = (token: string) => createHash('sha256').update(token).digest('base64url');

async function userCount(): Promise<number> {
  const { db } = await getDatabase();
  const [row] = await db.select({ n: count() }).from(users);
  return row?.n ?? 0;
}

/** Creates an admin through Better Auth (its password hashing); server-side, so no session is needed. */
async function createAdmin(input: { email: string; name: string; password: string }, via: 'environment' | 'setup_link') {
  const auth = await getAuth();
  const { user } = await auth.api.createUser({ body: { email: input.email, name: input.name, password: input.password, role: 'admin' } });
  await recordAudit({
    action: 'user.create',
    actor: { type: 'system' },
    outcome: 'permitted',
    target: { type: 'user', id: user.id },
    metadata: { role: 'admin', via },
  });
  return user;
}

export type StartupAdmin = { kind: 'created' | 'exists' } | { kind: 'setup_link'; url: string } | { kind: 'has_users' };

export async function ensureFirstAdmin(): Promise<StartupAdmin> {
  const env = getEnv();
  const initial = env.auth.initialAdmin;
  if (initial) {
    const { db } = await getDatabase();
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, initial.email));
    if (existing) return { kind: 'exists' };
    try {
      await createAdmin({ email: initial.email, name: 'Administrator', password: initial.password }, 'environment');
      return { kind: 'created' };
    } catch (err) {
      // Another instance created it between our look and our insert: that is the same outcome.
      const [again] = await db.select({ id: users.id }).from(users).where(eq(users.email, initial.email));
      if (again) return { kind: 'exists' };
      throw err;
    }
  }
  if ((await userCount()) > 0) return { kind: 'has_users' };
  const token = randomBytes(24).toString('base64url');
  const { db } = await getDatabase();
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx.delete(verification).where(eq(verification.identifier, SETUP_IDENTIFIER));
    await tx.insert(verification).values({ id: randomUUID(), identifier: SETUP_IDENTIFIER, value: hash(token), expiresAt: new Date(now.getTime() + SETUP_LIFETIME_MS), createdAt: now, updatedAt: now });
  });
  return { kind: 'setup_link', url: `${env.web.publicUrl}/setup?token=${token}` };
}

export type SetupResult = { ok: true } | { ok: false; reason: 'invalid_link' | 'already_set_up' | 'rejected'; message: string };

/** Is this link still good? (For the page: a used or unknown link says so before anyone types a password.) */
export async function setupTokenValid(token: string): Promise<boolean> {
  if ((await userCount()) > 0) return false;
  const { db } = await getDatabase();
  const [row] = await db
    .select({ id: verification.id })
    .from(verification)
    .where(and(eq(verification.identifier, SETUP_IDENTIFIER), eq(verification.value, hash(token)), gt(verification.expiresAt, new Date())));
  return Boolean(row);
}

/**
 * Uses the link: the row is deleted conditionally first, so of two people pressing the button at
 * once exactly one gets to create the admin.
 */
export async function claimFirstAdmin(token: string, input: { email: string; name: string; password: string }): Promise<SetupResult> {
  const { db } = await getDatabase();
  if ((await userCount()) > 0) return { ok: false, reason: 'already_set_up', message: 'This installation already has users. Sign in instead.' };
  const claimed = await db
    .delete(verification)
    .where(and(eq(verification.identifier, SETUP_IDENTIFIER), eq(verification.value, hash(token)), gt(verification.expiresAt, new Date())))
    .returning({ id: verification.id });
  if (claimed.length === 0) return { ok: false, reason: 'invalid_link', message: 'This setup link is not valid any more. Restart the server to print a new one.' };
  try {
    await createAdmin(input, 'setup_link');
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: 'rejected', message: err instanceof Error ? err.message : 'The account could not be created.' };
  }
}
