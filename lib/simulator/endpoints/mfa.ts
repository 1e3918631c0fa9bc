import type { SecurityResponses } from '@/lib/flinks/schemas';
import type { Ctx } from '../context';
import { MAX_WRONG_ANSWERS } from '../options';
import { answerKeysOf } from '../questions';
import { flinksError } from '../responses';
import { liveSession, type Session } from '../state';
import { authorizedResponse, mfaResponse, wireChallenges } from './session-bodies';

/** The MFA loop (§5, D3-D7): answer calls carry RequestId + SecurityResponses. */

export const sessionNonexistent = (requestId: string) =>
  flinksError(400, 'SESSION_NONEXISTENT', `RequestId ${requestId} is invalid or session has ended`);

export function answerChallenges(ctx: Ctx, requestId: string, responses: SecurityResponses, now: number): Response {
  const session = liveSession(ctx.state, requestId, now);
  if (!session) return sessionNonexistent(requestId); // D3
  if (session.stage !== 'mfa') {
    // §6 ALREADY_AUTHORIZED (HTTP status undocumented: 400 chosen).
    return flinksError(400, 'ALREADY_AUTHORIZED', 'This session is already authorized.', { RequestId: session.requestId });
  }
  // A challenge is answered under one of its keys: its Prompt, or a chosen Iterable (§4.2 table).
  const pending = new Set(session.challenges.flatMap(answerKeysOf));
  const unknown = Object.keys(responses).filter((k) => !pending.has(k));
  if (unknown.length > 0) {
    // D5: keyed to a prompt that was not asked.
    return flinksError(401, 'UNKNOWN_CHALLENGE_KEY', `No pending challenge has the prompt '${unknown[0]}'.`, {
      RequestId: session.requestId,
      SecurityChallenges: wireChallenges(session),
    });
  }
  // Own keys only: a prompt never finds Object's members (`constructor`) in the caller's object.
  const answersUnder = (key: string): readonly string[] => (Object.hasOwn(responses, key) ? (responses[key] ?? []) : []);
  // D5: any challenge left unanswered (missing or empty array under every key) gets the same 203 again.
  const filled = (key: string) => answersUnder(key).some((a) => a.trim() !== '');
  const unanswered = session.challenges.some((c) => !answerKeysOf(c).some(filled));
  if (unanswered) return mfaResponse(session);

  // Exactly one key per challenge: answering two of the offered questions at once is wrong.
  const allRight = session.challenges.every((c) => {
    const used = answerKeysOf(c).filter(filled);
    return used.length === 1 && c.accepts(answersUnder(used[0] ?? ''), used[0] ?? '');
  });
  if (!allRight) return wrongAnswer(ctx, session);

  const live = session.persona.live;
  const nextRound = live.kind === 'mfa' ? live.rounds[session.round + 1] : undefined;
  if (nextRound) {
    session.round += 1;
    session.challenges = nextRound(ctx.state.rng, session.language);
    return mfaResponse(session);
  }
  return completeLogin(ctx, session, now);
}

/** D4: a fresh challenge after each wrong answer; the third ends the session. */
function wrongAnswer(ctx: Ctx, session: Session): Response {
  session.wrongAnswers += 1;
  if (session.wrongAnswers >= MAX_WRONG_ANSWERS) {
    ctx.state.sessions.delete(session.requestId);
    return flinksError(401, 'INVALID_SECURITY_RESPONSE_NO_RETRY', 'The security responses are incorrect. The session has ended.', {
      RequestId: session.requestId,
    });
  }
  const live = session.persona.live;
  const round = live.kind === 'mfa' ? live.rounds[session.round] : undefined;
  if (round) session.challenges = round(ctx.state.rng, session.language, session.challenges);
  return flinksError(401, 'INVALID_SECURITY_RESPONSE', 'The security response is incorrect. Please answer the new challenge.', {
    RequestId: session.requestId,
    SecurityChallenges: wireChallenges(session),
  });
}

/** Session opened: keep the login only when Save was true (D10). */
export function completeLogin(ctx: Ctx, session: Session, now: number): Response {
  session.stage = 'authorized';
  session.challenges = [];
  session.lastActivity = now;
  session.lastRefresh = now;
  ctx.state.sessions.set(session.requestId, session);
  if (session.saved) {
    ctx.state.logins.set(session.loginId, {
      id: session.loginId,
      persona: session.persona,
      language: session.language,
      lastRefresh: now,
    });
  }
  return authorizedResponse(session);
}
