import { afterAll, beforeAll, beforeEach } from 'vitest';
import { TOOLBOX_QUESTIONS } from '@/lib/simulator/questions';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import type { SimulatorOptions } from '@/lib/simulator/options';
import { createFlinksClient, type AuthorizeResult, type FlinksClient } from '../client';
import type { SecurityChallenge, SecurityResponses } from '../schemas';

/**
 * The Flinks client against the simulator over real HTTP (a local server on port 0): the way the
 * dashboard uses it, with no mock of our own code in between.
 */
export function useSimulatorClient(options: SimulatorOptions = {}, timeoutMs = 5000) {
  const ctx = {} as { srv: SimulatorServer; client: FlinksClient; clientWith(overrides: Partial<Parameters<typeof createFlinksClient>[0]>): FlinksClient };
  beforeAll(async () => {
    ctx.srv = await startSimulatorServer({ seed: 'client-tests', slowMs: 300, ...options });
    const base = { baseUrl: ctx.srv.baseUrl, ...ctx.srv.credentials, timeoutMs };
    ctx.client = createFlinksClient(base);
    ctx.clientWith = (overrides) => createFlinksClient({ ...base, ...overrides });
  });
  beforeEach(() => ctx.srv.sim.reset());
  afterAll(() => ctx.srv.close());
  return ctx;
}

/** The answers the shared digest documents for each persona's challenges (§7 and the sim_ table). */
export function rightAnswer(c: SecurityChallenge): string[] {
  const toolbox = TOOLBOX_QUESTIONS.find((q) => q.en === c.Prompt || q.fr === c.Prompt);
  if (toolbox) return [toolbox.answer];
  switch (c.Type) {
    case 'MultipleChoice':
      return ['Blue'];
    case 'MultipleChoiceMultipleAnswers':
      return ['Green', 'Red'];
    case 'ImageSelection':
      return [c.Iterables?.[1] ?? ''];
    case 'TextOrCall':
      return [c.Iterables?.[0] ?? ''];
    default:
      return /colou?r/i.test(c.Prompt) ? ['Blue'] : ['123456'];
  }
}

/**
 * Keyed by the Prompt, except a QuestionAndAnswer with Iterables (§4.2 table, sim_pick_question):
 * its Iterables are questions to choose from, so the first one is the key, with its toolbox answer.
 */
export const answersFor = (challenges: readonly SecurityChallenge[], pick = rightAnswer): SecurityResponses =>
  Object.fromEntries(
    challenges.map((c) => {
      const question = c.Type === 'QuestionAndAnswer' ? c.Iterables?.[0] : undefined;
      return question === undefined ? [c.Prompt, pick(c)] : [question, pick({ Type: c.Type, Prompt: question })];
    }),
  );

export const live = (Username: string, extra: Record<string, unknown> = {}) => ({
  Institution: 'FlinksCapital',
  Username,
  Password: 'Everyday',
  MostRecentCached: false as const,
  Save: true,
  ...extra,
});

/** Token → Authorize, then answer every round right until the session opens or fails. */
export async function openLive(client: FlinksClient, username: string, extra: Record<string, unknown> = {}) {
  const token = await client.generateAuthorizeToken();
  if (token.kind !== 'ok') throw new Error(`token: ${token.kind}`);
  let result: AuthorizeResult = await client.authorize(token.token, live(username, extra));
  let rounds = 0;
  while (result.kind === 'mfa_required' && rounds < 5) {
    rounds += 1;
    result = await client.authorize(token.token, { RequestId: result.data.RequestId, SecurityResponses: answersFor(result.data.SecurityChallenges) });
  }
  return { result, rounds, token: token.token };
}

export const SAMPLE_LOGIN_ID = '5e115eac-1209-4f19-641c-08d6d484e2fe';
