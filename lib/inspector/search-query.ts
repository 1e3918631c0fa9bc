import { z } from 'zod';

/**
 * The header's Search box: one value that may be a Request ID, Login ID, inspection id or Tag, whole
 * or its start. Forgiving like History's filters: a bad value is no search, never an error page.
 */
const searchSchema = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z.string().trim().max(200).refine((v) => !v.includes('\u0000')),
);

export function parseSearch(raw: unknown): string | null {
  const r = searchSchema.safeParse(raw);
  return r.success && r.data !== '' ? r.data : null;
}
