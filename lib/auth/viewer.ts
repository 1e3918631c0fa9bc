import 'server-only';
import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { after } from 'next/server';
import { forbidden, redirect, unauthorized } from 'next/navigation';
import { cache } from 'react';
import { apiRefusal } from '@/lib/api/problem';
import { recordAudit } from '@/lib/audit/record';
import { requestMetaFrom } from '@/lib/audit/request-meta';
import type { AuditInput, RequestMeta } from '@/lib/audit/types';
import { getEnv, type Environment } from '@/lib/env';
import { getDatabase } from '@/lib/store';
import { session as sessions } from '@/lib/store/schema-auth';
import { authenticateBearer, countTokenRequest } from './api-tokens';
import { getAuth, slideDue } from './auth';
import { forgetSessions, rememberedSession } from './session-cache';
import { isRole, permissionsFor, type Permission, type Role } from './permissions';

/** The signed-in staff member, as every page, action and route handler sees them. */
export type Viewer = {
  id: string;
  email: string;
  name: string;
  role: Role | null;
  permissions: ReadonlySet<Permission>;
  environment: Environment;
  /** Where the request came in: the pages and actions, or /api/v1 (recorded on every audit event). */
  interface: 'web' | 'api';
  /** API requests carry their own request (no next/headers there); web ones read headers() when asked. */
  requestMeta?: RequestMeta;
  /** The API token used, when there was one (its prefix goes into denials). */
  token?: { id: string; prefix: string } | null;
};

type SessionHolder = { session: { id: string; createdAt: Date; expiresAt: Date }; user: { id: string; email: string; name: string; role?: string | null; banned?: boolean | null } };

/** A Better Auth session → Viewer, or null when it is over (deactivated, or past our absolute limit). */
async function viewerOfSession(found: SessionHolder | null, via: 'web' | 'api'): Promise<Viewer | null> {
  const env = getEnv();
  if (!found || found.user.banned) return null;
  // Better Auth slides the idle limit; the absolute limit is ours: a session older than it ends
  // however active it is.
  if (found.session.createdAt.getTime() + env.auth.maxHours * 3_600_000 <= Date.now()) {
    const { db } = await getDatabase();
    await db.delete(sessions).where(eq(sessions.id, found.session.id));
    forgetSessions();
    return null;
  }
  return viewerOf(found.user, via);
}

function viewerOf(user: { id: string; email: string; name: string; role?: string | null }, via: 'web' | 'api'): Viewer {
  const environment = getEnv().flinks.environment;
  const role = isRole(user.role) ? user.role : null;
  return { id: user.id, email: user.email, name: user.name, role, permissions: permissionsFor(role, environment), environment, interface: via };
}

/** The request's viewer, or null. Cached per request (React cache), so a page and its layout ask once. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  return viewerOfSession(await sessionOf(await headers()), 'web');
});

/** Runs `run` once this response is sent; at once outside a request (the API handler driven by tests and scripts). */
function afterResponse(run: () => void): void {
  try {
    after(run);
  } catch {
    run();
  }
}

/**
 * Better Auth's session for these headers, remembered for a moment per process and re-checked
 * ahead of time (session-cache.ts), once this response is sent (after(): measured, a re-check run
 * beside the request delayed its answer by its own cost). The early re-check is a plain read
 * (disableRefresh): when the idle limit is due to slide, the lookup runs in the request instead,
 * which can carry the cookie.
 */
async function sessionOf(h: Headers): Promise<SessionHolder | null> {
  const { sessionCacheMs, idleMinutes } = getEnv().auth;
  return rememberedSession(h.get('cookie'), sessionCacheMs, async () => (await getAuth()).api.getSession({ headers: h }), {
    lookup: async () => (await getAuth()).api.getSession({ headers: h, query: { disableRefresh: true } }),
    inline: (found) => slideDue(found.session.expiresAt, idleMinutes),
    schedule: afterResponse,
  });
}

/** What the 403 page names: set by requireViewer just before it calls forbidden() in the same request. */
export const deniedPermission = cache(() => {
  let decide: (p: Permission | null) => void = () => {};
  const decided = new Promise<Permission | null>((resolve) => (decide = resolve));
  const state = {
    permission: null as Permission | null,
    /**
     * The guard's decision in this request: the refused permission, or null once it let the caller
     * through. Next may render forbidden.tsx while the page still awaits, so the 403 page waits for it.
     */
    decided,
    deny(permission: Permission) {
      state.permission = permission;
      decide(permission);
    },
    allow() {
      decide(null);
    },
  };
  return state;
});

type Door = {
  /** For pages: where to come back after signing in. Without it a visitor gets 401 (actions, routes). */
  page?: string;
};

/** The API's door (/api/v1): the request itself, so a refusal is an answer (problem+json), not a thrown page. */
type ApiDoor = { request: Request };
export type ApiGate = { ok: true; viewer: Viewer } | { ok: false; response: Response };

/**
 * The one check every page, server action and route handler calls first: who is calling, and
 * does their role allow `permission` here. Signed out → sign-in page (pages) or 401; signed in
 * without the permission → 403 naming it, recorded as access.denied.
 */
export async function requireViewer(permission: Permission, door: ApiDoor): Promise<ApiGate>;
export async function requireViewer(permission: Permission, door?: Door): Promise<Viewer>;
export async function requireViewer(permission: Permission, door: Door | ApiDoor = {}): Promise<Viewer | ApiGate> {
  if ('request' in door) return apiViewer(permission, door.request);
  const viewer = await getViewer();
  if (!viewer) {
    deniedPermission().allow();
    if (door.page !== undefined) redirect(`/sign-in?next=${encodeURIComponent(door.page)}`);
    unauthorized();
  }
  if (!viewer.permissions.has(permission)) await deny(viewer, permission, door.page ?? null);
  deniedPermission().allow();
  return viewer;
}

/**
 * The API's half of the guard. A Bearer token stands for its owner with the owner's current role;
 * without one, a signed-in browser may read (GET) but not write, so another site cannot make a
 * signed-in browser act through the API (cookies are SameSite=Lax, this is the second lock).
 * Every refusal is recorded as access.denied with interface api and the reason.
 */
async function apiViewer(permission: Permission, request: Request): Promise<ApiGate> {
  const requestMeta = requestMetaFrom(request.headers);
  const target = new URL(request.url).pathname;
  const env = getEnv();
  const authorization = request.headers.get('authorization');
  let viewer: Viewer | null = null;
  if (authorization) {
    const found = await authenticateBearer(authorization);
    if (!found.ok) {
      await recordAudit({
        action: 'access.denied',
        actor: found.user ? { type: 'user', id: found.user.id, email: found.user.email, role: found.user.role } : { type: 'user', id: null, email: null, role: null },
        outcome: 'denied',
        interface: 'api',
        target: { type: 'route', id: target },
        environment: env.flinks.environment,
        request: requestMeta,
        metadata: { permission, reason: `token_${found.reason}`, ...(found.token ? { tokenPrefix: found.token.prefix } : {}) },
      });
      return { ok: false, response: apiRefusal('unauthenticated', found.reason) };
    }
    viewer = { ...viewerOf(found.user, 'api'), requestMeta, token: found.token };
    const rate = await countTokenRequest(found.token.id, env.auth.apiRatePerMinute);
    if (!rate.ok) {
      await recordAudit({ ...(await auditFields(viewer)), action: 'access.denied', outcome: 'denied', target: { type: 'route', id: target }, metadata: { permission, reason: 'rate_limited', tokenPrefix: found.token.prefix } });
      return { ok: false, response: apiRefusal('rate_limited', rate.retryAfterSeconds) };
    }
  } else if (request.method === 'GET' || request.method === 'HEAD') {
    const session = await viewerOfSession(await sessionOf(request.headers), 'api');
    viewer = session ? { ...session, requestMeta, token: null } : null;
  }
  if (!viewer) {
    await recordAudit({
      action: 'access.denied',
      actor: { type: 'user', id: null, email: null, role: null },
      outcome: 'denied',
      interface: 'api',
      target: { type: 'route', id: target },
      environment: env.flinks.environment,
      request: requestMeta,
      metadata: { permission, reason: 'token_missing' },
    });
    return { ok: false, response: apiRefusal('unauthenticated', 'missing') };
  }
  if (!(await permits(viewer, permission, target))) return { ok: false, response: apiRefusal('forbidden', permission) };
  return { ok: true, viewer };
}

/** The fields every audit event of a viewer shares: who, through which interface, where, from which request. */
export async function auditFields(viewer: Viewer): Promise<Pick<AuditInput, 'actor' | 'interface' | 'environment' | 'request'>> {
  return { actor: actorOf(viewer), interface: viewer.interface, environment: viewer.environment, request: viewer.requestMeta ?? (await currentRequestMeta()) };
}

/**
 * Whether the viewer holds `permission`; a refusal is recorded as access.denied. For callers that
 * answer a refusal themselves (the API, shared operations); pages and actions turn a refusal into forbidWith().
 */
export async function permits(viewer: Viewer, permission: Permission, target: string | null = null): Promise<boolean> {
  if (viewer.permissions.has(permission)) return true;
  await recordAudit({
    ...(await auditFields(viewer)),
    action: 'access.denied',
    outcome: 'denied',
    target: target ? { type: 'route', id: target } : null,
    metadata: { permission, ...(viewer.token ? { tokenPrefix: viewer.token.prefix } : {}) },
  });
  return false;
}

/** Acting on someone else's inspection needs inspection:act_for_others (recorded when refused). */
export async function permitsOwnerOrDelegate(viewer: Viewer, inspection: { id: string; openedById: string | null }): Promise<boolean> {
  if (inspection.openedById === viewer.id) return true;
  return permits(viewer, 'inspection:act_for_others', `inspection:${inspection.id}`);
}

async function deny(viewer: Viewer, permission: Permission, target: string | null): Promise<never> {
  // Named before the audit write is awaited: the 403 page may already be rendering.
  deniedPermission().deny(permission);
  await permits({ ...viewer, permissions: new Set() }, permission, target);
  forbidden();
}

/** The actor fields of an audit event for a viewer. */
export const actorOf = (v: Viewer) => ({ type: 'user' as const, id: v.id, email: v.email, role: v.role });

export async function currentRequestMeta() {
  return requestMetaFrom(await headers());
}

/** A page without the guard (sign-in, setup, 404) says so, so the 403 page rendered beside it does not wait for a decision. */
export function publicPage(): void {
  deniedPermission().allow();
}

/** For pages and actions whose shared operation was refused (already recorded by permits()): the 403 page naming it. */
export function forbidWith(permission: Permission): never {
  deniedPermission().deny(permission);
  forbidden();
}
