/**
 * Statement PDFs travel as Base64Bytes (docs/flinks-api.md §8.4). They are customer documents
 * and large, so a stored step keeps a byte-count note instead of the file.
 */
export function compactResponse(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactResponse);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key.toLowerCase() === 'base64bytes' && typeof v === 'string') {
      out[key] = `[${base64ByteLength(v)} bytes of PDF not stored]`;
    } else out[key] = compactResponse(v);
  }
  return out;
}

export function base64ByteLength(b64: string): number {
  const clean = b64.replace(/\s+/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}
