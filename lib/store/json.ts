/**
 * What jsonb will hold for a value: JSON semantics (undefined keys dropped, Dates as ISO strings)
 * and no U+0000, which jsonb rejects outright — a binary upstream body quoted in `{ text }` would
 * otherwise make appendStep fail. The memory store applies the same so both backends agree and
 * neither keeps a reference the caller could mutate later.
 */
export function toStorableJson(value: unknown): unknown {
  const text = storableJsonText(value);
  return text === null ? null : (JSON.parse(text) as unknown);
}

/**
 * The same as JSON text, null for SQL NULL: what a jsonb parameter takes. Stringified once (issue 10:
 * a step's bodies were stringified, parsed and stringified again on every write).
 */
export function storableJsonText(value: unknown): string | null {
  const text = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined || text === 'null') return null;
  return text.includes('\\u0000') ? JSON.stringify(withoutNul(JSON.parse(text))) : text;
}

const NUL = /\u0000/g;

function withoutNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(NUL, '\ufffd');
  if (Array.isArray(value)) return value.map(withoutNul);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(NUL, '\ufffd'), withoutNul(v)]));
  }
  return value;
}
