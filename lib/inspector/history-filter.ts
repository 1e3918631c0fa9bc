import { z } from 'zod';
import type { InspectionFilter, InspectionMode, InspectionStatus } from '@/lib/store/types';

/**
 * The history page's filters live in the URL (a GET form), so a filtered view is a shareable link.
 * Parsing is forgiving: a bad value is dropped (and reported), never a crash, since URLs are typed
 * and pasted by people.
 */

export const MODES = ['cached', 'live'] as const satisfies readonly InspectionMode[];
export const STATUSES = ['in_progress', 'mfa_pending', 'authorized', 'failed', 'expired'] as const satisfies readonly InspectionStatus[];
export const HISTORY_PAGE_SIZE = 20;

// A date (whole UTC day) or a datetime-local value (minute, optionally seconds), both read as UTC.
const DAY_OR_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

// U+0000 cannot be compared with a PostgreSQL text column (the query fails): reported, not searched.
const text = (max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(max).refine((v) => !v.includes('\u0000'), 'Contains U+0000, which cannot be searched.').optional())
    .transform((v) => (v ? v : undefined));

/** Rejects 2026-02-31 (Date.parse rolls it over) by checking the parsed parts come back unchanged. */
function isRealDateTime(v: string): boolean {
  const iso = v.length === 10 ? `${v}T00:00:00` : v.length === 16 ? `${v}:00` : v;
  const d = new Date(`${iso}Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 19) === iso;
}

const dateTime = text(19).pipe(
  z.string().regex(DAY_OR_TIME, 'Use a date and time like 2026-01-21T09:30.').refine(isRealDateTime, 'Not a real date.').optional(),
);

const fields = {
  /** The header's Search: LoginId, RequestId, Tag or inspection id starts with it. */
  q: text(200),
  loginId: text(100),
  requestId: text(100),
  tag: text(200),
  institution: text(100),
  /** Email of the staff member who opened it. */
  openedBy: text(254),
  mode: text(20).pipe(z.enum(MODES).optional()),
  status: text(20).pipe(z.enum(STATUSES).optional()),
  from: dateTime,
  to: dateTime,
  cursor: text(500),
  /** The cursors of the pages before this one (oldest first, '-' = the newest page): how "Newer" goes back. */
  back: text(5000),
};

export const historyParamsSchema = z.object(fields);

export type HistoryValues = { [K in keyof typeof fields]?: string };
export type HistoryQuery = {
  filter: InspectionFilter;
  cursor: string | null;
  back: string[];
  /** What the form shows (valid values only). */
  values: HistoryValues;
  problems: string[];
};

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function toRecord(params: RawParams): Record<string, string | string[] | undefined> {
  if (!(params instanceof URLSearchParams)) return params;
  const out: Record<string, string> = {};
  for (const [k, v] of params) if (!(k in out)) out[k] = v;
  return out;
}

/** UTC. A bare date starts at its midnight. */
function rangeStart(v: string): Date {
  return new Date(v.length === 10 ? `${v}T00:00:00.000Z` : `${v.length === 16 ? `${v}:00` : v}.000Z`);
}

/** UTC and inclusive: a bare date includes its whole day, "10:30" the whole minute (datetime-local shows minutes). */
function rangeEnd(v: string): Date {
  if (v.length === 10) return new Date(`${v}T23:59:59.999Z`);
  return new Date(v.length === 16 ? `${v}:59.999Z` : `${v}.999Z`);
}

export function parseHistoryParams(params: RawParams): HistoryQuery {
  const raw = toRecord(params);
  const values: HistoryValues = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(fields) as [keyof typeof fields, z.ZodType<string | undefined>][]) {
    const r = schema.safeParse(raw[key]);
    if (r.success) {
      if (r.data !== undefined) values[key] = r.data;
    } else {
      problems.push(`${key}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    }
  }
  const filter: InspectionFilter = {};
  if (values.q) filter.anyPrefix = values.q;
  // Login ID and Tag match by prefix: people paste the start of a LoginId, or a ticket's tag family.
  if (values.loginId) filter.loginIdPrefix = values.loginId;
  if (values.requestId) filter.requestId = values.requestId;
  if (values.tag) filter.tagPrefix = values.tag;
  if (values.institution) filter.institution = values.institution;
  if (values.openedBy) filter.openedBy = values.openedBy;
  if (values.mode) filter.mode = values.mode as InspectionMode;
  if (values.status) filter.status = values.status as InspectionStatus;
  if (values.from) filter.from = rangeStart(values.from);
  if (values.to) filter.to = rangeEnd(values.to);
  const back = values.back ? values.back.split(',').filter(Boolean) : [];
  return { filter, cursor: values.cursor ?? null, back, values, problems };
}

const PAGING = new Set(['cursor', 'back']);
const NEWEST = '-';

/** The query string of a view: same filters, another cursor (null = newest page). */
export function historyHref(values: HistoryValues, cursor: string | null, back: string[] = []): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (!PAGING.has(k) && v) sp.set(k, v);
  if (cursor) sp.set('cursor', cursor);
  if (cursor && back.length > 0) sp.set('back', back.join(','));
  const qs = sp.toString();
  return qs ? `/sessions?${qs}` : '/sessions';
}

/** Links to the neighbouring pages; the store pages forward only, so the way back rides in the URL. */
export function historyPaging(q: Pick<HistoryQuery, 'values' | 'cursor' | 'back'>, nextCursor: string | null) {
  const older = nextCursor ? historyHref(q.values, nextCursor, q.cursor ? [...q.back, q.cursor] : []) : null;
  let newer: string | null = null;
  if (q.cursor) {
    const prev = q.back.at(-1);
    newer = !prev || prev === NEWEST ? historyHref(q.values, null) : historyHref(q.values, prev, q.back.slice(0, -1));
  }
  return { older, newer, newest: q.cursor ? historyHref(q.values, null) : null };
}

export function hasFilters(values: HistoryValues): boolean {
  return Object.entries(values).some(([k, v]) => !PAGING.has(k) && Boolean(v));
}

/** A datetime-local value (UTC, to the minute). */
export function toDateTimeLocal(d: Date): string {
  return d.toISOString().slice(0, 16);
}

/**
 * "Today" and "Last 7 days": the current filters with From set (To cleared), as links, so the
 * shortcut works without script and the result is a shareable URL like any other view.
 */
export function historyShortcuts(values: HistoryValues, now: Date): { today: string; lastWeek: string } {
  const rest: HistoryValues = { ...values, from: undefined, to: undefined };
  const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return {
    today: historyHref({ ...rest, from: toDateTimeLocal(midnight) }, null),
    lastWeek: historyHref({ ...rest, from: toDateTimeLocal(new Date(now.getTime() - 7 * 24 * 60 * 60 * 1000)) }, null),
  };
}
