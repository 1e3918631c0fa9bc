import 'server-only';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import { getDatabase } from '@/lib/store';
import { apiRateWindows, apiTokens, type ApiTokenRow } from '@/lib/store/schema-api';
import { user as users } from '@/lib/store/schema-auth';

/**
 * Personal API tokens: `fsi_` + 32 random base64url characters. Only the SHA-256 is stored; the
 * token itself is shown once, when it is created. A token grants nothing by itself: whoever presents
 * it acts as its owner with the owner's role as it is now, so demoting or deactivating someone takes
 * effect on their tokens at the next request.
 */

export const TOKEN_PREFIX = 'fsi_';
export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;
export type TokenLifetimeDays = (typeof TOKEN_LIFETIMES_DAYS)[number];

const TOKEN_PATTERN = /^fsi_[A-Za-z0-9_-]{32}$/;
const DAY_MS = 86_400_000;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What the /account page lists: never the hash, never the token. */
export type ApiTokenSummary = Pick<ApiTokenRow, 'id' | 'name' | 'prefix' | 'createdAt' | 'expiresAt' | 'lastUsedAt' | 'revokedAt'>;

const summary = (r: ApiTokenRow): ApiTokenSummary => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.createdAt,
  expiresAt: r.expiresAt,
  lastUsedAt: r.lastUsedAt,
  revokedAt: r.revokedAt,
});

export async function createApiToken(userId: string, name: string, days: TokenLifetimeDays, now = new Date()): Promise<{ token: string; summary: ApiTokenSummary }> {
  const { db } = await getDatabase();
  const token = TOKEN_PREFIX + randomBytes(24).toString('base64url');
  const row: ApiTokenRow = {
    id: randomUUID(),
    userId,
    name,
    prefix: token.slice(0, TOKEN_PREFIX.length + 8),
    hash: hashToken(token),
    createdAt: now,
    expiresAt: new Date(now.getTime() + days * DAY_MS),
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.insert(apiTokens).values(row);
  return { token, summary: summary(row) };
}

export async function listApiTokens(userId: string): Promise<ApiTokenSummary[]> {
  const { db } = await getDatabase();
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.createdAt));
  return rows.map(summary);
}

/** Revokes one of the user's own tokens; false when there is no such live token of theirs. */
export async function revokeApiToken(userId: string, id: string, now = new Date()): Promise<ApiTokenSummary | null> {
  const { db } = await getDatabase();
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: now })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning();
  return rows[0] ? summary(rows[0]) : null;
}

export type BearerRefusal = 'missing' | 'malformed' | 'unknown' | 'revoked' | 'expired' | 'deactivated';

export type BearerResult =
  | { ok: true; token: { id: string; prefix: string }; user: { id: string; email: string; name: string; role: string | null } }
  | { ok: false; reason: BearerRefusal; token: { id: string; prefix: string } | null; user: { id: string; email: string; role: string | null } | null };

/** `Authorization: Bearer fsi_…` → the token's owner as they are now, or why not. */
export async function authenticateBearer(authorization: string | null, now = new Date()): Promise<BearerResult> {
  const none = { token: null, user: null };
  if (!authorization) return { ok: false, reason: 'missing', ...none };
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!m || !TOKEN_PATTERN.test(m[1]!)) return { ok: false, reason: 'malformed', ...none };
  const { db } = await getDatabase();
  const rows = await db
    .select({ token: apiTokens, user: { id: users.id, email: users.email, name: users.name, role: users.role, banned: users.banned } })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.hash, hashToken(m[1]!)));
  const found = rows[0];
  if (!found) return { ok: false, reason: 'unknown', ...none };
  const token = { id: found.token.id, prefix: found.token.prefix };
  const u = { id: found.user.id, email: found.user.email, name: found.user.name, role: found.user.role };
  if (found.token.revokedAt) return { ok: false, reason: 'revoked', token, user: u };
  if (found.token.expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired', token, user: u };
  if (found.user.banned) return { ok: false, reason: 'deactivated', token, user: u };
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, token.id));
  return { ok: true, token, user: u };
}

export type RateResult = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/**
 * Counts one request in the token's current minute (one upsert, so concurrent instances agree) and
 * says whether it is within `perMinute`. Finished windows of the token are dropped on the way.
 */
export async function countTokenRequest(tokenId: string, perMinute: number, now = new Date()): Promise<RateResult> {
  const { db } = await getDatabase();
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db
    .insert(apiRateWindows)
    .values({ tokenId, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [apiRateWindows.tokenId, apiRateWindows.windowStart], set: { count: sql`${apiRateWindows.count} + 1` } })
    .returning({ count: apiRateWindows.count });
  await db.delete(apiRateWindows).where(and(eq(apiRateWindows.tokenId, tokenId), lt(apiRateWindows.windowStart, windowStart)));
  const count = row?.count ?? 1;
  if (count <= perMinute) return { ok: true, remaining: perMinute - count };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000)) };
}
