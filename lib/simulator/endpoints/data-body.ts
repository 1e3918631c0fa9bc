import { z } from 'zod';
import { accountsDetailBodySchema, statementsBodySchema } from '@/lib/flinks/schemas';
import { canonicalKeys, looseBoolean } from '../request-body';

/** Data-endpoint bodies (§8), parsed with D8 leniency; enum values reuse the wire schemas. */

const KEYS = [
  'RequestId', 'WithAccountIdentity', 'WithKYC', 'WithTransactions', 'WithBalance', 'DaysOfTransactions',
  'AccountsFilter', 'NumberOfStatements',
] as const;

const schema = z.object({
  RequestId: z.string().trim().min(1).transform((s) => s.toLowerCase()),
  WithAccountIdentity: looseBoolean.optional(),
  WithKYC: looseBoolean.optional(),
  WithTransactions: looseBoolean.optional(),
  WithBalance: looseBoolean.optional(),
  DaysOfTransactions: accountsDetailBodySchema.shape.DaysOfTransactions,
  AccountsFilter: z.array(z.string()).optional(),
  NumberOfStatements: statementsBodySchema.shape.NumberOfStatements,
});

export type DataInput = z.infer<typeof schema>;

export function parseDataBody(raw: Record<string, unknown>) {
  return schema.safeParse(canonicalKeys(raw, KEYS));
}
