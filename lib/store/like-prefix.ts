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
