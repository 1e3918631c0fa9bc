import { answersForRound, type AnswerBook } from './answers';
import { settle, type Answer, type ApiClient, type LinkResult, type Outcome, type Schemas } from './client';
import { progress } from './output';

/**
 * What the commands and `fsi run` do with the API, in one place: open (then answer MFA rounds
 * from an answer book, or ask), answer, follow a Link (waiting on the server for a 202, with
 * progress), list, fetch a bundle.
 */

export type OpenBody = Schemas['OpenInspection'];
export type LinkName = 'accounts-summary' | 'accounts-detail' | 'statements';
type Ask = (challenges: Schemas['Challenge'][]) => Promise<Record<string, string[]>>;

export const openInspection = (api: ApiClient, body: OpenBody) => settle(api.POST('/inspections', { body }));

export const answerRound = (api: ApiClient, id: string, answers: Record<string, string[]>) =>
  settle(api.POST('/inspections/{id}/answers', { params: { path: { id } }, body: { answers } }));

/**
 * Answers rounds while the inspection waits for MFA: from the book, else by asking (a terminal),
 * else it stops and says which questions had no answer. At most `maxRounds`.
 */
export async function completeMfa(api: ApiClient, first: Outcome, book: AnswerBook, ask: Ask | null, maxRounds = 5): Promise<Answer<Outcome> | { ok: false; status: 0; unanswered: string[]; outcome: Outcome }> {
  let current: Answer<Outcome> = { ok: true, status: 201, data: first };
  for (let round = 0; current.ok && current.data.status === 'mfa_pending' && current.data.mfaOpen && round < maxRounds; round++) {
    const { answers, missing } = answersForRound(current.data.challenges, book);
    if (missing.length > 0) {
      if (!ask) return { ok: false, status: 0, unanswered: missing.map((c) => c.prompt), outcome: current.data };
      Object.assign(answers, await ask(missing));
    }
    current = await answerRound(api, current.data.id, answers);
  }
  return current;
}

export type FollowOptions = Schemas['FollowOptions'];

/** `options` (the window: days, accounts, flags, statements) go with every call, polls included. */
export async function followLink(api: ApiClient, id: string, link: LinkName, opts: { wait: boolean; waitSeconds: number; quiet: boolean; options?: FollowOptions }): Promise<Answer<LinkResult>> {
  const call = (wait: boolean, waitSeconds?: number) =>
    settle(api.POST('/inspections/{id}/links/{link}', { params: { path: { id, link }, query: wait ? { wait: 'true', waitSeconds } : {} }, ...(opts.options ? { body: opts.options } : {}) }));
  if (!opts.wait || link !== 'accounts-detail') return call(false);
  // The server polls for up to 30 s per call; the CLI keeps calling until the whole wait is spent,
  // so a person sees progress and a proxy never holds one request for minutes.
  const deadline = Date.now() + opts.waitSeconds * 1000;
  const bar = opts.quiet ? null : progress(`Waiting for ${link}`);
  const timer = bar ? setInterval(() => bar.tick(), 500) : null;
  try {
    let polls = 0;
    for (;;) {
      const remaining = Math.ceil((deadline - Date.now()) / 1000);
      const r = await call(polls > 0 || remaining > 0, Math.max(1, Math.min(30, remaining)));
      if (!r.ok || r.data.status === 'ok' || Date.now() >= deadline) return r;
      polls += r.data.polls + 1;
      bar?.tick(`(${r.data.flinksCode ?? 'pending'})`);
    }
  } finally {
    if (timer) clearInterval(timer);
    bar?.done();
  }
}
