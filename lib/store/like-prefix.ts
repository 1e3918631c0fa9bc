/**
 * A LIKE pattern that matches strings starting with `prefix`, taken literally: the pattern's own
 * metacharacters (% and _) and the escape character are escaped, so a tag like "100%_done" is not
 * a wildcard. Used with `ESCAPE '\'`.
 */
export const LIKE_ESCAPE = '\\';

export function likePrefixPattern(prefix: string): string {
  return `${prefix.replace(/[\\%_]/g, (c) => `${LIKE_ESCAPE}${c}`)}%`;
}

/** The same test in JavaScript, for the memory store: plain startsWith, case-sensitive like LIKE. */
export function startsWithLiteral(value: string | null, prefix: string): boolean {
  return value !== null && value.startsWith(prefix);
}

const UUID_SHAPE = '00000000-0000-0000-0000-000000000000';

/**
 * The uuid range an inspection-id prefix covers ("9721f1a6" → 9721f1a6-0000-… to 9721f1a6-ffff-…), so
 * the primary key's index answers it instead of a scan of id::text. Null when the text cannot be the
 * start of a canonical uuid (wrong characters or dashes in the wrong places).
 */
export function uuidPrefixRange(prefix: string): { low: string; high: string } | null {
  const p = prefix.toLowerCase();
  if (p.length === 0 || p.length > UUID_SHAPE.length) return null;
  for (let i = 0; i < p.length; i += 1) {
    const dash = UUID_SHAPE[i] === '-';
    if (dash ? p[i] !== '-' : !/[0-9a-f]/.test(p[i]!)) return null;
  }
  const fill = (c: string) => p + UUID_SHAPE.slice(p.length).replace(/0/g, c);
  return { low: fill('0'), high: fill('f') };
}
