import type { Language } from '@/lib/flinks/schemas';
import { FLINKS_CAPITAL } from './options';
import {
  type Challenge, favouriteColour, imageSelection, multipleAnswers, multipleChoice, norm,
  pickQuestion, securityCode, textOrCall, toolboxQuestion,
} from './questions';
import type { Rng } from './random';

/**
 * Who can log in: the toolbox users of §7 plus the simulator-only sim_ users (decisions table).
 * All live at FlinksCapital with password Everyday.
 */

/** Builds one MFA round; called again with the previous challenges after a wrong answer (D4). */
export type RoundFactory = (rng: Rng, lang: Language, previous?: readonly Challenge[]) => Challenge[];

export type LiveOutcome =
  | { kind: 'mfa'; rounds: readonly RoundFactory[] }
  | { kind: 'authorized' }
  | { kind: 'error'; status: number; code: string; message: string }
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

export const PASSWORD = 'Everyday';

const toolbox: RoundFactory = (rng, lang, prev) => [toolboxQuestion(rng, lang, prev)];
const mfa = (...rounds: RoundFactory[]): LiveOutcome => ({ kind: 'mfa', rounds });
const error = (status: number, code: string, message: string): LiveOutcome => ({ kind: 'error', status, code, message });

const TOOLBOX: Persona[] = [
  { username: 'Greatday', live: mfa(toolbox), data: 'normal', simOnly: false },
  { username: 'greatday_nomfa', live: { kind: 'authorized' }, data: 'normal', simOnly: false },
  { username: 'test_disabled_account', live: error(401, 'DISABLED_LOGIN', 'The account has been disabled by the financial institution.'), data: 'normal', simOnly: false },
  { username: 'test_service_unavailable', live: error(401, 'RETRY_LATER', 'The financial institution could not be reached. Please retry later.'), data: 'normal', simOnly: false },
  { username: 'test_dispatched', live: mfa(toolbox), data: 'dispatched', simOnly: false },
  { username: 'test_pending', live: mfa(toolbox), data: 'pending', simOnly: false },
];

const SIM_DEFS: { username: string; live: LiveOutcome }[] = [
  { username: 'sim_choice', live: mfa((_r, l) => [multipleChoice(l)]) },
  { username: 'sim_multi', live: mfa((_r, l) => [multipleAnswers(l)]) },
  { username: 'sim_image', live: mfa((_r, l) => [imageSelection(l)]) },
  { username: 'sim_text_or_call', live: mfa((_r, l) => [textOrCall(l)], (_r, l) => [securityCode(l)]) },
  { username: 'sim_pick_question', live: mfa((_r, l) => [pickQuestion(l)]) },
  { username: 'sim_two_rounds', live: mfa(toolbox, (_r, l) => [favouriteColour(l)]) },
  {
    username: 'sim_all_types',
    live: mfa((r, l, prev) => [
      toolboxQuestion(r, l, prev),
      multipleChoice(l),
      multipleAnswers(l),
      imageSelection(l),
      textOrCall(l),
    ]),
  },
  { username: 'sim_slow', live: { kind: 'slow' } },
  { username: 'sim_hang', live: { kind: 'hang' } },
  { username: 'sim_500', live: error(500, 'AGGREGATION_ERROR', 'An unexpected error occurred while aggregating the data.') },
  { username: 'sim_garbage', live: { kind: 'garbage' } },
  { username: 'sim_new_account', live: error(401, 'NEW_ACCOUNT', 'Action is required on the online banking website before connecting.') },
  { username: 'sim_rate_limited', live: error(401, 'TOO_MANY_REQUESTS', 'Too many requests. Please wait before retrying.') },
];
const SIM = SIM_DEFS.map((p): Persona => ({ ...p, data: 'normal', simOnly: true }));

export const PERSONAS: readonly Persona[] = [...TOOLBOX, ...SIM];

/** D7: usernames match ignoring case and surrounding spaces. */
export function findPersona(institution: string, username: string): Persona | undefined {
  if (norm(institution) !== norm(FLINKS_CAPITAL.code)) return undefined;
  return PERSONAS.find((p) => norm(p.username) === norm(username));
}

export const passwordMatches = (password: string) => norm(password) === norm(PASSWORD);
