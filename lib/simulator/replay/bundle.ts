import { z } from 'zod';
import { URL_NAMESPACE, uuidV5 } from '../uuid-v5';
import { MAX_BUNDLE_BYTES, tooBigMessage } from './limits';

export { MAX_BUNDLE_BYTES } from './limits';

/**
 * What a replayable support bundle is: the file `/sessions/{id}/bundle` downloads
 * (lib/inspector/support-bundle.ts, format `flinks-session-inspector/support-bundle@1`), read back by
 * the simulator. Only what replay needs is checked; every other field may come and go. The bundle is
 * already masked and carries no secret, so nothing here has any to handle.
 *
 * The simulator keeps its own copy of the format name rather than importing lib/inspector (it depends
 * on zod and the pure parts of lib/flinks only); support-bundle-replay.test.ts holds the two together.
 */

export const SUPPORT_BUNDLE_FORMAT = 'flinks-session-inspector/support-bundle@1';

/** A session with more exchanges than this is not one a person clicked through. */
export const MAX_BUNDLE_STEPS = 2000;

const OUTCOMES = ['ok', 'mfa_required', 'pending', 'flinks_error', 'transport_error'] as const;

const stepSchema = z.object({
  seq: z.number().int().min(0),
  endpoint: z.string().min(1).max(100),
  httpStatus: z.number().int().min(100).max(599).nullable(),
  outcome: z.enum(OUTCOMES),
  // A parsed JSON body, `{ text }` for a body that was not JSON, or null when nothing came back.
  response: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable().optional(),
});

const bundleSchema = z.object({
  format: z.literal(SUPPORT_BUNDLE_FORMAT, { error: `format must be "${SUPPORT_BUNDLE_FORMAT}"` }),
  inspection: z.object({
    id: z.string().min(1).max(100),
    mode: z.string().max(20).optional(),
    status: z.string().max(40).optional(),
    institution: z.string().max(200).nullable().optional(),
    username: z.string().max(200).nullable().optional(),
    /** Masked in the bundle ("5e115eac…"): replay issues its own LoginId. */
    loginId: z.string().max(200).nullable().optional(),
    requestId: z.string().max(200).nullable().optional(),
  }),
  steps: z.array(stepSchema).min(1, { error: 'the bundle has no steps' }).max(MAX_BUNDLE_STEPS),
});

export type SupportBundleInput = z.infer<typeof bundleSchema>;
type BundleStep = z.infer<typeof stepSchema>;

/** One recorded answer, as the simulator will serve it again. */
export type Recorded =
  | { kind: 'json'; status: number; body: Record<string, unknown> }
  | { kind: 'text'; status: number; text: string }
  /** Nothing came back (a timeout or a network failure): replay answers nothing until the caller gives up. */
  | { kind: 'silence' };

export type ReplayFamily = 'summary' | 'detail' | 'statements';

export type ReplayBundle = {
  /** The LoginId the simulator answers for: UUID v5 of the source inspection id (same bundle, same LoginId). */
  loginId: string;
  sourceInspectionId: string;
  username: string | null;
  /** The bundle's masked LoginId ("5e115eac…"), replaced by `loginId` in every replayed body. */
  maskedLoginId: string | null;
  /** RequestIds of the recording, replaced by the replay session's fresh one in every replayed body. */
  recordedRequestIds: string[];
  authorize: Recorded[];
  data: Record<ReplayFamily, Recorded[]>;
  /** "Authorize 200", "GetAccountsDetail 202 OPERATION_PENDING", … in order: what was loaded. */
  steps: string[];
};

export type ParseBundleResult = { ok: true; bundle: ReplayBundle } | { ok: false; problem: string };

const FAMILIES: Record<string, ReplayFamily> = {
  getaccountssummary: 'summary',
  getaccountssummaryasync: 'summary',
  getaccountsdetail: 'detail',
  getaccountsdetailasync: 'detail',
  getstatements: 'statements',
  getstatementsasync: 'statements',
};

export function familyOf(endpoint: string): ReplayFamily | 'authorize' | null {
  const lower = endpoint.toLowerCase();
  if (lower === 'authorize') return 'authorize';
  return FAMILIES[lower] ?? null;
}

/** The replay's LoginId: deterministic, so importing the same bundle again replaces it instead of adding one. */
export function replayLoginId(sourceInspectionId: string): string {
  return uuidV5(`flinks://replay/${sourceInspectionId}`, URL_NAMESPACE);
}

/** Bytes or text of a file → a replayable bundle, or one sentence saying what is wrong with it. */
export function parseSupportBundle(input: string | Uint8Array): ParseBundleResult {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > MAX_BUNDLE_BYTES) return { ok: false, problem: tooBigMessage(size) };
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
  if (text.trim() === '') return { ok: false, problem: 'The file is empty.' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'The file is not JSON: choose the .json file that "Download support bundle" saved.' };
  }
  const parsed = bundleSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : 'the file'}: ${i.message}`);
    return { ok: false, problem: `This is not a support bundle the simulator can replay (${where.join('; ')}).` };
  }
  return compile(parsed.data);
}

function recordedOf(step: BundleStep): Recorded | null {
  const status = step.httpStatus ?? (typeof step.response?.HttpStatusCode === 'number' ? step.response.HttpStatusCode : null);
  if (step.outcome === 'transport_error') {
    // A call we cancelled ourselves (the page went away) was never answered by Flinks: not part of the story.
    if (step.error && /cancelled/i.test(step.error)) return null;
    const text = step.response?.text;
    if (typeof text === 'string') return { kind: 'text', status: status ?? 200, text };
    if (step.response === null) return { kind: 'silence' };
  }
  if (step.response === null) return { kind: 'silence' };
  return { kind: 'json', status: status ?? 200, body: step.response };
}

function describe(step: BundleStep): string {
  const code = typeof step.response?.FlinksCode === 'string' ? ` ${step.response.FlinksCode}` : '';
  if (step.outcome === 'transport_error') return `${step.endpoint} ${step.httpStatus ?? 'no answer'}${step.error ? ` (${step.error})` : ''}`;
  return `${step.endpoint} ${step.httpStatus ?? '?'}${code}`;
}

function compile(b: SupportBundleInput): ParseBundleResult {
  const authorize: Recorded[] = [];
  const data: Record<ReplayFamily, Recorded[]> = { summary: [], detail: [], statements: [] };
  const steps: string[] = [];
  const requestIds = new Set<string>();
  if (b.inspection.requestId) requestIds.add(b.inspection.requestId);
  for (const step of [...b.steps].sort((x, y) => x.seq - y.seq)) {
    const family = familyOf(step.endpoint);
    if (!family) continue; // GenerateAuthorizeToken: the simulator issues fresh tokens, never the recorded ones.
    const recorded = recordedOf(step);
    if (!recorded) continue;
    const id = step.response?.RequestId;
    if (typeof id === 'string' && id.length >= 8) requestIds.add(id);
    (family === 'authorize' ? authorize : data[family]).push(recorded);
    steps.push(describe(step));
  }
  if (authorize.length === 0) {
    return { ok: false, problem: 'This bundle has no Authorize answer to replay (the session failed before Flinks answered Authorize).' };
  }
  const masked = b.inspection.loginId ?? null;
  return {
    ok: true,
    bundle: {
      loginId: replayLoginId(b.inspection.id),
      sourceInspectionId: b.inspection.id,
      username: b.inspection.username ?? null,
      maskedLoginId: masked && masked.length > 0 ? masked : null,
      // Longest first, so one id that contains another is replaced whole.
      recordedRequestIds: [...requestIds].sort((x, y) => y.length - x.length),
      authorize,
      data,
      steps,
    },
  };
}
