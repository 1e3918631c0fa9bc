'use client';

import { useRef, useState } from 'react';
import { answerMfaAction, startInspectionAction } from '@/app/actions/inspection';
import { requestCancel } from './request-cancel';
import type { SecurityResponses } from '@/lib/flinks/schemas';
import { checkAuthorizeForm, EMPTY_FORM, formPayload, type AuthorizeFormValues, type FieldErrors } from '@/lib/inspector/form-check';
import type { MfaAttempt } from '@/lib/inspector/mfa-attempts';
import type { ChallengeView, ErrorView, InspectionResult, SessionView } from '@/lib/inspector/views';

export type Flow =
  | { stage: 'form'; inspectionId: string | null; error: ErrorView | null }
  | { stage: 'mfa'; inspectionId: string; challenges: ChallengeView[]; round: number; error: ErrorView | null; attempt?: MfaAttempt }
  | { stage: 'result'; inspectionId: string; session: SessionView };

const START: Flow = { stage: 'form', inspectionId: null, error: null };

function next(current: Flow, result: InspectionResult): Flow {
  switch (result.kind) {
    case 'authorized':
      return { stage: 'result', inspectionId: result.inspectionId, session: result.session };
    case 'mfa': {
      // A wrong answer re-asks within the same round (D4); only a fresh 203 starts the next one.
      const round = current.stage === 'mfa' ? current.round + (result.error ? 0 : 1) : 1;
      return { stage: 'mfa', inspectionId: result.inspectionId, challenges: result.challenges, round, error: result.error, attempt: result.attempt };
    }
    case 'error':
      // A timeout while answering leaves the round answerable: keep the questions on screen.
      if (result.mfaOpen && current.stage === 'mfa') return { ...current, error: result.error };
      return { stage: 'form', inspectionId: result.inspectionId, error: result.error };
    case 'invalid':
      return { stage: 'form', inspectionId: null, error: { kind: 'app', message: result.message } };
  }
}

/**
 * A v4 UUID for the inspection about to be opened, chosen here so the page can link to it and cancel
 * it while its first call runs. getRandomValues, not randomUUID: the latter needs a secure context
 * and a team may serve the dashboard over plain HTTP inside its network.
 */
export function newInspectionId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function keptOnStartOver(v: AuthorizeFormValues): AuthorizeFormValues {
  return { ...EMPTY_FORM, mode: v.mode, institution: v.institution, username: v.username, language: v.language, save: v.save, tag: v.tag };
}

/** The page's state machine: form → (MFA rounds) → result, with errors that never strand the user. */
export function useInspectionFlow(initialLoginId = '') {
  // A Login ID given in the URL fills the form once; Start over empties it like any other.
  const [values, setValues] = useState<AuthorizeFormValues>(() => (initialLoginId ? { ...EMPTY_FORM, loginId: initialLoginId } : EMPTY_FORM));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [flow, setFlow] = useState<Flow>(START);
  const [generation, setGeneration] = useState(0);
  const [started, setStarted] = useState(false);
  // Which call is on its way. Plain state, not TanStack Query: this page does not poll, and the
  // query client would add ~15 kB gzip to it (issue 10). Actions are never retried behind the user's back.
  const [pending, setPending] = useState<'start' | 'answer' | null>(null);
  // Counts errors shown, so the same error twice in a row (a second wrong answer) still moves focus.
  const [errorCount, setErrorCount] = useState(0);
  // Start over abandons a call in flight: its late answer must not bring the old flow back.
  const attempt = useRef(0);
  // The inspection whose call is on its way (for Cancel and "Open the inspection"), and whether Cancel was pressed.
  const [runningId, setRunningId] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState(false);

  const apply = (result: InspectionResult) => {
    if (result.kind === 'invalid') setFieldErrors(result.fieldErrors);
    if (result.kind === 'error' || result.kind === 'invalid' || (result.kind === 'mfa' && result.error)) setErrorCount((n) => n + 1);
    setFlow((current) => next(current, result));
  };

  // A thrown action (a bug, or the server unreachable) must not strand the user either.
  const onFailure = (err: unknown) => {
    const message = `The dashboard could not complete the request (${err instanceof Error ? err.message : 'unknown error'}). Try again or start over.`;
    setErrorCount((n) => n + 1);
    setFlow((f) => (f.stage === 'result' ? f : { ...f, error: { kind: 'app', message } }));
  };

  async function run(kind: 'start' | 'answer', inspectionId: string, call: () => Promise<InspectionResult>) {
    const mine = ++attempt.current;
    setPending(kind);
    setRunningId(inspectionId);
    setCancelling(false);
    try {
      const result = await call();
      if (mine === attempt.current) apply(result);
    } catch (err) {
      if (mine === attempt.current) onFailure(err);
    } finally {
      if (mine === attempt.current) {
        setPending(null);
        setRunningId(null);
        setCancelling(false);
      }
    }
  }

  // The running action answers once its call is aborted (a "cancelled" error); this only asks for it.
  async function cancel() {
    if (!runningId || cancelling) return;
    setCancelling(true);
    try {
      // Nothing to cancel yet (the start still waits for its turn at the gate): Cancel can be pressed again.
      if (!(await requestCancel(runningId))) setCancelling(false);
    } catch (err) {
      setCancelling(false);
      onFailure(err);
    }
  }

  function submitForm() {
    // Checked here so a bad field never reaches Flinks; the server action parses again with zod.
    const errors = checkAuthorizeForm(values);
    if (Object.keys(errors).length > 0) {
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    setStarted(true);
    setFlow(START);
    const inspectionId = newInspectionId();
    void run('start', inspectionId, () => startInspectionAction({ ...(formPayload(values) as object), inspectionId }));
  }

  function submitAnswers(responses: SecurityResponses) {
    if (flow.stage !== 'mfa') return;
    setFlow({ ...flow, error: null });
    void run('answer', flow.inspectionId, () => answerMfaAction({ inspectionId: flow.inspectionId, responses }));
  }

  // An edited field loses its stale error; switching mode drops them all (they belonged to the other form).
  function changeValues(next: AuthorizeFormValues) {
    setFieldErrors((errs) => {
      if (next.mode !== values.mode) return {};
      const kept: FieldErrors = {};
      for (const [k, msg] of Object.entries(errs) as [keyof FieldErrors, string][]) if (next[k] === values[k]) kept[k] = msg;
      return kept;
    });
    setValues(next);
  }

  /**
   * A fresh form that keeps what QA repeats (mode, institution, username — so the chosen persona —,
   * language, Save and tag). Never the password, never the Login ID (the next session is usually
   * another one), never the production reason (one ticket per opening).
   */
  function startOver() {
    attempt.current += 1;
    setPending(null);
    setRunningId(null);
    setCancelling(false);
    setValues((v) => keptOnStartOver(v));
    setFieldErrors({});
    setFlow(START);
    setStarted(false);
    setGeneration((g) => g + 1);
  }

  return { values, changeValues, fieldErrors, flow, errorCount, generation, started, pending: pending !== null, startPending: pending === 'start', submitForm, submitAnswers, startOver, runningId, cancelling, cancel };
}
