import 'server-only';
import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { APIError, createAuthMiddleware } from 'better-auth/api';
import { nextCookies } from 'better-auth/next-js';
import { admin, genericOAuth } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';
import { getEnv } from '@/lib/env';
import { getDatabase } from '@/lib/store';
import { authSchema } from '@/lib/store/schema-auth';
import { recordSignIn, recordSignInFailure, recentFailedSignIns } from './auth-events';
import { oidcRoleFor, rememberSsoRole, takeSsoRole } from './oidc-role';
import { keyFromFile } from './secret';
import { forgetSessions } from './session-cache';

/** Sign-ins refused per account after this many failures in FAILED_WINDOW_MS, whatever the IP. */
export const MAX_FAILED_SIGN_INS = 10;
export const FAILED_WINDOW_MS = 15 * 60_000;
export const SSO_PROVIDER_ID = 'sso';

// Better Auth's own access control only guards its admin endpoints (we call them server-side after
// our own permission check, lib/auth/permissions.ts): support and qa have no admin statements.
const ac = createAccessControl(defaultStatements);
const roles = { support: ac.newRole({ user: [], session: [] }), qa: ac.newRole({ user: [], session: [] }), admin: adminAc };

async function createAuth() {
  const env = getEnv();
  const { db } = await getDatabase();
  const oidc = env.auth.oidc;
  return betterAuth({
    appName: 'Flinks Session Inspector',
    baseURL: env.web.publicUrl,
    basePath: '/api/auth',
    secret: env.auth.secret ?? keyFromFile(env.database.dataDir, 'auth-secret'),
    // Origins people may post from: the public URL, and the allowed host names on any port (the Host
    // allowlist in proxy.ts has already refused every other name).
    trustedOrigins: (request) => {
      const host = request?.headers.get('host');
      const name = host ? new URL(`http://${host}`).hostname.toLowerCase() : null;
      return name && env.web.allowedHosts.includes(name) ? [env.web.publicUrl, `http://${host}`, `https://${host}`] : [env.web.publicUrl];
    },
    database: drizzleAdapter(db, { provider: 'pg', schema: authSchema }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128, revokeSessionsOnPasswordReset: true },
    // Idle limit: a session not used for this long ends; each use slides it (updateAge). The
    // absolute limit is enforced by getViewer from createdAt.
    session: sessionLifetimes(env.auth.idleMinutes),
    account: { encryptOAuthTokens: true },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: { '/sign-in/email': { window: 60, max: env.auth.signInMaxPerMinute } },
    },
    advanced: {
      useSecureCookies: env.web.secureCookies,
      cookiePrefix: 'inspector',
      database: { generateId: () => crypto.randomUUID() },
    },
    databaseHooks: {
      user: {
        create: {
          before: async (u) => {
            const email = u.email.toLowerCase();
            const ssoRole = takeSsoRole(email);
            return { data: { ...u, email, ...(ssoRole !== undefined ? { role: ssoRole } : {}) } };
          },
        },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== '/sign-in/email') return;
        const email = typeof ctx.body?.email === 'string' ? ctx.body.email.toLowerCase() : '';
        if (email && (await recentFailedSignIns(email, FAILED_WINDOW_MS)) >= MAX_FAILED_SIGN_INS) {
          await recordSignInFailure(email, ctx.headers ?? null, 'throttled');
          throw new APIError('TOO_MANY_REQUESTS', { message: 'Too many failed attempts for this account. Try again later.' });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        // Anything but a read may end a session or change who someone is (sign-out, revoke, role,
        // deactivation, password): the sessions remembered on this instance go (session-cache.ts).
        if (ctx.path !== '/get-session') forgetSessions();
        const session = ctx.context.newSession;
        if (session && (ctx.path === '/sign-in/email' || ctx.path.startsWith('/callback/'))) {
          await recordSignIn(session.user, ctx.headers ?? null, ctx.path === '/sign-in/email' ? 'password' : 'sso');
        } else if (ctx.path === '/sign-in/email') {
          const email = typeof ctx.body?.email === 'string' ? ctx.body.email.toLowerCase() : '';
          await recordSignInFailure(email, ctx.headers ?? null, 'bad_credentials');
        }
      }),
    },
    plugins: [
      admin({ ac, roles, defaultRole: 'support', adminRoles: ['admin'], bannedUserMessage: 'This account is deactivated. Ask an administrator.' }),
      ...(oidc
        ? [
            genericOAuth({
              config: [
                {
                  providerId: SSO_PROVIDER_ID,
                  discoveryUrl: `${oidc.issuer}/.well-known/openid-configuration`,
                  clientId: oidc.clientId,
                  clientSecret: oidc.clientSecret,
                  scopes: ['openid', 'email', 'profile'],
                  pkce: true,
                  requireIdTokenVerification: true,
                  mapProfileToUser: (profile) => {
                    if (typeof profile.email === 'string') rememberSsoRole(profile.email, oidcRoleFor(profile, oidc));
                    return {};
                  },
                },
              ],
            }),
          ]
        : []),
      nextCookies(),
    ],
  });
}

export type Auth = Awaited<ReturnType<typeof createAuth>>;

const holder = globalThis as typeof globalThis & { __inspectorAuth?: Promise<Auth> };

/** The process-wide Better Auth instance, created once the database is open. */
export function getAuth(): Promise<Auth> {
  if (!holder.__inspectorAuth) {
    const creating = createAuth();
    creating.catch(() => {
      if (holder.__inspectorAuth === creating) holder.__inspectorAuth = undefined;
    });
    holder.__inspectorAuth = creating;
  }
  return holder.__inspectorAuth;
}

/** Better Auth's session lifetimes in seconds: the idle limit, and how often a use slides it. */
export function sessionLifetimes(idleMinutes: number): { expiresIn: number; updateAge: number } {
  return { expiresIn: idleMinutes * 60, updateAge: Math.max(60, Math.floor((idleMinutes * 60) / 10)) };
}

/** Whether Better Auth's next getSession for this session would slide it (and re-send the cookie). */
export function slideDue(expiresAt: Date, idleMinutes: number, now = Date.now()): boolean {
  const { expiresIn, updateAge } = sessionLifetimes(idleMinutes);
  return expiresAt.getTime() - expiresIn * 1000 + updateAge * 1000 <= now;
}
