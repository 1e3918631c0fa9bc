import type { AuthorizeSuccess, FlinksLogin, MfaRequired } from '@/lib/flinks/schemas';
import { FLINKS_CAPITAL } from '../options';
import { AUTHORIZED_LINKS, json, MFA_LINKS } from '../responses';
import { dotnetUtc, type Session } from '../state';

/** The 200 and 203 bodies of /Authorize (§4.1, §4.2) and the envelope data endpoints share. */

const institution = {
  Institution: FLINKS_CAPITAL.code,
  InstitutionName: FLINKS_CAPITAL.name,
  InstitutionId: FLINKS_CAPITAL.id,
};

export function loginOf(session: Session): FlinksLogin {
  return {
    Username: session.persona.username,
    IsScheduledRefresh: false,
    LastRefresh: dotnetUtc(session.lastRefresh),
    Type: 'Personal',
    Id: session.loginId,
  };
}

const tagOf = (s: Session) => (s.tag === undefined ? {} : { Tag: s.tag });

export function authorizedResponse(session: Session): Response {
  const body: Omit<AuthorizeSuccess, 'HttpStatusCode'> = {
    Links: AUTHORIZED_LINKS,
    ...institution,
    Login: loginOf(session),
    RequestId: session.requestId,
    ...tagOf(session),
  };
  return json(200, body);
}

/** Only Type/Prompt/Iterables go on the wire; the answer check stays here. */
export function wireChallenges(session: Session) {
  return session.challenges.map((c) => (c.Iterables ? { Type: c.Type, Prompt: c.Prompt, Iterables: c.Iterables } : { Type: c.Type, Prompt: c.Prompt }));
}

export function mfaResponse(session: Session): Response {
  const body: Omit<MfaRequired, 'HttpStatusCode'> = {
    Links: MFA_LINKS,
    SecurityChallenges: wireChallenges(session),
    ...institution,
    RequestId: session.requestId,
    ...tagOf(session),
  };
  return json(203, body);
}

/** Envelope of data-endpoint 200s (§8). D10/§8.2: an unsaved login answers Login: null. */
export function dataEnvelope(session: Session) {
  return {
    Login: session.saved ? loginOf(session) : null,
    ...institution,
    RequestId: session.requestId,
    ...tagOf(session),
  };
}
