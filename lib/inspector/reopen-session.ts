import type { Inspection } from '@/lib/store/types';
import type { InspectorDeps } from './deps';
import { parseAuthorizeForm, type ParsedForm } from './form-schema';
import { startInspection } from './start-inspection';
import type { ErrorView } from './views';

/**
 * An expired RequestId cannot be revived (D3); the same LoginId can be opened again in cached mode.
 * This reuses the authorize use case (token → Authorize, every exchange recorded) and links the new
 * inspection to the old one through parentId.
 */

export type ReopenResult =
  | { kind: 'reopened'; inspectionId: string; authorized: boolean }
  | { kind: 'error'; inspectionId: string | null; error: ErrorView };

export async function reopenSession(deps: InspectorDeps, inspectionId: string): Promise<ReopenResult> {
  const parent = await deps.store.getInspection(inspectionId);
  if (!parent) return { kind: 'error', inspectionId: null, error: { kind: 'app', message: 'This session is unknown.' } };
  if (!parent.loginId) {
    return { kind: 'error', inspectionId: null, error: { kind: 'app', message: 'This session never got a Login ID, so it cannot be reopened in cached mode. Start a new session instead.' } };
  }
  const result = await startInspection(
    { mode: 'cached', loginId: parent.loginId, tag: parent.tag ?? undefined },
    deps,
    { parentId: parent.id },
  );
  switch (result.kind) {
    case 'authorized':
      return { kind: 'reopened', inspectionId: result.inspectionId, authorized: true };
    case 'mfa':
      return { kind: 'reopened', inspectionId: result.inspectionId, authorized: false };
    case 'error':
      // The failed attempt has its own page too: go there so its timeline shows why.
      return result.inspectionId ? { kind: 'reopened', inspectionId: result.inspectionId, authorized: false } : { kind: 'error', inspectionId: null, error: result.error };
    case 'invalid':
      return { kind: 'error', inspectionId: null, error: { kind: 'app', message: result.message } };
  }
}

/**
 * Run again (and Reopen of a live session): the same mode and inputs as a stored inspection, as a
 * new inspection linked to it by parentId. What was typed is rebuilt from the inspection's columns
 * and its recorded Authorize request (Save); the password was never stored, so a live login with
 * credentials asks for it again.
 */
export type RerunInputs = {
  mode: 'cached' | 'live';
  loginId: string | null;
  institution: string | null;
  username: string | null;
  language: 'en' | 'fr';
  save: boolean;
  tag: string | null;
  /** A live login with credentials: the password must be typed again. */
  needsPassword: boolean;
  /** The test persona's hint when the username is one (never on production). */
  personaHint: string | null;
  /** Production: opening asks for a reason (a ticket number), as the home form does. */
  askReason: boolean;
};

type StoredRequest = { endpoint: string; request: unknown };

/** Save as the first Authorize sent it (true when it cannot be read, the home form's default). */
function savedFlag(steps: readonly StoredRequest[]): boolean {
  const first = steps.find((s) => s.endpoint === 'Authorize');
  const save = (first?.request as { body?: { Save?: unknown } } | undefined)?.body?.Save;
  return typeof save === 'boolean' ? save : true;
}

/** What a Run again repeats, or null when the inspection has nothing to repeat (no Login ID, no username). */
export function rerunInputsOf(
  parent: Inspection,
  steps: readonly StoredRequest[],
  extra: { personaHint: string | null; askReason: boolean },
): RerunInputs | null {
  const base = { tag: parent.tag, ...extra };
  if (parent.mode === 'cached') {
    if (!parent.loginId) return null;
    return { ...base, mode: 'cached', loginId: parent.loginId, institution: null, username: null, language: 'en', save: true, needsPassword: false };
  }
  // A live login with a username used credentials (its Login ID only arrived with the answer); one
  // without was a live refresh of a saved Login ID, which needs no password.
  if (!parent.username && !parent.loginId) return null;
  return {
    ...base,
    mode: 'live',
    loginId: parent.username ? null : parent.loginId,
    institution: parent.institution ?? 'FlinksCapital',
    username: parent.username,
    language: parent.language === 'fr' ? 'fr' : 'en',
    save: savedFlag(steps),
    needsPassword: Boolean(parent.username),
  };
}

export const PASSWORD_AGAIN = 'Enter the password again: it is never stored.';

/** The authorize input for a Run again, parsed by the home form's schema (same limits and messages). */
export function rerunAuthorizeInput(inputs: RerunInputs, typed: { password?: string; reason?: string }): ParsedForm {
  if (inputs.needsPassword && !typed.password) return { ok: false, fieldErrors: { password: PASSWORD_AGAIN } };
  const payload =
    inputs.mode === 'cached'
      ? { mode: 'cached', loginId: inputs.loginId ?? '', tag: inputs.tag ?? '', reason: typed.reason ?? '' }
      : {
          mode: 'live',
          institution: inputs.institution ?? '',
          loginId: inputs.loginId ?? '',
          username: inputs.username ?? '',
          password: inputs.needsPassword ? typed.password : '',
          language: inputs.language,
          save: inputs.save,
          tag: inputs.tag ?? '',
          reason: typed.reason ?? '',
        };
  return parseAuthorizeForm(payload);
}
