import { z } from 'zod';

/**
 * /compare's query: ?a=…&b=… (links, the session page's "Compare with…"), or the ticked History rows
 * as repeated ?s=… (the no-script form). Anything but exactly two distinct values is a message.
 */
const ref = z.string().trim().min(1).max(200).refine((v) => !v.includes('\u0000'));

export type CompareParams = { ok: true; a: string; b: string } | { ok: false; message: string };

export function parseCompareParams(raw: Record<string, string | string[] | undefined>): CompareParams {
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const picked = [...list(raw.a), ...list(raw.b), ...list(raw.s)].map((v) => ref.safeParse(v)).flatMap((r) => (r.success ? [r.data] : []));
  const distinct = [...new Set(picked)];
  if (distinct.length === 2) return { ok: true, a: distinct[0]!, b: distinct[1]! };
  if (picked.length === 2) return { ok: false, message: 'Both picks are the same session: choose two different sessions to compare.' };
  return { ok: false, message: `Choose exactly two sessions to compare (${distinct.length} given). Tick two rows in History and press Compare.` };
}
