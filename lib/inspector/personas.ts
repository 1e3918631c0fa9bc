import type { Environment } from '@/lib/env';

/**
 * Test personas for QA (docs/flinks-api.md §7 and the sim_ table). Toolbox personas work on the
 * real toolbox and the simulator; sim_ personas exist only in the simulator. Never on production.
 */
export type Persona = { username: string; password: string; description: string; simulatorOnly: boolean };

const toolbox = (username: string, description: string, password = 'Everyday'): Persona => ({ username, password, description, simulatorOnly: false });
const sim = (username: string, description: string): Persona => ({ username, password: 'Everyday', description, simulatorOnly: true });

export const PERSONAS: readonly Persona[] = [
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
];

export function personasFor(environment: Environment): Persona[] {
  if (environment === 'production') return [];
  return PERSONAS.filter((p) => environment === 'simulator' || !p.simulatorOnly);
}
