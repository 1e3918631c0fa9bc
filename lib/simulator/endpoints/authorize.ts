import { randomUUID } from 'node:crypto';
import type { Language } from '@/lib/flinks/schemas';
import { type Ctx, sleep, untilAborted } from '../context';
import { FLINKS_CAPITAL } from '../options';
import { findPersona, passwordMatches, type Persona } from '../personas';
import { flinksError, invalidRequest } from '../responses';
import { readJsonObject } from '../request-body';
import { liveToken, loginIdFor, type Session } from '../state';
import { validationDetails } from '../request-body';
import { type AuthorizeInput, parseAuthorizeBody } from './authorize-body';
import { answerChallenges, completeLogin } from './mfa';
import { authorizedResponse, mfaResponse } from './session-bodies';

/** POST /Authorize: cached, live and MFA-answer calls (§3-§5, D1-D8, D10). */
export async function authorize(ctx: Ctx, req: Request): Promise<Response> {
  const now = ctx.now();
  const tokenError = () => flinksError(401, ctx.opts.tokenErrorCode, 'You must provide a valid authorize token');
  const token = liveToken(ctx.state, req.headers.get('flinks-auth-key'), now);
  if (!token) return tokenError(); // D1

  const read = await readJsonObject(req, ctx.opts.maxBodyBytes);
  if (!read.ok) {
    return read.tooLarge ? flinksError(413, 'INVALID_REQUEST', read.problem) : invalidRequest({ Body: [read.problem] }, read.problem);
  }
  const parsed = parseAuthorizeBody(read.value);
  if (!parsed.success) return invalidRequest(validationDetails(parsed.error));
  const body = parsed.data;

  // D2: a used token is good only for answering MFA in the session it opened.
  if (body.RequestId !== undefined) {
    if (token.boundRequestId !== body.RequestId) return tokenError();
    return answerChallenges(ctx, body.RequestId, body.SecurityResponses ?? {}, now);
  }
  if (token.boundRequestId !== null) return tokenError();

  const target = resolveTarget(ctx, body);
  if ('response' in target) return target.response;

  // The token is spent by the first call that gets this far, whatever its outcome (D2).
  const requestId = randomUUID();
  token.boundRequestId = requestId;
  const session: Session = {
    requestId,
    loginId: loginIdFor(target.persona.username, target.language),
    persona: target.persona,
    language: target.language,
    saved: target.cached || body.Save === true,
    tag: body.Tag,
    lastRefresh: target.lastRefresh ?? now,
    stage: 'authorized',
    round: 0,
    challenges: [],
    wrongAnswers: 0,
    lastActivity: now,
  };
  if (target.cached) {
    // §5: a cached call never triggers MFA.
    ctx.state.sessions.set(requestId, session);
    return authorizedResponse(session);
  }
  return liveLogin(ctx, req, session);
}

type Target =
  | { persona: Persona; language: Language; cached: boolean; lastRefresh?: number }
  | { response: Response };

function resolveTarget(ctx: Ctx, body: AuthorizeInput): Target {
  if (body.LoginId !== undefined) {
    const login = ctx.state.logins.get(body.LoginId);
    if (!login) return { response: flinksError(401, 'INVALID_LOGIN', 'LoginId not found or invalid') };
    const cached = body.MostRecentCached !== false; // OpenAPI default for the LoginId flow is true
    return { persona: login.persona, language: login.language, cached, lastRefresh: cached ? login.lastRefresh : undefined };
  }
  const { Username, Password, Institution } = body;
  if (Username === undefined || Password === undefined || Institution === undefined) {
    const missing = 'Provide a LoginId, a RequestId, or Username, Password and Institution.';
    return { response: invalidRequest({ LoginId: [missing], Username: [missing] }) };
  }
  if (Institution.trim().toLowerCase() !== FLINKS_CAPITAL.code.toLowerCase()) {
    return { response: invalidRequest({ Institution: [`Unknown institution '${Institution}'. The simulator serves ${FLINKS_CAPITAL.code}.`] }) };
  }
  // Choice: an unknown username is INVALID_LOGIN (the documented credentials message), not INVALID_USERNAME.
  const persona = findPersona(Institution, Username);
  if (!persona) return { response: flinksError(401, 'INVALID_LOGIN', 'The card number (username) or password provided is invalid') };
  if (!passwordMatches(Password)) return { response: flinksError(401, 'INVALID_PASSWORD', 'The password provided is invalid') };
  return { persona, language: body.Language ?? 'en', cached: false };
}

async function liveLogin(ctx: Ctx, req: Request, session: Session): Promise<Response> {
  const live = session.persona.live;
  const extra = { RequestId: session.requestId, Institution: FLINKS_CAPITAL.code };
  switch (live.kind) {
    case 'error':
      return flinksError(live.status, live.code, live.message, extra, live.headers);
    case 'garbage':
      return new Response('<html><body><h1>502 Bad Gateway</h1>upstream sent garbage', {
        status: 200,
        headers: { 'content-type': 'text/html' },
      });
    case 'hang':
      await untilAborted(req.signal);
      return flinksError(499, 'CLIENT_CLOSED_REQUEST', 'The client went away.');
    case 'slow':
      await sleep(ctx.opts.slowMs, req.signal);
      return completeLogin(ctx, session, ctx.now());
    case 'authorized':
      return completeLogin(ctx, session, ctx.now());
    case 'mfa': {
      const first = live.rounds[0];
      if (!first) return completeLogin(ctx, session, ctx.now());
      session.stage = 'mfa';
      session.challenges = first(ctx.state.rng, session.language);
      ctx.state.sessions.set(session.requestId, session);
      return mfaResponse(session);
    }
  }
}
