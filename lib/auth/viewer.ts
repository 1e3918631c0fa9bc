import 'server-only';
import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { recordAudit } from '@/lib/audit/record';
import { requestMetaFrom } from '@/lib/audit/request-meta';
import { getEnv, type Environment } from '@/lib/env';
import { getDatabase } from '@/lib/store';
import { session as sessions } from '@/lib/store/schema-auth';
import { getAuth } from './auth';
import { isRole, permissionsFor, type Permission, type Role } from './permissions';

/** The signed-in staff member, as every page, action and route handler sees them. */
export type Viewer = {
  id: string;
  email: string;
  name: string;
  role: Role | null;
  permissions: ReadonlySet<Permission>;
  environment: Environment;
};

/** The request's viewer, or null. Cached per request (React cache), so a page and its layout ask once. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const env = getEnv();
  const auth = await getAuth();
  const h = await headers();
  const found = await auth.api.getSession({ headers: h });
  if (!found || found.user.banned) return null;
  // Better Auth slides the idle limit; the absolute limit is ours: a session older than it ends
  // however active it is.
  if (found.session.createdAt.getTime() + env.auth.maxHours * 3_600_000 <= Date.now()) {
    const { db } = await getDatabase();
    await db.delete(sessions).where(eq(sessions.id, found.session.id));
    return null;
  }
  const role = isRole(found.user.role) ? found.user.role : null;
  return {
    id: found.user.id,
    email: found.user.email,
    name: found.user.name,
    role,
    permissions: permissionsFor(role, env.flinks.environment),
    environment: env.flinks.environment,
  };
});

/** What the 403 page names: set by requireViewer just before it calls forbidden() in the same request. */
export const deniedPermission = cache(() => ({ permission: null as Permission | null }));

type Door = {
  /** For pages: where to come back after signing in. Without it a visitor gets 401 (actions, routes). */
  page?: string;
};

/**
 * The one check every page, server action and route handler calls first: who is calling, and
 * does their role allow `permission` here. Signed out → sign-in page (pages) or 401; signed in
 * without the permission → 403 naming it, recorded as access.denied.
 */
export async function requireViewer(permission: Permission, door: Door = {}): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) {
    if (door.page !== undefined) redirect(`/sign-in?next=${encodeURIComponent(door.page)}`);
    unauthorized();
  }
  if (!viewer.permissions.has(permission)) await deny(viewer, permission, door.page ?? null);
  return viewer;
}

/** A second permission for the same door (live mode after the form is parsed, statements after a Link is named). */
export async function demand(viewer: Viewer, permission: Permission, target: string | null = null): Promise<void> {
  if (!viewer.permissions.has(permission)) await deny(viewer, permission, target);
}

/** Answering MFA, reopening and revealing belong to whoever opened the inspection, or to someone allowed to act for others. */
export async function requireOwnerOrDelegate(viewer: Viewer, inspection: { id: string; openedById: string | null }): Promise<void> {
  if (inspection.openedById === viewer.id || viewer.permissions.has('inspection:act_for_others')) return;
  await deny(viewer, 'inspection:act_for_others', `inspection:${inspection.id}`);
}

async function deny(viewer: Viewer, permission: Permission, target: string | null): Promise<never> {
  await recordAudit({
    action: 'access.denied',
    actor: { type: 'user', id: viewer.id, email: viewer.email, role: viewer.role },
    outcome: 'denied',
    target: target ? { type: 'route', id: target } : null,
    environment: viewer.environment,
    request: requestMetaFrom(await headers()),
    metadata: { permission },
  });
  deniedPermission().permission = permission;
  forbidden();
}

/** The actor fields of an audit event for a viewer. */
export const actorOf = (v: Viewer) => ({ type: 'user' as const, id: v.id, email: v.email, role: v.role });

export async function currentRequestMeta() {
  return requestMetaFrom(await headers());
}
