import createClient from 'openapi-fetch';
import type { components, paths } from './api-types';
import type { FsiConfig } from './config';

/** The typed client of /api/v1 (cli/api-types.ts is generated from its OpenAPI document: `npm run api:types`). */

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type Outcome = Schemas['InspectionOutcome'];
export type LinkResult = Schemas['LinkResult'];

export function apiClient(config: FsiConfig) {
  return createClient<paths>({
    baseUrl: `${config.url}/api/v1`,
    headers: { Authorization: `Bearer ${config.token}`, 'User-Agent': 'fsi' },
  });
}
export type ApiClient = ReturnType<typeof apiClient>;

/** A call's answer, reduced to what commands branch on: the body, or the problem, with the HTTP status. */
export type Answer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: Problem };

export async function settle<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Answer<T>> {
  let r: Awaited<typeof call>;
  try {
    r = await call;
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, status: 0, problem: { type: 'about:blank', title: 'Could not reach the dashboard', status: 0, detail } };
  }
  if (r.data !== undefined && r.response.ok) return { ok: true, status: r.response.status, data: r.data };
  const e = r.error as Partial<Problem> | undefined;
  return {
    ok: false,
    status: r.response.status,
    problem: { type: e?.type ?? 'about:blank', title: e?.title ?? r.response.statusText, status: r.response.status, detail: e?.detail ?? '', ...e },
  };
}
