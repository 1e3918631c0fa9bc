import { z } from 'zod';
import type { ApiTokenSummary } from './api-tokens';

/** Inputs of the /account page's token actions (plain module: 'use server' files export only functions). */
export const createApiTokenInputSchema = z.object({
  name: z.string({ error: 'Name the token.' }).trim().min(1, 'Name the token, e.g. “CI nightly”.').max(60, 'Use at most 60 characters.'),
  days: z.enum(['30', '90', '365'], { error: 'Choose 30, 90 or 365 days.' }).transform((d) => Number(d) as 30 | 90 | 365),
});

export const revokeApiTokenInputSchema = z.object({ id: z.uuid() });

/** A token as the page lists it (dates as ISO strings: serializable into the client component). */
export type ApiTokenItem = { id: string; name: string; prefix: string; createdAt: string; expiresAt: string; lastUsedAt: string | null; revokedAt: string | null; state: 'active' | 'expired' | 'revoked' };

export type CreateTokenResult =
  | { ok: true; token: string; item: ApiTokenItem }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

export type RevokeTokenResult = { ok: boolean; message: string };

export const toTokenItem = (s: ApiTokenSummary, now = new Date()): ApiTokenItem => ({
  id: s.id,
  name: s.name,
  prefix: s.prefix,
  createdAt: s.createdAt.toISOString(),
  expiresAt: s.expiresAt.toISOString(),
  lastUsedAt: s.lastUsedAt?.toISOString() ?? null,
  revokedAt: s.revokedAt?.toISOString() ?? null,
  state: s.revokedAt ? 'revoked' : s.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active',
});
