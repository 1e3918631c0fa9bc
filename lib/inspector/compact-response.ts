/**
 * Statement PDFs travel as Base64Bytes (docs/flinks-api.md §8.4). They are customer documents
 * and large, so a stored step keeps a byte-count note instead of the file.
 */
export function compactResponse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactResponse);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own keys: a `__proto__` key in a response stays data, not the copy's prototype.
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key.toLowerCase() === 'base64bytes' && typeof v === 'string' ? `[${base64ByteLength(v)} bytes of PDF not stored]` : compactResponse(v),
    ]),
  );
}

export function base64ByteLength(b64: string): number {
  const clean = b64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}
