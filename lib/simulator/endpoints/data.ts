import type { Ctx } from '../context';
import { PENDING_FOR_MS } from '../options';
import { asyncLinks, flinksError, invalidRequest, json, link } from '../responses';
import { readJsonObject, validationDetails } from '../request-body';
import { type DetailJob, liveSession, type Session } from '../state';
import { type DataInput, parseDataBody } from './data-body';
import { detailAccounts, statementsByAccount, summaryAccounts } from './data-views';
import { sessionNonexistent } from './mfa';
import { dataEnvelope as envelopeOf } from './session-bodies';

/** Data endpoints (§8, D9, D11, D12). `asyncId` is the {requestId} path segment of …Async calls. */

export type DataEndpoint = 'GetAccountsSummary' | 'GetAccountsDetail' | 'GetStatements';

export async function dataEndpoint(ctx: Ctx, req: Request, endpoint: DataEndpoint, asyncId?: string): Promise<Response> {
  const apiKey = req.headers.get('x-api-key')?.trim();
  if (ctx.opts.requireApiKey && (!apiKey || !ctx.opts.apiKeys.includes(apiKey))) {
    return flinksError(401, 'UNAUTHORIZED', 'You must provide a valid x-api-key'); // D12
  }
  const read = asyncId !== undefined && req.method === 'GET' ? { ok: true as const, value: {} } : await readJsonObject(req, ctx.opts.maxBodyBytes);
  if (!read.ok) {
    return read.tooLarge ? flinksError(413, 'INVALID_REQUEST', read.problem) : invalidRequest({ Body: [read.problem] }, read.problem);
  }
  // D9: async calls take the RequestId from the path; a POST body may repeat it.
  const parsed = parseDataBody(asyncId ? { ...read.value, RequestId: asyncId } : read.value);
  if (!parsed.success) return invalidRequest(validationDetails(parsed.error));
  const input = parsed.data;

  const now = ctx.now();
  const session = liveSession(ctx.state, input.RequestId, now);
  if (!session) return sessionNonexistent(input.RequestId); // D3
  if (session.stage !== 'authorized') {
    // D12: the session is still waiting on MFA.
    return flinksError(401, 'UNAUTHORIZED', 'The session is not authorized: answer the security challenges first.', {
      RequestId: session.requestId,
    });
  }
  if (endpoint === 'GetAccountsDetail') return accountsDetail(ctx, session, input, asyncId !== undefined, now);
  if (endpoint === 'GetAccountsSummary') {
    return json(200, {
      Accounts: summaryAccounts(ctx.opts.seed, session, input),
      Links: [link('AccountsDetail', '/GetAccountsDetail'), link('Statements', '/GetStatements')],
      ...envelopeOf(session),
    });
  }
  // GetStatements: 200 at once (D11); the async twin repeats the last request's options.
  const flags = asyncId !== undefined && session.statementsBody ? session.statementsBody : input;
  if (asyncId === undefined) session.statementsBody = input;
  return json(200, { StatementsByAccount: statementsByAccount(ctx.opts.seed, session, flags, now), ...envelopeOf(session) });
}

/**
 * D11: the first call answers 202; each later call (sync or async) is a poll. After `asyncPolls`
 * polls the job completes (test_pending: after 30 minutes; test_dispatched: DISPATCHED meanwhile).
 */
function accountsDetail(ctx: Ctx, session: Session, input: DataInput, isAsync: boolean, now: number): Response {
  let job = session.detailJob;
  if (!isAsync && (!job || job.done)) {
    job = { body: input, polls: 0, startedAt: now, done: false };
    session.detailJob = job;
    return pending(session);
  }
  if (!job) {
    job = { body: input, polls: 0, startedAt: now, done: false };
    session.detailJob = job;
  }
  if (!isAsync) job.body = input;
  if (!job.done) {
    job.polls += 1;
    job.done = isReady(ctx, session, job, now);
    if (!job.done) return pending(session);
  }
  return json(200, { Accounts: detailAccounts(ctx.opts.seed, session, job.body, now), ...envelopeOf(session) });
}

function isReady(ctx: Ctx, session: Session, job: DetailJob, now: number): boolean {
  if (session.persona.data === 'pending') return now - job.startedAt >= PENDING_FOR_MS;
  return job.polls > ctx.opts.asyncPolls;
}

function pending(session: Session): Response {
  const dispatched = session.persona.data === 'dispatched';
  return flinksError(
    202,
    dispatched ? 'OPERATION_DISPATCHED' : 'OPERATION_PENDING',
    dispatched ? 'Your operations had been dispatched to background process for long running jobs' : 'Your operation is still processing',
    { RequestId: session.requestId, Links: asyncLinks('GetAccountsDetail', session.requestId) },
  );
}
