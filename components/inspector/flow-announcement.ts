import type { ErrorView } from '@/lib/inspector/views';
import type { Flow } from './use-inspection-flow';

/** What the home flow focuses and announces when something appears (inspector.tsx). */

export const ERROR_HEADING = 'inspector-error-heading';

/** What the flow shows now, for focus: changes only when something new appears. */
export function shownKey(flow: Flow, errorCount: number): string {
  if (flow.stage === 'result') return `result-${flow.inspectionId}`;
  if (flow.error) return `error-${errorCount}`;
  if (flow.stage === 'mfa') return `mfa-${flow.inspectionId}-${flow.round}`;
  return 'form';
}

export function errorHeading(flow: Flow): string {
  return flow.stage === 'mfa' ? 'Problem with the answers' : 'The session did not open';
}

function describeError(e: ErrorView): string {
  if (e.kind === 'flinks') return `Flinks error ${e.flinksCode}: ${e.explanation}`;
  if (e.kind === 'transport') return `${e.title}. ${e.message}`;
  return e.message;
}

/** One sentence for the polite live region: what the last action produced. */
export function announcement(flow: Flow): string {
  if (flow.stage === 'result') return `Session opened. Request ID ${flow.session.requestId}.`;
  if (flow.error) return `${errorHeading(flow)}. ${describeError(flow.error)}${attemptNote(flow)}`;
  // Worded apart from the visible "Round 2" line, so a text search finds the one on screen only.
  if (flow.stage === 'mfa') return `Security questions${flow.round > 1 ? ` again, the bank's round number ${flow.round}` : ''}: ${flow.challenges.length === 1 ? 'one question' : `${flow.challenges.length} questions`}.`;
  return '';
}

/**
 * After a wrong answer, which try comes next and, before the last one, the warning (D4); worded
 * apart from the visible "Attempt 2 of 3" and "Last attempt" lines, like the round above.
 */
function attemptNote(flow: Flow): string {
  if (flow.stage !== 'mfa' || !flow.attempt || flow.attempt.number === 1) return '';
  const { number, of } = flow.attempt;
  return flow.attempt.last ? ` Try ${number} of ${of}, the final one: one more wrong answer ends the session.` : ` Try ${number} of ${of} next.`;
}
