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

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// U+0000 cannot be compared with a PostgreSQL text column (the query fails): reported, not searched.
const text = (max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(max).refine((v) => !v.includes('\u0000'), 'Contains U+0000, which cannot be searched.').optional())
    .transform((v) => (v ? v : undefined));

const day = text(10).pipe(
  z.string().regex(DAY, 'Use a date like 2026-01-21.').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), 'Not a real date.').optional(),
);

const fields = {
  loginId: text(100),
  requestId: text(100),
  tag: text(200),
  institution: text(100),
  /** Email of the staff member who opened it. */
  openedBy: text(254),
  mode: text(20).pipe(z.enum(MODES).optional()),
  status: text(20).pipe(z.enum(STATUSES).optional()),
  from: day,
  to: day,
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
  if (values.loginId) filter.loginId = values.loginId;
  if (values.requestId) filter.requestId = values.requestId;
  if (values.tag) filter.tag = values.tag;
  if (values.institution) filter.institution = values.institution;
  if (values.openedBy) filter.openedBy = values.openedBy;
  if (values.mode) filter.mode = values.mode as InspectionMode;
  if (values.status) filter.status = values.status as InspectionStatus;
  // Dates are whole UTC days: "to" includes its whole day.
  if (values.from) filter.from = new Date(`${values.from}T00:00:00.000Z`);
  if (values.to) filter.to = new Date(`${values.to}T23:59:59.999Z`);
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
