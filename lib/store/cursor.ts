/**
 * The listing cursor: the (createdAt, id) of the last row of a page, base64url-encoded so callers
 * treat it as opaque (it travels in URLs). Both stores share it, so a cursor means the same thing
 * whichever backend produced it.
 */

export type CursorKey = { createdAt: Date; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export function encodeCursor(key: CursorKey): string {
  return Buffer.from(JSON.stringify([key.createdAt.getTime(), key.id]), 'utf8').toString('base64url');
}

/** null for anything we did not produce: a tampered or stale cursor is input, not a bug. */
export function decodeCursor(cursor: string): CursorKey | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [ms, id] = parsed as [unknown, unknown];
    if (typeof ms !== 'number' || !Number.isFinite(ms) || typeof id !== 'string' || !isUuid(id)) return null;
    return { createdAt: new Date(ms), id };
  } catch {
    return null;
  }
}

/** Newest first: createdAt descending, then id descending (uuid byte order = lowercase hex order). */
export function compareNewestFirst(a: CursorKey, b: CursorKey): number {
  const dt = b.createdAt.getTime() - a.createdAt.getTime();
  if (dt !== 0) return dt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/** Page sizes are clamped so a hand-edited URL cannot ask for the whole table. */
export function clampLimit(limit: number): number {
  if (!Number.isFinite(limit)) return 50;
  return Math.min(Math.max(Math.trunc(limit), 1), 500);
}
