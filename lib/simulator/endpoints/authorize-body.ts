import { z } from 'zod';
import { languageSchema, securityResponsesSchema } from '@/lib/flinks/schemas';
import { canonicalKeys, looseBoolean } from '../request-body';

/**
 * The /Authorize body, parsed leniently: D8 case-insensitive keys and "true"/"false" booleans.
 * One schema for all three shapes (cached, live, MFA answer); the endpoint decides which it is.
 */

const KEYS = [
  'LoginId', 'MostRecentCached', 'Username', 'Password', 'Institution', 'Language', 'Save', 'Tag',
  'RequestId', 'SecurityResponses',
] as const;

const trimmedId = z.string().trim().min(1).transform((s) => s.toLowerCase());

const schema = z.object({
  LoginId: trimmedId.optional(),
  MostRecentCached: looseBoolean.optional(),
  Username: z.string().optional(),
  Password: z.string().optional(),
  Institution: z.string().optional(),
  Language: z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v), languageSchema).optional(),
  Save: looseBoolean.optional(),
  Tag: z.string().optional(),
  RequestId: trimmedId.optional(),
  // Prompts stay verbatim: they are the keys of the pending challenges (§5 step 3).
  SecurityResponses: securityResponsesSchema.optional(),
});

export type AuthorizeInput = z.infer<typeof schema>;

export function parseAuthorizeBody(raw: Record<string, unknown>) {
  return schema.safeParse(canonicalKeys(raw, KEYS));
}
