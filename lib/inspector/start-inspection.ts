import { randomUUID } from 'node:crypto';
import type { AuthorizeBody } from '@/lib/flinks/schemas';
import { bindLogContext } from '@/lib/log';
import { isUuid } from '@/lib/store/cursor';
import type { InspectorDeps } from './deps';
import type { AuthorizeInput } from './form-schema';
import { CLOSE_REASONS, moveTo } from './inspection-state';
import { trackUpstreamCall } from './upstream-calls';
import { exchangeStep, stepOutcomeOf } from './record';
import { settleAuthorize, type Alongside } from './settle';
import { toFlinksErrorView, toTransportErrorView, type InspectionResult } from './views';

/** The Authorize body for a parsed form: cached sends LoginId + MostRecentCached:true (§3.1). */
export function authorizeBodyFor(input: AuthorizeInput): AuthorizeBody {
  if (input.mode === 'cached') {
    return { LoginId: input.loginId, MostRecentCached: true, ...(input.tag ? { Tag: input.tag } : {}) };
  }
  // A LoginId in live mode is a live refresh of a saved login; credentials are not sent with it.
  const who = input.loginId
    ? { LoginId: input.loginId }
    : { Institution: input.institution, Username: input.username, Password: input.password };
  return { ...who, MostRecentCached: false, Save: input.save, Language: input.language, ...(input.tag ? { Tag: input.tag } : {}) };
}

/** The promise's value if it settles before the event loop's next turn (no I/O, no timer), else undefined. */
function answeredThisTurn<T>(pending: Promise<T>): Promise<T | undefined> {
  return Promise.race([pending, new Promise<undefined>((resolve) => setImmediate(() => resolve(undefined)))]);
}

/**
 * Opens one inspection: a fresh authorize token (secret key), then Authorize. Every exchange is
 * recorded before this returns; the token never leaves the server.
 */
export async function startInspection(
  input: AuthorizeInput,
  deps: InspectorDeps,
  /** parentId links a reopened session to the expired one it replaces; alongside: see settle.ts. */
  opts: { parentId?: string; id?: string; alongside?: Alongside } = {},
): Promise<InspectionResult> {
  const { store, client } = deps;
  const live = input.mode === 'live';
  // The browser may propose the id (so it can link to and cancel the inspection while its first call
  // runs); anything else gets a fresh one.
  const proposed = opts.id && isUuid(opts.id) ? opts.id : randomUUID();
  const newRow = {
    mode: input.mode,
    environment: deps.environment,
    loginId: input.loginId ?? null,
    tag: input.tag ?? null,
    institution: live ? input.institution : null,
    username: live ? (input.username ?? null) : null,
    language: live ? input.language : null,
    parentId: opts.parentId ?? null,
    openedById: deps.viewer?.id ?? null,
    openedByEmail: deps.viewer?.email.toLowerCase() ?? null,
  };
  bindLogContext({ inspectionId: proposed });
  // Cancel (here or on another instance) aborts both calls: see upstream-calls.ts.
  let call = trackUpstreamCall(proposed, { store, whileStatus: 'in_progress' });
  try {
    // The row is written while the token is fetched (issue 10: with a real network every write we
    // wait for adds to the user's wait). Nothing is recorded about the token before the row exists.
    const [inspection, firstToken] = await Promise.all([store.createInspection({ ...newRow, id: proposed }), client.generateAuthorizeToken({ signal: call.signal })]);
    let token = firstToken;
    const id = inspection.id;
    if (id !== proposed) {
      // The proposed id was taken (a replayed or forged start): the token was tracked and watched
      // under someone else's row, so it is fetched again under our own.
      call.done();
      bindLogContext({ inspectionId: id });
      call = trackUpstreamCall(id, { store, whileStatus: 'in_progress' });
      token = await client.generateAuthorizeToken({ signal: call.signal });
    }
    const tokenStep = stepOutcomeOf(token);
    if (token.kind !== 'ok') {
      const cancelled = token.kind === 'transport_error' && token.reason === 'aborted';
      const step = exchangeStep(deps, token.exchange, cancelled ? 'cancelled' : tokenStep.outcome, tokenStep.flinksCode);
      const error = token.kind === 'flinks_error' ? toFlinksErrorView(token.status, token.error, token.exchange.responseHeaders) : toTransportErrorView(token, token.exchange.responseHeaders);
      const reason = cancelled ? { statusReason: CLOSE_REASONS.cancelled } : {};
      await store.settle(id, { step, transition: moveTo('failed', { flinksCode: token.kind === 'flinks_error' ? token.error.FlinksCode : null, ...reason }) });
      return { kind: 'error', inspectionId: id, error, mfaOpen: false };
    }
    // Authorize is sent first, and the token's step built while Flinks answers. An answer that is
    // there at once (the embedded simulator) is written with the token's step in one statement; when
    // Flinks makes us wait, the token's step is written during the wait instead (issue 10: with
    // 100 ms per call, the work after the answer went from 5.6 to 4.4 ms at p50; done always, it
    // cost an instant answer 1.2 ms). Either way it is written first, so seq keeps the call order.
    const answering = client.authorize(token.token, authorizeBodyFor(input), { signal: call.signal });
    const step = exchangeStep(deps, token.exchange, tokenStep.outcome, tokenStep.flinksCode);
    const alongside = opts.alongside;
    const instant = await answeredThisTurn(answering);
    if (instant) return await settleAuthorize(deps, id, token.token, instant, 'start', 0, { before: [step], alongside });
    const [answer] = await Promise.all([answering, store.appendStep(id, step)]);
    return await settleAuthorize(deps, id, token.token, answer, 'start', 0, { alongside });
  } finally {
    call.done();
  }
}
