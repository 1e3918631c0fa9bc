import type { InspectionPatch, InspectionStatus, Transition } from '@/lib/store/types';

/**
 * The one state machine of an inspection:
 *
 *   in_progress → mfa_pending → authorized → expired
 *        │             │  ↺ (next round, wrong answer)
 *        └─────────────┴──→ failed
 *
 * Each target status lists the statuses it may be reached from; the store applies a change only
 * while the row is still in one of them (a conditional UPDATE), so two writers racing — an answer
 * and a sweep, two answers, two instances — cannot move an authorized session back to failed.
 * Authorized, failed and expired are never left except authorized → expired.
 */
export const REACHABLE_FROM: Readonly<Record<InspectionStatus, readonly InspectionStatus[]>> = {
  in_progress: [],
  mfa_pending: ['in_progress', 'mfa_pending'],
  authorized: ['in_progress', 'mfa_pending'],
  failed: ['in_progress', 'mfa_pending'],
  expired: ['authorized'],
};

/** The guarded change to `status` (with the rest of `patch`). */
export function moveTo(status: InspectionStatus, patch: Omit<InspectionPatch, 'status'> = {}): Transition {
  return { from: REACHABLE_FROM[status], patch: { ...patch, status } };
}

/** A change that keeps the status, applied only while it is `status` (activity on an open session). */
export function whileIn(status: InspectionStatus, patch: Omit<InspectionPatch, 'status'>): Transition {
  return { from: [status], patch };
}

/** Reasons our own sweeps give when they close an inspection without a FlinksCode. */
export const CLOSE_REASONS = {
  abandonedMfa: 'Its MFA round was not completed before the RequestId\'s 8 idle minutes ran out.',
  idle: 'The RequestId sat idle for more than 8 minutes, so Flinks has closed the session. Reopen it to get a new one.',
  stuck: 'No answer from Flinks was recorded within the request timeout (the server may have restarted mid-call), so this attempt was closed.',
  unreadableToken: 'This MFA round can no longer be answered (its token cannot be read with the current data key).',
  cancelled: 'Cancelled while waiting for Flinks: the call was aborted and nothing more was sent.',
} as const;
