import { bindLogContext } from '@/lib/log';
import type { Inspection, InspectionStore, MfaContinuation } from '@/lib/store/types';
import type { InspectorDeps } from './deps';
import { MFA_EXPIRED_MESSAGE } from './expire-abandoned-mfa';
import { CLOSE_REASONS, moveTo } from './inspection-state';
import type { AnswerMfaInput } from './mfa-schema';
import { openAuthorizeToken } from './sealed';
import { settleAuthorize, type Alongside } from './settle';
import { trackUpstreamCall } from './upstream-calls';
import { settledResult } from './settled-result';
import type { InspectionResult } from './views';

/** How long an answer may hold its round when deps say nothing: the default Flinks timeout and a margin. */
const DEFAULT_ANSWER_LEASE_MS = 75_000;
/** How often an answer that waits for another one looks at the store. */
const WAIT_POLL_MS = 100;

// Answers in flight in this process, per store (a second store on the same database acts as a
// second instance, which is how the tests exercise the lease).
const inFlight = new WeakMap<InspectionStore, Map<string, Promise<InspectionResult>>>();

/**
 * Sends one MFA round's answers with the same authorize token and RequestId as the 203 (D2),
 * both read from the server-side continuation of this inspection.
 *
 * Answers to one round are serialised: Flinks must see one answer per round, and a double submit,
 * a second tab or another instance must not turn a good answer into a failure. In this process a
 * second answer shares the first one's promise; across instances the first claims a lease on the
 * continuation (a conditional UPDATE) and the others wait for it to settle, then read the result
 * the store holds. Either way there is exactly one upstream call.
 */
export async function answerMfa(
  input: AnswerMfaInput,
  deps: InspectorDeps,
  /** The inspection as the caller just read it (for its owner check), so it is not read twice. */
  known?: Inspection | null,
  /** See settle.ts; a second answer sharing the first one's call gets no alongside run. */
  alongside?: Alongside,
): Promise<InspectionResult> {
  let mine = inFlight.get(deps.store);
  if (!mine) inFlight.set(deps.store, (mine = new Map()));
  const running = mine.get(input.inspectionId);
  if (running) return running;
  const answering = answerOnce(input, deps, known, alongside).finally(() => mine.delete(input.inspectionId));
  mine.set(input.inspectionId, answering);
  return answering;
}

const expiredResult = (inspectionId: string): InspectionResult => ({
  kind: 'error',
  inspectionId,
  error: { kind: 'app', message: MFA_EXPIRED_MESSAGE },
  mfaOpen: false,
});

async function answerOnce(input: AnswerMfaInput, deps: InspectorDeps, known?: Inspection | null, alongside?: Alongside): Promise<InspectionResult> {
  const { store, client, now } = deps;
  const inspection = known?.id === input.inspectionId ? known : await store.getInspection(input.inspectionId);
  if (!inspection) {
    return { kind: 'error', inspectionId: null, error: { kind: 'app', message: 'This session is unknown. Start over to open a new one.' }, mfaOpen: false };
  }
  bindLogContext({ inspectionId: inspection.id, requestId: inspection.requestId ?? undefined });
  const id = inspection.id;
  // Settled already (by an answer from another tab or instance): say how, without calling Flinks.
  if (inspection.status === 'authorized') return settledResult(deps, id);
  const leaseMs = deps.answerLeaseMs ?? DEFAULT_ANSWER_LEASE_MS;
  const at = now();
  // The claim first: the usual case (an open round nobody is answering) costs one statement. Only
  // when it fails, or the round it claimed has run out, is the continuation read to tell why.
  const claim = await store.claimAnswer(id, at, new Date(at.getTime() + leaseMs));
  const continuation = claim ?? (await store.getContinuation(id));
  if (!continuation || continuation.expiresAt.getTime() <= at.getTime()) {
    // Gone because another answer settled the round since we read the inspection: tell its outcome.
    if (!claim && continuation && isLeased(continuation, at)) return waitForSettled(deps, id, leaseMs);
    const closed = continuation
      ? (await store.settle(id, { transition: moveTo('failed', { statusReason: CLOSE_REASONS.abandonedMfa }), continuation: 'delete' })).ok
      : (await store.transition(id, moveTo('failed', { statusReason: CLOSE_REASONS.abandonedMfa }))) !== null;
    if (!closed && (await store.getInspection(id))?.status === 'authorized') return settledResult(deps, id);
    return expiredResult(id);
  }
  if (!claim) return waitForSettled(deps, id, leaseMs);
  const claimed = claim;

  try {
    const token = openAuthorizeToken(deps.keyring, claimed.authorizeToken);
    if (!token.ok) {
      // Sealed with a key this server no longer holds (or altered): the round cannot be answered.
      await store.settle(id, { transition: moveTo('failed', { statusReason: CLOSE_REASONS.unreadableToken }), continuation: 'delete' });
      return {
        kind: 'error',
        inspectionId: id,
        error: { kind: 'app', message: `${CLOSE_REASONS.unreadableToken} Start over to open a new session.` },
        mfaOpen: false,
      };
    }
    // Cancel aborts the answer on its way (this process); the round stays answerable (settle.ts).
    const call = trackUpstreamCall(id);
    const result = await client.authorize(token.value, { RequestId: claimed.requestId, SecurityResponses: input.responses }, { signal: call.signal }).finally(call.done);
    return await settleAuthorize(deps, id, token.value, result, 'answer', claimed.round, { alongside });
  } catch (error) {
    // The store failed mid-way (its transaction rolled back): give the round back so it can be answered again.
    await store.settle(id, { continuation: 'release' }).catch(() => undefined);
    throw error;
  }
}

const isLeased = (c: MfaContinuation, at: Date) => c.answeringUntil !== null && c.answeringUntil.getTime() > at.getTime();

/** Another answer holds the round: wait (wall clock) until it settles or its lease runs out. */
async function waitForSettled(deps: InspectorDeps, id: string, leaseMs: number): Promise<InspectionResult> {
  const deadline = Date.now() + leaseMs + 1_000;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
    const c = await deps.store.getContinuation(id);
    if (!c || !isLeased(c, deps.now())) return settledResult(deps, id);
  }
  return settledResult(deps, id);
}
