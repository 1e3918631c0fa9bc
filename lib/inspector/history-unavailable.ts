import { HISTORY_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/store/unavailable';
import type { InspectionResult } from './views';

/**
 * A database that is down or hangs (the pool gives up within DATABASE_CONNECT_TIMEOUT_MS or
 * DATABASE_STATEMENT_TIMEOUT_MS) becomes a result the page shows, not a crashed request. Any other
 * exception is a bug (or Next's redirect/forbidden signal) and goes on. An MFA round stays
 * answerable: its answer's transaction rolled back and its lease was given back.
 */
export async function orHistoryUnavailable(inspectionId: string | null, run: () => Promise<InspectionResult>): Promise<InspectionResult> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return historyUnavailableResult(inspectionId);
  }
}

/** The result an action gives while the history database is down (staff sign-in lives there too). */
export function historyUnavailableResult(inspectionId: string | null): InspectionResult {
  return { kind: 'error', inspectionId, error: { kind: 'app', message: HISTORY_UNAVAILABLE_MESSAGE }, mfaOpen: inspectionId !== null };
}

/**
 * For `requireViewer(...).catch(nullWhenDatabaseDown)`: checking the caller reads the staff session
 * from the same database, so an outage shows up there first. Null then (the action answers
 * historyUnavailableResult and does nothing); anything else — Next's redirect and 401/403 signals
 * included — is rethrown.
 */
export function nullWhenDatabaseDown(error: unknown): null {
  if (isDatabaseUnavailable(error)) return null;
  throw error;
}
