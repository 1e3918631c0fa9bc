/**
 * An event's metadata in one table cell: `key=value` pairs, cut to a length that keeps the row one
 * line high; the full JSON goes in the cell's title and in the export.
 */
export function summariseMetadata(metadata: unknown, max = 80): { short: string; full: string } | null {
  if (metadata === null || metadata === undefined) return null;
  const full = JSON.stringify(metadata);
  if (typeof metadata !== 'object' || Array.isArray(metadata)) return { short: cut(full, max), full };
  const pairs = Object.entries(metadata as Record<string, unknown>).map(
    ([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`,
  );
  if (pairs.length === 0) return null;
  return { short: cut(pairs.join(', '), max), full };
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
