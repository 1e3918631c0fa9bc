import { z } from 'zod';

/**
 * Wire shapes of the Flinks API, PascalCase as Flinks sends them (docs/flinks-api.md §3-§8).
 * Importable anywhere (client, simulator, tests): no secrets, no server-only code.
 * Response objects are loose: extra fields Flinks adds later must not break parsing.
 */

export const FLINKS_CHALLENGE_TYPES = [
  'QuestionAndAnswer',
  'MultipleChoice',
  'MultipleChoiceMultipleAnswers',
  'ImageSelection',
  'TextOrCall',
] as const;
export type KnownChallengeType = (typeof FLINKS_CHALLENGE_TYPES)[number];

const nullableString = z.string().nullish();
const nullableNumber = z.number().nullish();

export const linkSchema = z.looseObject({
  rel: z.string(),
  href: z.string(),
  example: nullableString,
});
export type FlinksLink = z.infer<typeof linkSchema>;

/** Type stays a plain string: an unknown challenge type is kept and rendered as a generic text field. */
export const securityChallengeSchema = z.looseObject({
  Type: z.string(),
  Prompt: z.string(),
  Iterables: z.array(z.string()).nullish(),
});
export type SecurityChallenge = z.infer<typeof securityChallengeSchema>;

export const loginSchema = z.looseObject({
  Username: nullableString,
  IsScheduledRefresh: z.boolean().nullish(),
  LastRefresh: nullableString,
  Type: nullableString,
  Id: z.string(),
});
export type FlinksLogin = z.infer<typeof loginSchema>;

const statusOf = <S extends number>(s: S) => z.literal(s);

export const generateTokenResponseSchema = z.looseObject({
  HttpStatusCode: statusOf(200),
  Token: z.string().min(1),
});

export const authorizeSuccessSchema = z.looseObject({
  HttpStatusCode: statusOf(200),
  Links: z.array(linkSchema).nullish(),
  InstitutionName: nullableString,
  Login: loginSchema,
  InstitutionId: nullableNumber,
  Institution: nullableString,
  RequestId: z.string(),
  Tag: nullableString,
});
export type AuthorizeSuccess = z.infer<typeof authorizeSuccessSchema>;

export const mfaRequiredSchema = z.looseObject({
  HttpStatusCode: statusOf(203),
  Links: z.array(linkSchema).nullish(),
  SecurityChallenges: z.array(securityChallengeSchema).min(1),
  Institution: nullableString,
  InstitutionName: nullableString,
  InstitutionId: nullableNumber,
  RequestId: z.string(),
  Tag: nullableString,
});
export type MfaRequired = z.infer<typeof mfaRequiredSchema>;

/** 202 from data endpoints: OPERATION_PENDING / OPERATION_DISPATCHED (§8.2). */
export const pendingSchema = z.looseObject({
  HttpStatusCode: statusOf(202),
  FlinksCode: z.string(),
  Message: nullableString,
  RequestId: z.string(),
  Links: z.array(linkSchema).nullish(),
});
export type Pending = z.infer<typeof pendingSchema>;

/** Any error body (§4.3). A wrong MFA answer's 401 may carry RequestId + fresh SecurityChallenges. */
export const flinksErrorSchema = z.looseObject({
  HttpStatusCode: z.number().int(),
  FlinksCode: z.string(),
  Message: nullableString,
  RequestId: nullableString,
  SecurityChallenges: z.array(securityChallengeSchema).nullish(),
  ValidationDetails: z.record(z.string(), z.array(z.string())).nullish(),
  Institution: nullableString,
  Tag: nullableString,
});
export type FlinksErrorBody = z.infer<typeof flinksErrorSchema>;

export const balanceSchema = z.looseObject({
  Available: nullableNumber,
  Current: nullableNumber,
  Limit: nullableNumber,
});

export const addressSchema = z.looseObject({
  CivicAddress: nullableString,
  City: nullableString,
  Province: nullableString,
  PostalCode: nullableString,
  POBox: nullableString,
  Country: nullableString,
});

export const holderSchema = z.looseObject({
  Name: nullableString,
  Address: addressSchema.nullish(),
  Email: nullableString,
  PhoneNumber: nullableString,
});
export type Holder = z.infer<typeof holderSchema>;

export const transactionSchema = z.looseObject({
  Date: z.string(),
  Code: nullableString,
  Description: z.string(),
  Debit: nullableNumber,
  Credit: nullableNumber,
  Balance: nullableNumber,
  Id: z.string(),
});
export type Transaction = z.infer<typeof transactionSchema>;

export const accountSchema = z.looseObject({
  Title: nullableString,
  AccountNumber: nullableString,
  LastFourDigits: nullableString,
  TransitNumber: nullableString,
  InstitutionNumber: nullableString,
  OverdraftLimit: nullableNumber,
  Balance: balanceSchema.nullish(),
  Category: nullableString,
  Type: nullableString,
  Currency: nullableString,
  Holder: holderSchema.nullish(),
  AccountType: nullableString,
  EftEligibleRatio: nullableNumber,
  ETransferEligibleRatio: nullableNumber,
  Transactions: z.array(transactionSchema).nullish(),
  Id: z.string(),
});
export type Account = z.infer<typeof accountSchema>;

const sessionEnvelope = {
  HttpStatusCode: statusOf(200),
  Login: loginSchema.nullish(),
  Institution: nullableString,
  InstitutionName: nullableString,
  InstitutionId: nullableNumber,
  RequestId: z.string(),
  Tag: nullableString,
  Links: z.array(linkSchema).nullish(),
};

export const accountsSummarySchema = z.looseObject({ ...sessionEnvelope, Accounts: z.array(accountSchema) });
export type AccountsSummary = z.infer<typeof accountsSummarySchema>;

export const accountsDetailSchema = z.looseObject({ ...sessionEnvelope, Accounts: z.array(accountSchema) });
export type AccountsDetail = z.infer<typeof accountsDetailSchema>;

export const statementSchema = z.looseObject({
  UniqueId: z.string(),
  FileType: z.string(),
  Base64Bytes: z.string(),
});

export const statementsSchema = z.looseObject({
  ...sessionEnvelope,
  StatementsByAccount: z.array(
    z.looseObject({ AccountNumber: nullableString, Statements: z.array(statementSchema) }),
  ),
});
export type Statements = z.infer<typeof statementsSchema>;

/* ---- Request bodies (what we send; the simulator parses these case-insensitively, D8) ---- */

export const languageSchema = z.enum(['en', 'fr']);
export type Language = z.infer<typeof languageSchema>;

export const cachedAuthorizeBodySchema = z.object({
  LoginId: z.string(),
  MostRecentCached: z.literal(true),
  Tag: z.string().optional(),
});

export const liveAuthorizeBodySchema = z.object({
  Institution: z.string().optional(),
  Username: z.string().optional(),
  Password: z.string().optional(),
  LoginId: z.string().optional(),
  MostRecentCached: z.literal(false),
  Save: z.boolean(),
  Language: languageSchema.optional(),
  Tag: z.string().optional(),
});

/** SecurityResponses keys are the exact Prompt strings; values are arrays (§5 step 3). */
export const securityResponsesSchema = z.record(z.string(), z.array(z.string()));
export type SecurityResponses = z.infer<typeof securityResponsesSchema>;

export const mfaAnswerBodySchema = z.object({
  RequestId: z.string(),
  SecurityResponses: securityResponsesSchema,
});

export const authorizeBodySchema = z.union([cachedAuthorizeBodySchema, liveAuthorizeBodySchema, mfaAnswerBodySchema]);
export type AuthorizeBody = z.infer<typeof authorizeBodySchema>;

export const accountsDetailBodySchema = z.object({
  RequestId: z.string(),
  WithAccountIdentity: z.boolean().optional(),
  WithKYC: z.boolean().optional(),
  WithTransactions: z.boolean().optional(),
  WithBalance: z.boolean().optional(),
  DaysOfTransactions: z.enum(['Days90', 'Days365']).optional(),
  AccountsFilter: z.array(z.string()).optional(),
});
export type AccountsDetailBody = z.infer<typeof accountsDetailBodySchema>;

export const statementsBodySchema = z.object({
  RequestId: z.string(),
  NumberOfStatements: z.enum(['MostRecent', 'Months3', 'Months12']).optional(),
  AccountsFilter: z.array(z.string()).optional(),
});
export type StatementsBody = z.infer<typeof statementsBodySchema>;

export const FLINKS_ENDPOINTS = [
  'GenerateAuthorizeToken',
  'Authorize',
  'GetAccountsSummary',
  'GetAccountsSummaryAsync',
  'GetAccountsDetail',
  'GetAccountsDetailAsync',
  'GetStatements',
  'GetStatementsAsync',
] as const;
export type FlinksEndpoint = (typeof FLINKS_ENDPOINTS)[number];
