import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { bookOf } from './answers';
import type { ApiClient } from './client';
import { envValue } from './config';
import { answerRound, completeMfa, followLink, openInspection, type FollowOptions, type OpenBody } from './operations';
import { settle } from './client';

/**
 * `fsi run scenario.json`: steps run in order; each step's answer is kept under its id (default:
 * its kind), so later steps can say `${open.id}` or `${open.requestId}`, and `${env.X}` (or `${env.X:-default}`)
 * reads a variable. Expectations (on a step, or as a step of their own with `of`) check the status,
 * FlinksCode, HTTP status and counts; the first unmet one stops the run.
 */

const count = z.union([z.int().min(0), z.string().regex(/^(>=|<=|>|<|=)?\s*\d+$/, 'a count like 2, ">=1" or "<3"')]);
const expectation = z.strictObject({
  of: z.string().optional(),
  status: z.string().optional(),
  flinksCode: z.string().nullable().optional(),
  httpStatus: z.int().optional(),
  counts: z.record(z.string(), count).optional(),
});
const base = { id: z.string().regex(/^\w+$/).optional(), name: z.string().optional(), expect: expectation.optional() };
const step = z.union([
  z.strictObject({ ...base, open: z.record(z.string(), z.unknown()), answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])).optional() }),
  z.strictObject({ ...base, answer: z.strictObject({ inspection: z.string(), answers: z.record(z.string(), z.union([z.string(), z.array(z.string())])) }) }),
  // options: the API's FollowOptions as they are (the server validates them).
  z.strictObject({ ...base, follow: z.strictObject({ inspection: z.string(), link: z.enum(['accounts-summary', 'accounts-detail', 'statements']), wait: z.boolean().optional(), waitSeconds: z.int().min(1).max(1800).optional(), options: z.record(z.string(), z.unknown()).optional() }) }),
  z.strictObject({ ...base, get: z.strictObject({ inspection: z.string() }) }),
  z.strictObject({ id: base.id, name: base.name, expect: expectation }),
]);
export const scenarioSchema = z.strictObject({ name: z.string(), description: z.string().optional(), steps: z.array(step).min(1) });
export type Scenario = z.infer<typeof scenarioSchema>;
type Step = Scenario['steps'][number];
type Expectation = z.infer<typeof expectation>;

export type StepReport = { id: string; name: string; ok: boolean; message: string | null; ms: number };
export type RunReport = { scenario: string; ok: boolean; steps: StepReport[] };

export function loadScenario(file: string): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { ok: false, message: `${file}: ${err instanceof Error ? err.message : String(err)}` };
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: `${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` };
  return { ok: true, scenario: parsed.data };
}

const kindOf = (s: Step) => ('open' in s ? 'open' : 'answer' in s ? 'answer' : 'follow' in s ? 'follow' : 'get' in s ? 'get' : 'expect');

function lookup(results: Record<string, unknown>, path: string): unknown {
  const [root, ...rest] = path.split('.');
  if (root === 'env') return envValue(rest.join('.'));
  let v: unknown = results[root!];
  for (const key of rest) {
    if (v === null || v === undefined) return undefined;
    v = key === 'length' && Array.isArray(v) ? v.length : (v as Record<string, unknown>)[key];
  }
  return v;
}

/** `${a.b}` in every string of a value; an unknown reference is an error, not an empty string. */
export function interpolate(value: unknown, results: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    // `${env.X:-fallback}` gives a default, as in the shell.
    return value.replace(/\$\{([\w.]+)(?::-([^}]*))?\}/g, (_m, p: string, fallback: string | undefined) => {
      const v = lookup(results, p) ?? fallback;
      if (v === undefined || v === null) throw new Error(`\${${p}} has no value (is the step id right, or the variable set?)`);
      return String(v);
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, results));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, interpolate(v, results)]));
  return value;
}

function countOf(result: Record<string, unknown>, name: string): number | null {
  if (name === 'transactions' && Array.isArray(result.accounts)) return (result.accounts as { transactions: unknown[] }[]).reduce((n, a) => n + a.transactions.length, 0);
  const v = result[name];
  return Array.isArray(v) ? v.length : null;
}

function meets(actual: number, wanted: number | string): boolean {
  if (typeof wanted === 'number') return actual === wanted;
  const m = /^(>=|<=|>|<|=)?\s*(\d+)$/.exec(wanted)!;
  const n = Number(m[2]);
  return { '>=': actual >= n, '<=': actual <= n, '>': actual > n, '<': actual < n, '=': actual === n }[m[1] ?? '=']!;
}

/** The first unmet expectation, in words, or null. */
export function unmet(e: Expectation, result: Record<string, unknown>): string | null {
  const status = (result.status as unknown) ?? null;
  if (e.httpStatus !== undefined && result.httpStatus !== e.httpStatus) return `expected HTTP ${e.httpStatus}, got ${String(result.httpStatus)}`;
  const statusWord = typeof result.status === 'string' ? result.status : `HTTP ${String(result.httpStatus)}`;
  if (e.status !== undefined && status !== e.status) return `expected status ${e.status}, got ${statusWord}${result.flinksCode ? ` (${String(result.flinksCode)})` : ''}${result.detail ? `: ${String(result.detail)}` : ''}`;
  const code = (result.flinksCode as string | undefined) ?? ((result.error as { flinksCode?: string } | null)?.flinksCode ?? null);
  if (e.flinksCode !== undefined && code !== e.flinksCode) return `expected FlinksCode ${e.flinksCode ?? 'none'}, got ${code ?? 'none'}`;
  for (const [name, wanted] of Object.entries(e.counts ?? {})) {
    const n = countOf(result, name);
    if (n === null) return `expected a count of ${name}, but the result has no ${name}`;
    if (!meets(n, wanted)) return `expected ${name} ${typeof wanted === 'number' ? `= ${wanted}` : wanted}, got ${n}`;
  }
  return null;
}

export async function runScenario(api: ApiClient, scenario: Scenario, hooks: { onStep?: (r: StepReport) => void; quiet: boolean }): Promise<RunReport> {
  const results: Record<string, unknown> = {};
  const reports: StepReport[] = [];
  let lastId: string | null = null;
  for (const [index, s] of scenario.steps.entries()) {
    const kind = kindOf(s);
    const id = s.id ?? kind;
    const name = s.name ?? `${index + 1}. ${kind}${s.id ? ` (${s.id})` : ''}`;
    const started = Date.now();
    let message: string | null = null;
    try {
      let result: Record<string, unknown> | null = null;
      if ('open' in s) {
        const body = interpolate(s.open, results) as OpenBody;
        const opened = await openInspection(api, body);
        if (opened.ok && opened.data.status === 'mfa_pending' && s.answers) {
          const done = await completeMfa(api, opened.data, bookOf(interpolate(s.answers, results) as Record<string, string[]>), null);
          if ('unanswered' in done) message = `no answer given for: ${done.unanswered.join(' | ')}`;
          result = 'unanswered' in done ? { ...done.outcome, httpStatus: 201 } : done.ok ? { ...done.data, httpStatus: done.status } : { ...done.problem, httpStatus: done.status, status: done.status };
        } else {
          result = opened.ok ? { ...opened.data, httpStatus: opened.status } : { ...opened.problem, httpStatus: opened.status };
        }
      } else if ('answer' in s) {
        const { inspection, answers } = interpolate(s.answer, results) as { inspection: string; answers: Record<string, string | string[]> };
        // The round to answer: the newest result about this inspection that carried challenges.
        const current = Object.values(results).reverse().find((r) => (r as { id?: string }).id === inspection && Array.isArray((r as { challenges?: unknown }).challenges)) as { challenges: never[] } | undefined;
        // Unknown round (the inspection came from elsewhere): send the answers as given.
        const done = current
          ? await completeMfa(api, { id: inspection, status: 'mfa_pending', challenges: current.challenges, mfaOpen: true } as never, bookOf(answers), null, 1)
          : await answerRound(api, inspection, Object.fromEntries([...bookOf(answers)]));
        if ('unanswered' in done) message = `no answer given for: ${done.unanswered.join(' | ')}`;
        else result = done.ok ? { ...done.data, httpStatus: done.status } : { ...done.problem, httpStatus: done.status };
      } else if ('follow' in s) {
        const f = interpolate(s.follow, results) as { inspection: string; link: 'accounts-detail'; wait?: boolean; waitSeconds?: number; options?: FollowOptions };
        const r = await followLink(api, f.inspection, f.link, { wait: f.wait ?? false, waitSeconds: f.waitSeconds ?? 120, quiet: hooks.quiet, ...(f.options ? { options: f.options } : {}) });
        result = r.ok ? { ...r.data, httpStatus: r.status } : { ...r.problem, httpStatus: r.status };
      } else if ('get' in s) {
        const g = interpolate(s.get, results) as { inspection: string };
        const r = await settle(api.GET('/inspections/{id}', { params: { path: { id: g.inspection } } }));
        result = r.ok ? { ...r.data.inspection, timeline: r.data.timeline, httpStatus: r.status } : { ...r.problem, httpStatus: r.status };
      }
      if (result) {
        results[id] = result;
        lastId = id;
      }
      if (!message && s.expect) {
        const of = s.expect.of ?? (result ? id : lastId);
        const target = of ? (results[of] as Record<string, unknown> | undefined) : undefined;
        message = target ? unmet(s.expect, target) : `nothing to check: no step ${of ?? '(none yet)'}`;
        if (message) message = `${of}: ${message}`;
      } else if (!message && result && typeof result.httpStatus === 'number' && result.httpStatus >= 400) {
        message = `HTTP ${result.httpStatus} ${String(result.title ?? '')}: ${String(result.detail ?? '')} (add an expect if this is what you meant)`;
      }
    } catch (err) {
      message = err instanceof Error ? err.message : String(err);
    }
    const report = { id, name, ok: message === null, message, ms: Date.now() - started };
    reports.push(report);
    hooks.onStep?.(report);
    if (message) return { scenario: scenario.name, ok: false, steps: reports };
  }
  return { scenario: scenario.name, ok: true, steps: reports };
}

const xml = (s: string) => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** JUnit XML that CI systems read: one testsuite per scenario, a testcase per step run. */
export function junitXml(report: RunReport): string {
  const failures = report.steps.filter((s) => !s.ok).length;
  const time = report.steps.reduce((t, s) => t + s.ms, 0) / 1000;
  const cases = report.steps.map((s) => `    <testcase classname="${xml(report.scenario)}" name="${xml(s.name)}" time="${(s.ms / 1000).toFixed(3)}">${s.ok ? '' : `\n      <failure message="${xml(s.message ?? '')}">${xml(s.message ?? '')}</failure>\n    `}</testcase>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="${report.steps.length}" failures="${failures}" time="${time.toFixed(3)}">\n  <testsuite name="${xml(report.scenario)}" tests="${report.steps.length}" failures="${failures}" time="${time.toFixed(3)}">\n${cases.join('\n')}\n  </testsuite>\n</testsuites>\n`;
}
