import { z } from 'zod';

/**
 * Reading and normalising request bodies. Junk never throws out of here: every failure becomes a
 * Flinks-shaped problem the endpoint turns into INVALID_REQUEST (D6) or 413.
 */

export type BodyResult =
  | { ok: true; value: Record<string, unknown> }
  | { ok: false; tooLarge: boolean; problem: string };

async function readCapped(req: Request, max: number): Promise<{ text: string } | { tooLarge: true }> {
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > max) return { tooLarge: true };
  if (!req.body) return { text: '' };
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString('utf8') };
}

/** An object body, or an empty object for an empty body (GenerateAuthorizeToken, async GETs). */
export async function readJsonObject(req: Request, max: number): Promise<BodyResult> {
  let read;
  try {
    read = await readCapped(req, max);
  } catch {
    return { ok: false, tooLarge: false, problem: 'The request body could not be read.' };
  }
  if ('tooLarge' in read) return { ok: false, tooLarge: true, problem: `The request body exceeds ${max} bytes.` };
  if (read.text.trim() === '') return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(read.text);
  } catch {
    return { ok: false, tooLarge: false, problem: 'The request body is not valid JSON.' };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, tooLarge: false, problem: 'The request body must be a JSON object.' };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}

/**
 * D8: keys are matched case-insensitively. Returns the object with known keys renamed to their
 * canonical PascalCase spelling (values untouched, so SecurityResponses prompts stay verbatim).
 */
export function canonicalKeys(raw: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  const byLower = new Map(known.map((k) => [k.toLowerCase(), k]));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const canonical = byLower.get(key.toLowerCase());
    if (canonical && !(canonical in out)) out[canonical] = value;
  }
  return out;
}

/** D8: booleans arrive as true or "true" (the C# SDK sends strings). */
export const looseBoolean = z.preprocess((v) => {
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (s === 'true') return true;
    if (s === 'false') return false;
  }
  return v;
}, z.boolean());

/** zod issues -> Flinks ValidationDetails (field -> messages). */
export function validationDetails(error: z.ZodError): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || 'Body';
    (details[field] ??= []).push(issue.message);
  }
  return details;
}
