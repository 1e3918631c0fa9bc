/**
 * A tiny raw caller for tests against startSimulatorServer (no Flinks client logic on purpose:
 * these tests pin down the wire behaviour). `call` never throws on a non-JSON body (sim_garbage).
 */
import { TOOLBOX_QUESTIONS } from '../questions';
import { SAMPLE_LOGIN_ID } from '../state';
import type { SimulatorServer } from './serve';

export interface Reply {
  status: number;
  body: Record<string, unknown> & { HttpStatusCode?: number; FlinksCode?: string; RequestId?: string };
  text: string;
  headers: Headers;
}

export interface CallInit {
  method?: string;
  body?: unknown;
  /** A raw string body (junk tests); wins over `body`. */
  raw?: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export function caller(srv: SimulatorServer) {
  async function call(endpoint: string, init: CallInit = {}): Promise<Reply> {
    const url = endpoint.startsWith('/') ? `${srv.baseUrl}${endpoint}` : `${srv.apiBase}/${endpoint}`;
    const res = await fetch(url, {
      method: init.method ?? 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...init.headers },
      body: init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body)),
      signal: init.signal,
    });
    const text = await res.text();
    let body: Reply['body'] = {};
    try {
      body = JSON.parse(text) as Reply['body'];
    } catch {
      /* non-JSON: leave body empty, keep text */
    }
    return { status: res.status, body, text, headers: res.headers };
  }

  async function token(): Promise<string> {
    const r = await call('GenerateAuthorizeToken', { headers: { 'flinks-auth-key': srv.credentials.secretKey } });
    if (typeof r.body.Token !== 'string') throw new Error(`no token: ${r.text}`);
    return r.body.Token;
  }

  const authorize = (tok: string, body: unknown, headers: Record<string, string> = {}) =>
    call('Authorize', { body, headers: { 'flinks-auth-key': tok, ...headers } });

  const data = (endpoint: string, body: unknown, init: CallInit = {}) =>
    call(endpoint, { body, ...init, headers: { 'x-api-key': srv.credentials.apiKey, ...init.headers } });

  const live = (username: string, extra: Record<string, unknown> = {}) => ({
    Institution: 'FlinksCapital', Username: username, Password: 'Everyday', MostRecentCached: false, Save: true, ...extra,
  });

  /** Greatday-style login through one toolbox question: returns the token and the 200 reply. */
  async function loginWithToolboxQuestion(username = 'Greatday', extra: Record<string, unknown> = {}) {
    const tok = await token();
    const first = await authorize(tok, live(username, extra));
    const prompt = promptsOf(first)[0] ?? '';
    const ok = await authorize(tok, { RequestId: first.body.RequestId, SecurityResponses: { [prompt]: [toolboxAnswer(prompt)] } });
    return { tok, first, ok };
  }

  /** A live login that must answer 203; `answer` continues it with the same token and RequestId. */
  async function startMfa(username: string, extra: Record<string, unknown> = {}) {
    const tok = await token();
    const first = await authorize(tok, live(username, extra));
    if (first.status !== 203) throw new Error(`expected 203 for ${username}, got ${first.status}: ${first.text}`);
    const answer = (responses: Record<string, string[]>) =>
      authorize(tok, { RequestId: first.body.RequestId, SecurityResponses: responses });
    return { tok, first, answer };
  }

  /** A cached session on the documented sample LoginId; returns its RequestId. */
  async function cachedSession(): Promise<string> {
    const r = await authorize(await token(), { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true });
    return String(r.body.RequestId);
  }

  return { call, token, authorize, data, live, loginWithToolboxQuestion, startMfa, cachedSession };
}

export function promptsOf(r: Reply): string[] {
  const list = r.body.SecurityChallenges as { Prompt: string }[] | undefined;
  return (list ?? []).map((c) => c.Prompt);
}

/** The answer to a toolbox question in either language; '' when the prompt is not one of them. */
export function toolboxAnswer(prompt: string): string {
  return TOOLBOX_QUESTIONS.find((q) => q.en === prompt || q.fr === prompt)?.answer ?? '';
}
