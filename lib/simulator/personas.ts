import { PERSONA_PASSWORD, PERSONAS as SHARED_PERSONAS, type PersonaUsername } from '@/lib/flinks/personas';
import type { Language } from '@/lib/flinks/schemas';
import { FLINKS_CAPITAL } from './options';
import {
  type Challenge, favouriteColour, imageSelection, multipleAnswers, multipleChoice, norm,
  pickQuestion, securityCode, textOrCall, toolboxQuestion,
} from './questions';
import type { Rng } from './random';

/**
 * What each persona of lib/flinks/personas.ts does here: the toolbox users of §7 plus the
 * simulator-only sim_ users. The list itself is shared with the dashboard's persona picker; this file
 * only adds behaviour, keyed by the exact usernames so a persona cannot be left without one.
 */

/** Builds one MFA round; called again with the previous challenges after a wrong answer (D4). */
export type RoundFactory = (rng: Rng, lang: Language, previous?: readonly Challenge[]) => Challenge[];

export type LiveOutcome =
  | { kind: 'mfa'; rounds: readonly RoundFactory[] }
  | { kind: 'authorized' }
  | { kind: 'error'; status: number; code: string; message: string; headers?: Record<string, string> }
  | { kind: 'slow' }
  | { kind: 'hang' }
  | { kind: 'garbage' };

/** D11: how GetAccountsDetail behaves for this user. */
export type DataMode = 'normal' | 'pending' | 'dispatched';

export interface Persona {
  username: string;
  live: LiveOutcome;
  data: DataMode;
  /** sim_ users exist only here; the dashboard shows them only against the simulator. */
  simOnly: boolean;
}

const toolbox: RoundFactory = (rng, lang, prev) => [toolboxQuestion(rng, lang, prev)];
const mfa = (...rounds: RoundFactory[]): LiveOutcome => ({ kind: 'mfa', rounds });
/** Seconds sim_rate_limited asks to wait (its Retry-After header). */
export const RATE_LIMIT_RETRY_AFTER_S = 30;

const error = (status: number, code: string, message: string, headers?: Record<string, string>): LiveOutcome => ({ kind: 'error', status, code, message, ...(headers ? { headers } : {}) });

type Behaviour = { live: LiveOutcome; data?: DataMode };

const BEHAVIOUR: { readonly [U in PersonaUsername]: Behaviour } = {
  Greatday: { live: mfa(toolbox) },
  greatday_nomfa: { live: { kind: 'authorized' } },
  test_disabled_account: { live: error(401, 'DISABLED_LOGIN', 'The account has been disabled by the financial institution.') },
  test_service_unavailable: { live: error(401, 'RETRY_LATER', 'The financial institution could not be reached. Please retry later.') },
  test_dispatched: { live: mfa(toolbox), data: 'dispatched' },
  test_pending: { live: mfa(toolbox), data: 'pending' },
  sim_choice: { live: mfa((_r, l) => [multipleChoice(l)]) },
  sim_multi: { live: mfa((_r, l) => [multipleAnswers(l)]) },
  sim_image: { live: mfa((_r, l) => [imageSelection(l)]) },
  sim_text_or_call: { live: mfa((_r, l) => [textOrCall(l)], (_r, l) => [securityCode(l)]) },
  sim_pick_question: { live: mfa((_r, l) => [pickQuestion(l)]) },
  sim_two_rounds: { live: mfa(toolbox, (_r, l) => [favouriteColour(l)]) },
  sim_all_types: {
    live: mfa((r, l, prev) => [
      toolboxQuestion(r, l, prev),
      multipleChoice(l),
      multipleAnswers(l),
      imageSelection(l),
      textOrCall(l),
    ]),
  },
  sim_slow: { live: { kind: 'slow' } },
  sim_hang: { live: { kind: 'hang' } },
  sim_500: { live: error(500, 'AGGREGATION_ERROR', 'An unexpected error occurred while aggregating the data.') },
  sim_garbage: { live: { kind: 'garbage' } },
  sim_new_account: { live: error(401, 'NEW_ACCOUNT', 'Action is required on the online banking website before connecting.') },
  // Retry-After as a real rate limiter sends it, so the dashboard's "Retry after N s" can be tested.
  sim_rate_limited: { live: error(401, 'TOO_MANY_REQUESTS', 'Too many requests. Please wait before retrying.', { 'retry-after': String(RATE_LIMIT_RETRY_AFTER_S) }) },
};

export const PERSONAS: readonly Persona[] = SHARED_PERSONAS.map((p) => {
  const b = BEHAVIOUR[p.username];
  return { username: p.username, live: b.live, data: b.data ?? 'normal', simOnly: p.simulatorOnly };
});

/** A Map, not an object: a username such as `constructor` must be unknown, not Object's prototype. */
const BY_USERNAME: ReadonlyMap<string, Persona> = new Map(PERSONAS.map((p) => [norm(p.username), p]));

/** D7: usernames match ignoring case and surrounding spaces. */
export function findPersona(institution: string, username: string): Persona | undefined {
  if (norm(institution) !== norm(FLINKS_CAPITAL.code)) return undefined;
  return BY_USERNAME.get(norm(username));
}

export const passwordMatches = (password: string) => norm(password) === norm(PERSONA_PASSWORD);
