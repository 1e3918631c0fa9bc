import { z } from 'zod';
import { PERSONAS } from '@/lib/flinks/personas';
import { followOptionsSchema } from '@/lib/inspector/session-action-schema';
import { INSPECTION_STATUSES } from '@/lib/store/schema';

/**
 * The shapes of /api/v1, in zod: requests are parsed with them at the edge, and the OpenAPI document
 * (lib/api/openapi.ts) is generated from them, so the document cannot drift from what is parsed.
 * Each body schema is registered under a component name. Responses are typed from them too
 * (z.infer), and the contract tests check every answer against the generated document.
 */

export const apiRegistry = z.registry<{ id: string; description?: string }>();
const named = <T extends z.ZodType>(id: string, description: string, schema: T): T => {
  apiRegistry.add(schema, { id, description });
  return schema;
};

const uuid = z.uuid();
const isoDate = z.iso.datetime({ offset: true });
const nullableString = z.string().nullable();

export const LINK_NAMES = ['accounts-summary', 'accounts-detail', 'statements'] as const;
export const linkNameSchema = z.enum(LINK_NAMES);
export type LinkName = z.infer<typeof linkNameSchema>;

export const problemSchema = named(
  'Problem',
  'RFC 9457 problem details. Flinks failures add flinksCode with its explanation, who acts and whether retrying helps.',
  z.object({
    type: z.string(),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    instance: z.string().optional(),
    flinksCode: z.string().optional(),
    explanation: z.string().optional(),
    whoActs: z.enum(['customer', 'our_team', 'flinks', 'nobody']).optional(),
    whoActsLabel: z.string().optional(),
    retry: z.enum(['yes', 'no', 'later']).optional(),
    retryLabel: z.string().optional(),
    action: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional(),
    inspectionId: z.string().optional(),
  }),
);

const text = (max: number) => z.string().max(max);

export const openInspectionSchema = named(
  'OpenInspection',
  'The authorize form: cached (a LoginId) or live (a persona, or institution + username + password, or a LoginId to refresh).',
  z.discriminatedUnion('mode', [
    z.object({
      mode: z.literal('cached'),
      loginId: text(100),
      tag: text(200).optional(),
      reason: text(500).optional(),
    }),
    z.object({
      mode: z.literal('live'),
      persona: z.enum(PERSONAS.map((p) => p.username) as [string, ...string[]]).optional().describe('A test persona (institution FlinksCapital, its password filled in); not offered against production.'),
      institution: text(100).optional(),
      username: text(200).optional(),
      password: text(200).optional(),
      loginId: text(100).optional(),
      language: z.enum(['en', 'fr']).optional(),
      save: z.boolean().optional(),
      tag: text(200).optional(),
      reason: text(500).optional(),
    }),
  ]),
);
export type OpenInspectionBody = z.infer<typeof openInspectionSchema>;

export const answersSchema = named(
  'MfaAnswers',
  'One MFA round: answers keyed by the exact prompt, or by the question chosen from a list (QuestionAndAnswer with Iterables). A value may be a string or, for Checkbox, several.',
  z.object({
    answers: z.record(text(1000), z.union([text(200_000), z.array(text(200_000)).min(1).max(50)])),
  }),
);

const challengeSchema = named(
  'Challenge',
  'One MFA question: its type, the exact prompt to key the answer by, and the values offered.',
  z.object({
    type: z.string(),
    prompt: z.string(),
    iterables: z.array(z.string()),
    images: z.array(z.object({ src: nullableString, problem: nullableString })).optional(),
  }),
);

const sessionSchema = z.object({
  requestId: z.string(),
  loginId: z.string(),
  username: nullableString,
  loginType: nullableString,
  lastRefresh: nullableString,
  isScheduledRefresh: z.boolean().nullable(),
  institution: nullableString,
  institutionName: nullableString,
  institutionId: z.number().nullable(),
  tag: nullableString,
  links: z.array(z.object({ rel: z.string(), href: z.string() })),
});

// One list of statuses: the store's (the state machine may add one; the document follows).
export { INSPECTION_STATUSES };

export const inspectionOutcomeSchema = named(
  'InspectionOutcome',
  'Where an inspection stands after opening it or answering a round: authorized (session), mfa_pending (challenges to answer), or failed (error).',
  z.object({
    id: uuid,
    status: z.enum(INSPECTION_STATUSES),
    requestId: nullableString,
    loginId: nullableString,
    session: sessionSchema.nullable(),
    challenges: z.array(challengeSchema),
    /** Why the last call failed (also when a new round follows a wrong answer). */
    error: problemSchema.nullable(),
    mfaOpen: z.boolean(),
  }),
);
export type InspectionOutcome = z.infer<typeof inspectionOutcomeSchema>;

export const inspectionSummarySchema = named(
  'Inspection',
  'One attempt to open a Flinks session, as the history lists it.',
  z.object({
    id: uuid,
    createdAt: isoDate,
    updatedAt: isoDate,
    lastActivityAt: isoDate.nullable(),
    mode: z.enum(['cached', 'live']),
    environment: z.string(),
    institution: nullableString,
    username: nullableString,
    loginId: nullableString,
    requestId: nullableString,
    tag: nullableString,
    language: nullableString,
    status: z.enum(INSPECTION_STATUSES),
    flinksCode: nullableString,
    parentId: nullableString,
    openedByEmail: nullableString,
  }),
);
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

export const inspectionPageSchema = named(
  'InspectionPage',
  'A page of the history, newest first; pass nextCursor as cursor for the next (older) page.',
  z.object({ items: z.array(inspectionSummarySchema), nextCursor: nullableString }),
);

const timelineStepSchema = named(
  'TimelineStep',
  'One exchange with Flinks, redacted (secrets as placeholders) and masked (holder data) as on screen.',
  z.object({
    seq: z.int(),
    endpoint: z.string(),
    method: z.string(),
    startedAt: isoDate,
    httpStatus: z.int().nullable(),
    flinksCode: nullableString,
    outcome: z.enum(['ok', 'mfa_required', 'pending', 'flinks_error', 'transport_error', 'cancelled']),
    durationMs: z.number(),
    error: nullableString,
    request: z.unknown(),
    response: z.unknown(),
    curl: z.string(),
  }),
);

export const inspectionDetailSchema = named(
  'InspectionDetail',
  'One inspection with its timeline, as the session page shows it.',
  z.object({
    inspection: inspectionSummarySchema,
    timeline: z.array(timelineStepSchema),
    lastFlinksCode: nullableString,
    followable: z.boolean(),
    notFollowableReason: nullableString,
  }),
);

const accountSchema = z.object({
  id: z.string(),
  title: nullableString,
  type: nullableString,
  category: nullableString,
  accountType: nullableString,
  currency: nullableString,
  current: z.number().nullable(),
  available: z.number().nullable(),
  limit: z.number().nullable(),
  overdraftLimit: z.number().nullable(),
  lastFour: nullableString,
  transitNumber: nullableString,
  holder: z.object({ name: nullableString, email: nullableString, phone: nullableString, address: nullableString }).nullable(),
  transactions: z.array(
    z.object({
      id: z.string(),
      date: z.string(),
      description: z.string(),
      code: nullableString,
      debit: z.number().nullable(),
      credit: z.number().nullable(),
      balance: z.number().nullable(),
    }),
  ),
});

const statementSchema = z.object({
  uniqueId: z.string(),
  accountLastFour: nullableString,
  periodStart: nullableString.describe('First day the statement covers (YYYY-MM-DD), when Flinks gives it.'),
  periodEnd: nullableString.describe('Last day the statement covers (YYYY-MM-DD), when Flinks gives it.'),
  fileType: z.string(),
  bytes: z.int(),
  base64: z.string(),
});

export const linkResultSchema = named(
  'LinkResult',
  'A Link followed: the data (status ok), or still being collected (status pending, HTTP 202: poll again or pass wait=true).',
  z.object({
    inspectionId: uuid,
    link: linkNameSchema,
    status: z.enum(['ok', 'pending']),
    flinksCode: nullableString,
    message: nullableString,
    /** How many times the server polled GetAccountsDetailAsync while waiting. */
    polls: z.int(),
    accounts: z.array(accountSchema).optional(),
    statements: z.array(statementSchema).optional(),
  }),
);
export type LinkResult = z.infer<typeof linkResultSchema>;

export const bundleSchema = named(
  'SupportBundle',
  'The support bundle (the same file as the session page downloads): inspection, timeline and explained codes, secrets redacted.',
  z.looseObject({
    format: z.string(),
    generatedAt: isoDate,
    inspection: z.looseObject({ id: uuid }),
  }),
);

/** History filters, as /sessions has them in its URL, plus a page size. */
export const historyQuerySchema = z.object({
  loginId: text(100).optional(),
  requestId: text(100).optional(),
  tag: text(200).optional(),
  institution: text(100).optional(),
  mode: z.enum(['cached', 'live']).optional(),
  status: z.enum(INSPECTION_STATUSES).optional(),
  from: z.iso.date().optional().describe('First day (UTC), e.g. 2026-01-21.'),
  to: z.iso.date().optional().describe('Last day (UTC), included.'),
  cursor: text(500).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional().describe('Page size, 20 by default.'),
});

/** Optional body of followLink: the window to ask Flinks for (the session page's Fetch options). */
export const followOptionsBodySchema = named(
  'FollowOptions',
  'What to ask Flinks for: DaysOfTransactions, AccountsFilter and the With… flags of GetAccountsDetail, NumberOfStatements of GetStatements. Every field is optional; no body asks Days90, every account, every flag, the most recent statement.',
  followOptionsSchema,
);

export const followQuerySchema = z.object({
  wait: z.enum(['true', 'false']).optional().describe('accounts-detail: poll the 202 on the server until the data is ready (bounded by waitSeconds).'),
  waitSeconds: z.coerce.number().int().min(1).max(300).optional().describe('How long wait=true may take, 60 by default.'),
});

const compareStepSchema = z.object({ seq: z.int(), endpoint: z.string(), httpStatus: z.int().nullable(), outcome: z.string(), flinksCode: nullableString });
const accountSideSchema = z.object({ title: nullableString, currency: nullableString, current: z.number().nullable(), available: z.number().nullable(), transactionCount: z.int() });
const transactionSchema = accountSchema.shape.transactions.element;

export const comparisonSchema = named(
  'Comparison',
  'Two sessions side by side, masked like the session page: fields (differs: false for fields that always differ, such as the RequestId), accounts matched by id with b − a balance differences and the transactions present in only one, and the step sequences.',
  z.object({
    a: z.object({ id: uuid, accountsSource: nullableString }),
    b: z.object({ id: uuid, accountsSource: nullableString }),
    fields: z.array(z.object({ label: z.string(), a: nullableString, b: nullableString, differs: z.boolean() })),
    accountsCompared: z.boolean(),
    accounts: z.array(
      z.object({
        id: z.string(),
        title: nullableString,
        a: accountSideSchema.nullable(),
        b: accountSideSchema.nullable(),
        currentDiff: z.number().nullable(),
        availableDiff: z.number().nullable(),
        onlyInA: z.array(transactionSchema),
        onlyInB: z.array(transactionSchema),
        differs: z.boolean(),
      }),
    ),
    steps: z.array(z.object({ index: z.int(), a: compareStepSchema.nullable(), b: compareStepSchema.nullable(), differs: z.boolean() })),
    differences: z.int(),
  }),
);

/** /compare's query over the API: two inspection ids or Request IDs (what the header Search takes, when it names one session). */
export const compareQuerySchema = z.object({
  a: z.string().min(1).max(200).describe('An inspection id or a Request ID.'),
  b: z.string().min(1).max(200).describe('An inspection id or a Request ID.'),
});
