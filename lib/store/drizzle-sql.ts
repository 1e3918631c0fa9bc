import { eq, getTableColumns, gte, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { inspections } from './schema';
import { storableJsonText } from './json';
import { likePrefixPattern, uuidPrefixRange } from './like-prefix';
import type { InspectionFilter } from './types';

function omitKey<T extends object, K extends keyof T>(obj: T, key: K): Omit<T, K> {
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k !== key)) as Omit<T, K>;
}

/** Every column but the internal step counter: selected rows are then exactly `Inspection`. */
export const inspectionColumns = omitKey(getTableColumns(inspections), 'stepCount');

/** A value as jsonb stores it (json.ts: storableJsonText); SQL NULL for null, as drizzle's own jsonb mapping does. */
export function jsonParam(value: unknown): SQL {
  const text = storableJsonText(value);
  return text === null ? sql`null::jsonb` : sql`${text}::jsonb`;
}

/**
 * `col LIKE 'x%'` with the prefix taken literally. Under the C collation (PGlite's) PostgreSQL turns
 * a left-anchored LIKE into an index range itself; the extra `col >= x` (true of every string that
 * starts with x, in any collation) gives other collations a lower bound the index can start from.
 */
function startsWith(col: AnyColumn | SQL, prefix: string): SQL {
  return sql`(${col} >= ${prefix} and ${col} like ${likePrefixPattern(prefix)} escape '\\')`;
}

export function whereFor(f: InspectionFilter): SQL[] {
  const t = inspections;
  const conditions: SQL[] = [];
  if (f.loginId !== undefined) conditions.push(eq(t.loginId, f.loginId));
  if (f.loginIdPrefix !== undefined) conditions.push(startsWith(t.loginId, f.loginIdPrefix));
  if (f.requestId !== undefined) conditions.push(eq(t.requestId, f.requestId));
  if (f.tagPrefix !== undefined) conditions.push(startsWith(t.tag, f.tagPrefix));
  if (f.anyPrefix !== undefined) {
    const p = f.anyPrefix;
    // An id prefix is a uuid range: the primary key's index answers it (no scan of id::text).
    const range = p.length >= 4 ? uuidPrefixRange(p) : null;
    const idLike = range ? [sql`${t.id} between ${range.low}::uuid and ${range.high}::uuid`] : [];
    conditions.push(or(startsWith(t.loginId, p), startsWith(t.requestId, p), startsWith(t.tag, p), ...idLike)!);
  }
  if (f.tag !== undefined) conditions.push(eq(t.tag, f.tag));
  // Same expression as inspections_institution_idx, so the index applies.
  if (f.institution !== undefined) conditions.push(sql`lower(${t.institution}) = lower(${f.institution})`);
  if (f.mode !== undefined) conditions.push(eq(t.mode, f.mode));
  if (f.status !== undefined) conditions.push(eq(t.status, f.status));
  // Emails are stored lower-cased (lib/auth), so equality serves inspections_opened_by_idx.
  if (f.openedBy !== undefined) conditions.push(eq(t.openedByEmail, f.openedBy.toLowerCase()));
  if (f.from !== undefined) conditions.push(gte(t.createdAt, f.from));
  if (f.to !== undefined) conditions.push(lte(t.createdAt, f.to));
  return conditions;
}
