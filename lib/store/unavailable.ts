/**
 * Whether an error means the database could not be used right now (down, unreachable, hanging,
 * restarting) rather than a bug: the one case a use case's caller turns into a "history
 * unavailable, try again" result. Drizzle wraps driver errors, so the cause chain is walked.
 */

// SQLSTATE classes 08 (connection), 57 (operator intervention: admin shutdown, statement timeout,
// cannot connect now) and 53 (insufficient resources, e.g. too many connections).
const UNAVAILABLE_SQLSTATE = /^(08|57|53)/;
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGE =
  /timeout exceeded when trying to connect|connection terminated|query read timeout|connection timeout|server closed the connection|cannot use a pool after calling end|client has encountered a connection error|statement timeout/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_NODE_CODES.has(code) || (code.length === 5 && UNAVAILABLE_SQLSTATE.test(code)))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGE.test(message)) return true;
    // AggregateError (a host that resolves to several addresses, each refused).
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.some(isDatabaseUnavailable)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

export const HISTORY_UNAVAILABLE_MESSAGE =
  'The history database is unavailable right now, so this could not be recorded or read. Nothing was lost; try again in a moment.';

/** For pages: the value, or `unavailable` when the database is down or hangs (any other error goes on). */
export async function unlessUnavailable<T>(run: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; unavailable: true }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ok: false, unavailable: true };
  }
}
