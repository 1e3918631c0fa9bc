import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './schema-auth';

/**
 * Personal API tokens (issue 9). Only the SHA-256 of a token is kept, so a copy of the database
 * opens nothing; the prefix is what people recognise on the /account page. A token has no role of
 * its own: every request reads its owner's current role (lib/auth/api-tokens.ts).
 */

const tstz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => user.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    /** The first characters of the token (`fsi_ab12cd34`), shown so people can tell tokens apart. */
    prefix: text('prefix').notNull(),
    /** Hex SHA-256 of the whole token: the lookup key, never the token. */
    hash: text('hash').notNull().unique(),
    createdAt: tstz('created_at').notNull(),
    expiresAt: tstz('expires_at').notNull(),
    lastUsedAt: tstz('last_used_at'),
    revokedAt: tstz('revoked_at'),
  },
  (t) => [index('api_tokens_user_idx').on(t.userId, t.createdAt)],
);

/**
 * Requests per token per minute, counted in the database so every instance of the dashboard shares
 * one count. One row per token and minute; old windows are deleted as new ones start.
 */
export const apiRateWindows = pgTable(
  'api_rate_windows',
  {
    tokenId: uuid('token_id')
      .notNull()
      .references(() => apiTokens.id, { onDelete: 'cascade' }),
    windowStart: tstz('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.windowStart] })],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
