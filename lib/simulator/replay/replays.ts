import { randomUUID } from 'node:crypto';
import { REQUEST_ID_IDLE_MS } from '@/lib/flinks/lifetimes';
import { type Ctx, untilAborted } from '../context';
import { parseAuthorizeBody } from '../endpoints/authorize-body';
import { parseDataBody } from '../endpoints/data-body';
import { sessionNonexistent } from '../endpoints/mfa';
import { textPdf } from '../pdf';
import { readJsonObject } from '../request-body';
import { flinksError } from '../responses';
import { liveToken } from '../state';
import { familyOf, type Recorded, type ReplayBundle, type ReplayFamily } from './bundle';

/**
 * Replayed support bundles (docs/flinks-api.md, "Replaying a support bundle"). For a bundle's replay
 * LoginId the simulator answers with the recorded responses instead of its personas:
 *   - Authorize with that LoginId (cached or not) opens a replay session with a fresh RequestId and
 *     serves the recorded Authorize answers in order (a 203 then the MFA answer's 200, or the
 *     recorded error: a session that failed with a FlinksCode fails the same way);
 *   - each Link family (summary, detail incl. its …Async polls, statements) serves its recorded
 *     answers in order, the last one again once they run out; a family never recorded answers
 *     400 METHOD_NOT_AVAILABLE.
 * Tokens (D1, D2), x-api-key (D12) and the idle limit (D3) are checked as for any session; bodies get
 * the fresh RequestId and the replay LoginId in place of the recorded (masked) ones.
 * Everything is in memory; imported bundles survive /_control/reset (they are configuration), replay
 * sessions do not. Other LoginIds and RequestIds go on to the normal simulator (intercept → null).
 */

/** Memory bound of a long-running dev server (20 bundles of 3 MB at most): the oldest import goes first. */
export const MAX_REPLAYS = 20;

type ReplaySession = {
  requestId: string;
  bundle: ReplayBundle;
  authorized: boolean;
  lastActivity: number;
  served: Record<ReplayFamily | 'authorize', number>;
};

export type ReplayInfo = { loginId: string; sourceInspectionId: string; username: string | null; steps: string[] };

export interface Replays {
  /** Adds (or replaces: same source inspection, same LoginId) a parsed bundle. */
  add(bundle: ReplayBundle): ReplayInfo;
  list(): ReplayInfo[];
  /** Drops replay sessions, keeps the imported bundles (/_control/reset). */
  resetSessions(): void;
  /** The replayed answer for a call that belongs to a replay, or null for the normal simulator. */
  intercept(ctx: Ctx, route: string, req: Request, asyncId?: string): Promise<Response | null>;
}

const infoOf = (b: ReplayBundle): ReplayInfo => ({ loginId: b.loginId, sourceInspectionId: b.sourceInspectionId, username: b.username, steps: b.steps });

export function createReplays(initial: readonly ReplayBundle[] = []): Replays {
  const bundles = new Map<string, ReplayBundle>();
  const sessions = new Map<string, ReplaySession>();

  const add = (bundle: ReplayBundle) => {
    bundles.delete(bundle.loginId); // re-inserted last: the newest import is the last evicted
    bundles.set(bundle.loginId, bundle);
    while (bundles.size > MAX_REPLAYS) bundles.delete(bundles.keys().next().value as string);
    return infoOf(bundle);
  };
  initial.forEach(add);

  function liveReplaySession(requestId: string, now: number): ReplaySession | undefined {
    for (const [id, s] of sessions) if (now - s.lastActivity > REQUEST_ID_IDLE_MS) sessions.delete(id); // D3, and bounded memory
    const session = sessions.get(requestId.trim().toLowerCase());
    if (session) session.lastActivity = now;
    return session;
  }

  async function authorize(ctx: Ctx, req: Request): Promise<Response | null> {
    const now = ctx.now();
    // An unusable token, a body that is not JSON, or one the normal path would refuse: the normal path answers.
    const token = liveToken(ctx.state, req.headers.get('flinks-auth-key'), now);
    if (!token) return null;
    const read = await readJsonObject(req.clone(), ctx.opts.maxBodyBytes);
    if (!read.ok) return null;
    const parsed = parseAuthorizeBody(read.value);
    if (!parsed.success) return null;
    const body = parsed.data;
    if (body.RequestId !== undefined) {
      const session = liveReplaySession(body.RequestId, now);
      if (!session) return null;
      if (token.boundRequestId !== session.requestId) return flinksError(401, ctx.opts.tokenErrorCode, 'You must provide a valid authorize token'); // D2
      return serveAuthorize(session, req);
    }
    const bundle = body.LoginId === undefined ? undefined : bundles.get(body.LoginId);
    if (!bundle) return null;
    if (token.boundRequestId !== null) return flinksError(401, ctx.opts.tokenErrorCode, 'You must provide a valid authorize token'); // D2
    const requestId = randomUUID();
    token.boundRequestId = requestId;
    const session: ReplaySession = { requestId, bundle, authorized: false, lastActivity: now, served: { authorize: 0, summary: 0, detail: 0, statements: 0 } };
    sessions.set(requestId, session);
    return serveAuthorize(session, req);
  }

  async function dataCall(ctx: Ctx, family: ReplayFamily, req: Request, asyncId?: string): Promise<Response | null> {
    let requestId = asyncId;
    if (requestId === undefined || req.method !== 'GET') {
      const read = await readJsonObject(req.clone(), ctx.opts.maxBodyBytes);
      if (!read.ok) return null;
      const parsed = parseDataBody(asyncId ? { ...read.value, RequestId: asyncId } : read.value);
      if (!parsed.success) return null;
      requestId = parsed.data.RequestId;
    }
    if (!sessions.has(requestId.trim().toLowerCase())) return null;
    const apiKey = req.headers.get('x-api-key')?.trim();
    if (ctx.opts.requireApiKey && (!apiKey || !ctx.opts.apiKeys.includes(apiKey))) {
      return flinksError(401, 'UNAUTHORIZED', 'You must provide a valid x-api-key'); // D12
    }
    const session = liveReplaySession(requestId, ctx.now());
    if (!session) return sessionNonexistent(requestId); // D3
    if (!session.authorized) {
      return flinksError(401, 'UNAUTHORIZED', 'The session is not authorized: answer the security challenges first.', { RequestId: session.requestId });
    }
    const recorded = session.bundle.data[family];
    if (recorded.length === 0) {
      return flinksError(400, 'METHOD_NOT_AVAILABLE', 'This call was not recorded in the replayed support bundle.', { RequestId: session.requestId });
    }
    return serve(session, family, recorded, req);
  }

  function serveAuthorize(session: ReplaySession, req: Request): Promise<Response> {
    const recorded = session.bundle.authorize;
    const next = recorded[Math.min(session.served.authorize, recorded.length - 1)]!;
    // Only a 200 opens the Links, as on Flinks; a 203 waits for the next Authorize, an error ends nothing more.
    session.authorized = next.kind === 'json' && next.status === 200;
    return serve(session, 'authorize', recorded, req);
  }

  async function serve(session: ReplaySession, family: ReplayFamily | 'authorize', recorded: Recorded[], req: Request): Promise<Response> {
    const next = recorded[Math.min(session.served[family], recorded.length - 1)]!;
    session.served[family] += 1;
    switch (next.kind) {
      case 'silence':
        await untilAborted(req.signal);
        return flinksError(499, 'CLIENT_CLOSED_REQUEST', 'The client went away.');
      case 'text':
        return new Response(next.text, { status: next.status, headers: { 'content-type': 'text/html', 'cache-control': 'no-store' } });
      case 'json':
        return new Response(JSON.stringify(rewrite(next.body, session)), {
          status: next.status,
          headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
        });
    }
  }

  return {
    add,
    list: () => [...bundles.values()].map(infoOf),
    resetSessions: () => sessions.clear(),
    async intercept(ctx, route, req, asyncId) {
      if (bundles.size === 0) return null; // the usual case: no cost on the normal path
      const family = familyOf(route);
      if (family === null) return null;
      return family === 'authorize' ? authorize(ctx, req) : dataCall(ctx, family, req, asyncId);
    },
  };
}

/**
 * The recorded body with this session's identifiers: the fresh RequestId wherever a recorded one
 * was (RequestId fields, Links examples, messages), the replay LoginId where the masked one was, and
 * a small stand-in PDF where the bundle kept only the size of a statement.
 */
function rewrite(value: unknown, session: ReplaySession): unknown {
  if (typeof value === 'string') {
    if (session.bundle.maskedLoginId !== null && value === session.bundle.maskedLoginId) return session.bundle.loginId;
    let out = value;
    for (const id of session.bundle.recordedRequestIds) out = out.split(id).join(session.requestId);
    return out;
  }
  if (Array.isArray(value)) return value.map((v) => rewrite(v, session));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key.toLowerCase() === 'base64bytes' && typeof v === 'string' && v.startsWith('[') ? standInPdf(v) : rewrite(v, session),
    ]),
  );
}

function standInPdf(note: string): string {
  return textPdf(['Statement replayed from a support bundle.', 'The bundle keeps only its size:', note]).toString('base64');
}
