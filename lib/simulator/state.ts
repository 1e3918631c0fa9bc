import { REQUEST_ID_IDLE_MS } from '@/lib/flinks/lifetimes';
import type { Language } from '@/lib/flinks/schemas';
import type { DataInput } from './endpoints/data-body';
import { FLINKS_CAPITAL, PROCESSING_IDLE_MS, TOKEN_TTL_MS } from './options';
import { findPersona, type Persona } from './personas';
import type { Challenge } from './questions';
import { createRng, type Rng } from './random';
import { URL_NAMESPACE, uuidV5 } from './uuid-v5';

/** In-memory state of one simulator instance (blueprint §11). */

export interface TokenRecord {
  createdAt: number;
  /** D2: the RequestId of the first /Authorize this token opened; null while unused. */
  boundRequestId: string | null;
}

export interface LoginRecord {
  id: string;
  persona: Persona;
  language: Language;
  lastRefresh: number;
}

export interface DetailJob {
  body: DataInput;
  polls: number;
  startedAt: number;
  done: boolean;
}

export interface Session {
  requestId: string;
  loginId: string;
  persona: Persona;
  language: Language;
  /** D10: Save:false logins are not kept; their data responses carry Login: null (§8.2). */
  saved: boolean;
  tag: string | undefined;
  /** Login.LastRefresh: the login's last live refresh (cached mode) or the session's own start. */
  lastRefresh: number;
  stage: 'mfa' | 'authorized';
  round: number;
  challenges: Challenge[];
  wrongAnswers: number;
  lastActivity: number;
  detailJob?: DetailJob;
  statementsBody?: DataInput;
}

export interface State {
  tokens: Map<string, TokenRecord>;
  sessions: Map<string, Session>;
  logins: Map<string, LoginRecord>;
  rng: Rng;
}

/** D10: the documented sample LoginId for Greatday/en (not itself a v5 UUID, so it is an alias). */
export const SAMPLE_LOGIN_ID = '5e115eac-1209-4f19-641c-08d6d484e2fe';

/** D10: deterministic per institution + lower-cased username + language. */
export function loginIdFor(username: string, language: Language): string {
  const lower = username.trim().toLowerCase();
  if (lower === 'greatday' && language === 'en') return SAMPLE_LOGIN_ID;
  return uuidV5(`flinks://toolbox/${FLINKS_CAPITAL.code}/${lower}/${language}`, URL_NAMESPACE);
}

export function createState(seed: string, now: number): State {
  const greatday = findPersona(FLINKS_CAPITAL.code, 'Greatday');
  if (!greatday) throw new Error('Greatday persona missing');
  const logins = new Map<string, LoginRecord>();
  // D10: exists from the start so the docs' cached example works; refreshed "yesterday".
  logins.set(SAMPLE_LOGIN_ID, { id: SAMPLE_LOGIN_ID, persona: greatday, language: 'en', lastRefresh: now - 86_400_000 });
  return { tokens: new Map(), sessions: new Map(), logins, rng: createRng(seed) };
}

/** A token usable on /Authorize: D1 (unknown, or unused for 30 min). Binding is checked by the caller. */
export function liveToken(state: State, token: string | null, now: number): TokenRecord | undefined {
  if (!token) return undefined;
  const record = state.tokens.get(token.trim());
  if (!record) return undefined;
  if (record.boundRequestId === null && now - record.createdAt > TOKEN_TTL_MS) {
    state.tokens.delete(token.trim());
    return undefined;
  }
  return record;
}

const idleLimit = (s: Session) => (s.detailJob && !s.detailJob.done ? PROCESSING_IDLE_MS : REQUEST_ID_IDLE_MS); // D3

/** D3: a session idle for 8 minutes (30 while data is processing, §9) is gone. Touches on success. */
export function liveSession(state: State, requestId: string, now: number): Session | undefined {
  const session = state.sessions.get(requestId.trim().toLowerCase());
  if (!session) return undefined;
  if (now - session.lastActivity > idleLimit(session)) {
    state.sessions.delete(session.requestId);
    return undefined;
  }
  session.lastActivity = now;
  return session;
}

/** Keeps memory bounded in a long-running dev server. */
export function prune(state: State, now: number): void {
  for (const [token, t] of state.tokens) {
    const bound = t.boundRequestId !== null && state.sessions.has(t.boundRequestId);
    if (!bound && now - t.createdAt > TOKEN_TTL_MS) state.tokens.delete(token);
  }
  for (const [id, s] of state.sessions) if (now - s.lastActivity > idleLimit(s)) state.sessions.delete(id);
}

/** .NET-style UTC timestamp without "Z", as Flinks sends LastRefresh (§4.1). */
export function dotnetUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_m, millis: string) => `.${millis}0000`);
}
