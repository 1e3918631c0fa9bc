import { z } from 'zod';
import { DAYS_OF_TRANSACTIONS, NUMBER_OF_STATEMENTS } from './follow-options';

/** Inputs of the session page's server actions (plain module: 'use server' files export only functions). */
export const inspectionIdSchema = z.uuid();

/**
 * What to ask Flinks for (follow-options.ts), shared by the follow-Link action and the HTTP API.
 * Strict: a misspelt option is an error, not a silent default. Every field is optional;
 * withFollowDefaults fills in what the dashboard always asked, so an empty object (or none) asks that.
 * (Optional rather than .default(): the OpenAPI document shows request bodies as zod outputs.)
 */
export const followOptionsSchema = z.strictObject({
  daysOfTransactions: z.enum(DAYS_OF_TRANSACTIONS).optional().describe('GetAccountsDetail DaysOfTransactions; Days90 when left out.'),
  accountsFilter: z
    .array(z.string().trim().min(1).max(100))
    .max(50)
    .optional()
    .describe('Account Ids (AccountsFilter of GetAccountsDetail and GetStatements); left out or empty: every account.'),
  withAccountIdentity: z.boolean().optional().describe('GetAccountsDetail WithAccountIdentity (transit, institution and account numbers); true when left out.'),
  withKYC: z.boolean().optional().describe('GetAccountsDetail WithKYC (the holder); true when left out.'),
  withTransactions: z.boolean().optional().describe('GetAccountsDetail WithTransactions; true when left out.'),
  withBalance: z.boolean().optional().describe('GetAccountsDetail WithBalance; true when left out.'),
  numberOfStatements: z.enum(NUMBER_OF_STATEMENTS).optional().describe('GetStatements NumberOfStatements; MostRecent when left out.'),
});

export const followLinkInputSchema = z.object({
  inspectionId: inspectionIdSchema,
  link: z.enum(['summary', 'detail', 'statements']),
  options: followOptionsSchema.optional(),
});

export const sessionInputSchema = z.object({ inspectionId: inspectionIdSchema });

/**
 * Run again / Reopen: the password only for a live login with credentials (absent: the form is
 * asked for), the production reason, and the click id that makes a double click one inspection.
 */
export const rerunInputSchema = z.object({
  inspectionId: inspectionIdSchema,
  password: z.string().max(200).optional(),
  reason: z.string().max(500).optional(),
  clickId: z.string().min(8).max(64),
});
