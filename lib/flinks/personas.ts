/**
 * The test personas (docs/flinks-api.md §7 and "Simulator personas"): one list that the simulator
 * gives behaviour to and the dashboard's persona picker offers. Toolbox personas exist on the real
 * toolbox and in the simulator; sim_ personas only in the simulator. Pure data: importable by both
 * lib/simulator and lib/inspector.
 */

/** Every toolbox and simulator persona logs in at FlinksCapital with this password. */
export const PERSONA_PASSWORD = 'Everyday';

export type Persona = { username: string; password: string; description: string; simulatorOnly: boolean };

const toolbox = <U extends string>(username: U, description: string) =>
  ({ username, password: PERSONA_PASSWORD, description, simulatorOnly: false }) as const;
const sim = <U extends string>(username: U, description: string) =>
  ({ username, password: PERSONA_PASSWORD, description, simulatorOnly: true }) as const;

export const PERSONAS = [
  toolbox('Greatday', 'MFA: one security question (Montreal / Canada / Triangle).'),
  toolbox('greatday_nomfa', 'No MFA: the session opens at once.'),
  toolbox('test_disabled_account', 'Fails with DISABLED_LOGIN.'),
  toolbox('test_service_unavailable', 'Fails with RETRY_LATER (bank unreachable).'),
  toolbox('test_dispatched', 'MFA, then data calls answer OPERATION_DISPATCHED.'),
  toolbox('test_pending', 'MFA, then data calls stay OPERATION_PENDING.'),
  sim('sim_choice', 'MultipleChoice question (answer Blue).'),
  sim('sim_multi', 'Checkbox question (Red and Green).'),
  sim('sim_image', 'ImageSelection (the second image).'),
  sim('sim_text_or_call', 'Choose text or call, then enter 123456.'),
  sim('sim_pick_question', 'Pick a security question from a list, then answer it (Montreal / Canada / Triangle).'),
  sim('sim_two_rounds', 'Two MFA rounds: a toolbox question, then colour Blue.'),
  sim('sim_all_types', 'Several MFA types in one round.'),
  sim('sim_slow', 'Answers after a configured delay.'),
  sim('sim_hang', 'Never answers: the timeout fires.'),
  sim('sim_500', 'HTTP 500 AGGREGATION_ERROR.'),
  sim('sim_garbage', 'HTTP 200 with a body that is not JSON.'),
  sim('sim_new_account', 'Fails with NEW_ACCOUNT.'),
  sim('sim_rate_limited', 'Fails with TOO_MANY_REQUESTS.'),
] as const satisfies readonly Persona[];

/** The exact usernames: the simulator's behaviour table is keyed by them, so none can be missing. */
export type PersonaUsername = (typeof PERSONAS)[number]['username'];
