import { z } from 'zod';
import type { AuditFilter } from './query';
import { AUDIT_ACTIONS, type AuditAction } from './types';

/**
 * The audit page's filters live in the URL (a GET form), like the history page's: a filtered view
 * is a link, and the export links carry the same filters. A bad value is dropped and reported on
 * the page; the export refuses it instead (an export must not quietly widen to "everything").
 */

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_PATH = '/audit';

// What <input type="datetime-local"> sends (minutes, optionally seconds), or a bare day; read as UTC.
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?Z?$/;

/** The instant a value starts at and how long it lasts (a day, a minute or a second), or null. */
function parseInstant(value: string): { start: number; span: number; seconds: boolean } | null {
  const m = DATETIME.exec(value);
  if (!m) return null;
  const [y, mo, d, h = '0', mi = '0', s = '0'] = m.slice(1);
  const start = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s);
  const back = new Date(start);
  // Date.UTC rolls 2026-02-30 over to March: a date that does not round-trip does not exist.
  if (back.getUTCDate() !== +d! || back.getUTCMonth() !== +mo! - 1 || back.getUTCHours() !== +h || back.getUTCMinutes() !== +mi) return null;
  const span = m[4] === undefined ? 86_400_000 : m[6] === undefined ? 60_000 : 1000;
  return { start, span, seconds: m[6] !== undefined };
}

/** The form's value for an instant: what datetime-local shows (a bare day becomes its first or last minute). */
function canonical(value: string, edge: 'from' | 'to'): string {
  const p = parseInstant(value)!;
  const at = new Date(edge === 'to' && p.span === 86_400_000 ? p.start + p.span - 60_000 : p.start).toISOString();
  return p.seconds ? at.slice(0, 19) : at.slice(0, 16);
}

const text = (max: number) =>
  z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(max, `At most ${max} characters.`).optional())
    .transform((v) => (v ? v : undefined));

const instant = (edge: 'from' | 'to') =>
  text(25).pipe(
    z.string()
      .refine((v) => parseInstant(v) !== null, 'Use a date like 2026-01-21 or 2026-01-21T09:30.')
      .transform((v) => canonical(v, edge))
      .optional(),
  );

const fields = {
  actor: text(254),
  action: text(40).pipe(z.enum(AUDIT_ACTIONS, { error: 'Not an action the trail records.' }).optional()),
  target: text(200),
  from: instant('from'),
  to: instant('to'),
  cursor: text(500),
  /** Cursors of the pages before this one ('-' = the newest page): how "Newer" goes back. */
  back: text(5000),
};

export type AuditValues = { [K in keyof typeof fields]?: string };
export type AuditQuery = {
  filter: AuditFilter;
  cursor: string | null;
  back: string[];
  values: AuditValues;
  /** Filters that could not be read (dropped). Paging is not among them: a bad cursor is just the newest page. */
  problems: string[];
  /** From after To: valid, but nothing can match, which deserves a word on the page. */
  emptyRange: boolean;
};

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

const LABELS: Record<keyof typeof fields, string | null> = { actor: 'Actor', action: 'Action', target: 'Target', from: 'From', to: 'To', cursor: null, back: null };

export function parseAuditParams(params: RawParams): AuditQuery {
  const raw = params instanceof URLSearchParams ? Object.fromEntries(params) : params;
  const values: AuditValues = {};
  const problems: string[] = [];
  for (const [key, schema] of Object.entries(fields) as [keyof typeof fields, z.ZodType<string | undefined>][]) {
    const r = schema.safeParse(raw[key]);
    if (!r.success) {
      if (LABELS[key]) problems.push(`${LABELS[key]}: ${r.error.issues[0]?.message ?? 'Invalid.'}`);
    }
    else if (r.data !== undefined) values[key] = r.data;
  }
  const filter: AuditFilter = {};
  if (values.actor) filter.actor = values.actor;
  if (values.action) filter.action = values.action as AuditAction;
  if (values.target) filter.target = values.target;
  // Bounds are inclusive of the whole unit typed: "to 09:30" includes 09:30:59, "to 2026-01-21" the whole day.
  if (values.from) filter.from = new Date(parseInstant(values.from)!.start);
  if (values.to) {
    const p = parseInstant(values.to)!;
    filter.to = new Date(p.start + p.span - 1);
  }
  const emptyRange = Boolean(filter.from && filter.to && filter.from > filter.to);
  const back = values.back ? values.back.split(',').filter(Boolean) : [];
  return { filter, cursor: values.cursor ?? null, back, values, problems, emptyRange };
}

const PAGING = new Set(['cursor', 'back']);
const NEWEST = '-';

function filterParams(values: AuditValues): URLSearchParams {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (!PAGING.has(k) && v) sp.set(k, v);
  return sp;
}

/** A view of the trail: same filters, another cursor (null = newest page). */
export function auditHref(values: AuditValues, cursor: string | null, back: string[] = []): string {
  const sp = filterParams(values);
  if (cursor) sp.set('cursor', cursor);
  if (cursor && back.length > 0) sp.set('back', back.join(','));
  const qs = sp.toString();
  return qs ? `${AUDIT_PATH}?${qs}` : AUDIT_PATH;
}

/** The export of everything the current filters match (all pages, not just this one). */
export function auditExportHref(values: AuditValues, format: 'jsonl' | 'csv'): string {
  const sp = filterParams(values);
  sp.set('format', format);
  return `${AUDIT_PATH}/export?${sp.toString()}`;
}

/** Links to the neighbouring pages; the query pages forward only, so the way back rides in the URL. */
export function auditPaging(q: Pick<AuditQuery, 'values' | 'cursor' | 'back'>, nextCursor: string | null) {
  const older = nextCursor ? auditHref(q.values, nextCursor, q.cursor ? [...q.back, q.cursor] : []) : null;
  let newer: string | null = null;
  if (q.cursor) {
    const prev = q.back.at(-1);
    newer = !prev || prev === NEWEST ? auditHref(q.values, null) : auditHref(q.values, prev, q.back.slice(0, -1));
  }
  return { older, newer, newest: q.cursor ? auditHref(q.values, null) : null };
}

export function hasAuditFilters(values: AuditValues): boolean {
  return Object.entries(values).some(([k, v]) => !PAGING.has(k) && Boolean(v));
}
