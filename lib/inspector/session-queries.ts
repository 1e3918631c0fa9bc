import 'server-only';
import { getEnv } from '@/lib/env';
import { configuredSecrets } from '@/lib/flinks/client';
import { describeFlinksCode } from '@/lib/flinks/codes';
import { getStore } from '@/lib/store';
import type { Inspection, Step } from '@/lib/store/types';
import { snapshotOf, type SessionSnapshot } from './compare-sessions';
import { buildCurl } from './copy-as-curl';
import { maskPersonalData } from './mask-personal-data';
import { inspectionIdSchema } from './session-action-schema';
import { personaOf } from './problem-label';
import { parseStoredChallenges } from './stored-challenges';
import { lastFailureOf, lastRefreshOf, storedData, type StoredData, type StoredFailure } from './stored-session-data';
import { buildSupportBundle, type SupportBundle } from './support-bundle';
import type { ChallengeView } from './views';
import { mfaAttempt, wrongAnswersIn, type MfaAttempt } from './mfa-attempts';
import { personaHint } from './persona-hint';

/**
 * What the session page and its bundle route read. Steps already hold placeholders; the configured
 * secret values are scrubbed once more here, on the server, so nothing that leaves carries them.
 */

/** One timeline row as the browser gets it: serializable, with its cURL command built. */
export type TimelineStep = Pick<Step, 'seq' | 'endpoint' | 'method' | 'httpStatus' | 'flinksCode' | 'outcome' | 'durationMs' | 'error' | 'request' | 'response'> & {
  startedAt: string;
  curl: string;
};

/** The session page's data; not views.ts's SessionView, which is one Authorize 200 as the inspector shows it. */
export type SessionPageView = {
  inspection: Inspection;
  timeline: TimelineStep[];
  /** The FlinksCode of the newest step (or the inspection's), for the expiry banner. */
  lastFlinksCode: string | null;
  followable: boolean;
  notFollowableReason: string;
  polling: { intervalMs: number; giveUpMs: number };
  /** The open MFA round (its questions, never answers), while it can still be answered. */
  mfaRound: { challenges: ChallengeView[]; round: number; attempt: MfaAttempt; personaHint: string | null } | null;
  /** Data already fetched, rebuilt from the stored masked steps (no Flinks call on a reload). */
  stored: StoredData;
  /** The failure to explain with the full card (newest failing step), or null. */
  lastFailure: StoredFailure | null;
  /** Flinks' Login.LastRefresh from the newest successful Authorize (UTC, no zone suffix), or null. */
  lastRefresh: string | null;
  /** The username when it is a test persona (a real customer's username is not shown as one). */
  persona: string | null;
  /** FLINKS_TIMEOUT_MS: what one call to Flinks may take (the Refresh cost, the live progress limit). */
  timeoutMs: number;
};

async function load(id: string): Promise<{ inspection: Inspection; steps: Step[] } | null> {
  if (!inspectionIdSchema.safeParse(id).success) return null;
  const store = await getStore();
  const inspection = await store.getInspection(id);
  if (!inspection) return null;
  // Steps are stored masked; masking again on read also covers rows recorded before masking existed.
  const steps = (await store.listSteps(id)).map((s) => ({ ...s, response: maskPersonalData(s.response) }));
  return { inspection, steps };
}

function whyNotFollowable(i: Inspection): string {
  if (i.status === 'expired') return i.statusReason ?? 'The RequestId expired: Flinks closed the session. Reopen it to get a new one.';
  if (i.status === 'failed') {
    if (i.flinksCode) return `This attempt failed with ${i.flinksCode}: ${describeFlinksCode(i.flinksCode).explanation}`;
    if (i.statusReason) return i.statusReason;
    // A RequestId without a code: the MFA round was left unanswered until it expired (D3).
    if (i.requestId) return 'Its MFA round was not completed before the RequestId\'s 8 idle minutes ran out.';
    return 'This attempt failed before Flinks opened a session.';
  }
  if (i.status === 'mfa_pending') return 'This session is waiting for its MFA answers; the Links can be followed once it is authorized.';
  return 'The Links can be followed once the session is authorized and has a RequestId.';
}

export async function loadSessionView(id: string): Promise<SessionPageView | null> {
  const found = await load(id);
  if (!found) return null;
  const { inspection, steps } = found;
  const secrets = configuredSecrets();
  const timeline = steps.map((s) => ({
    seq: s.seq,
    endpoint: s.endpoint,
    method: s.method,
    httpStatus: s.httpStatus,
    flinksCode: s.flinksCode,
    outcome: s.outcome,
    durationMs: s.durationMs,
    error: s.error,
    request: s.request,
    response: s.response,
    startedAt: s.startedAt.toISOString(),
    curl: buildCurl(s, secrets),
  }));
  const { intervalMs, giveUpMs } = getEnv().polling;
  return {
    mfaRound: inspection.status === 'mfa_pending' ? await openRound(inspection, steps) : null,
    inspection,
    timeline,
    lastFlinksCode: steps.at(-1)?.flinksCode ?? inspection.flinksCode,
    // An expired one keeps its Links on screen, disabled under the expiry banner and its Reopen.
    followable: (inspection.status === 'authorized' || inspection.status === 'expired') && Boolean(inspection.requestId),
    notFollowableReason: whyNotFollowable(inspection),
    polling: { intervalMs, giveUpMs },
    stored: storedData(steps),
    lastFailure: lastFailureOf(steps, inspection.status === 'failed'),
    lastRefresh: lastRefreshOf(steps),
    persona: personaOf(inspection.username),
    timeoutMs: getEnv().flinks.timeoutMs,
  };
}

async function openRound(inspection: Inspection, steps: Step[]): Promise<SessionPageView['mfaRound']> {
  const c = await (await getStore()).getContinuation(inspection.id);
  if (!c || c.expiresAt.getTime() <= Date.now()) return null;
  const challenges = parseStoredChallenges(c.challenges);
  if (!challenges) return null;
  // Counted from the steps, like the home page's counter, so a reload shows the same attempt.
  return { challenges, round: c.round, attempt: mfaAttempt(wrongAnswersIn(steps)), personaHint: personaHint(getEnv().flinks.environment, inspection.username) };
}

export async function loadSupportBundle(id: string): Promise<{ bundle: SupportBundle; inspection: Inspection } | null> {
  const found = await load(id);
  if (!found) return null;
  const bundle = buildSupportBundle({
    ...found,
    environment: getEnv().flinks.environment,
    generatedAt: new Date(),
    secrets: configuredSecrets(),
  });
  return { bundle, inspection: found.inspection };
}

/** One side of /compare: the same masked steps as the session page. */
export async function loadCompareSnapshot(id: string, now: Date): Promise<SessionSnapshot | null> {
  const found = await load(id);
  return found ? snapshotOf(found.inspection, found.steps, now) : null;
}

/**
 * What /compare?b=… names: an inspection id, or anything the header Search takes (a pasted Request
 * ID) when it matches exactly one session. Returns the id, or how many matched.
 */
export async function resolveSessionRef(ref: string): Promise<{ id: string } | { matches: number }> {
  const store = await getStore();
  if (inspectionIdSchema.safeParse(ref).success && (await store.getInspection(ref))) return { id: ref };
  const { items } = await store.listInspections({ anyPrefix: ref }, { limit: 2 });
  return items.length === 1 ? { id: items[0]!.id } : { matches: items.length };
}

/** Other sessions of the same Login ID, newest first: the session page's "Compare with…" suggestions. */
export async function listSiblingSessions(inspection: Inspection, limit = 10): Promise<Inspection[]> {
  if (!inspection.loginId) return [];
  const store = await getStore();
  const { items } = await store.listInspections({ loginId: inspection.loginId }, { limit: limit + 1 });
  return items.filter((i) => i.id !== inspection.id).slice(0, limit);
}
