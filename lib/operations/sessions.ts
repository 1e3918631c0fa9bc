import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { inspectionTarget, withMeta } from '@/lib/audit/targets';
import { auditFields, permits, permitsOwnerOrDelegate, type Viewer } from '@/lib/auth/viewer';
import { defaultDeps } from '@/lib/inspector/deps';
import { followLink, type FollowResult, type LinkKind } from '@/lib/inspector/follow-link';
import { DEFAULT_FOLLOW_OPTIONS, describeFollowOptions, type FollowOptions } from '@/lib/inspector/follow-options';
import { pollAccountsDetail } from '@/lib/inspector/poll-accounts-detail';
import { reopenSession, type ReopenResult } from '@/lib/inspector/reopen-session';
import { revealHolderData, type RevealHolderDataResult } from '@/lib/inspector/reveal-holder-data';
import { loadSupportBundle } from '@/lib/inspector/session-queries';
import type { Inspection } from '@/lib/store/types';
import { openInspection, type Denied } from './inspections';
import { oncePerClick } from '@/lib/inspector/once-per-click';
import { rerunAuthorizeInput, rerunInputsOf, type RerunInputs } from '@/lib/inspector/reopen-session';
import { personaHint } from '@/lib/inspector/persona-hint';
import { reasonRequired } from '@/lib/auth/permissions';
import type { FieldErrors } from '@/lib/inspector/form-check';
import type { ErrorView } from '@/lib/inspector/views';

/**
 * The session page's operations (follow a Link, poll, reopen, the support bundle) with their checks
 * and audit events, shared by the server actions, the bundle route and the HTTP API.
 */

type SessionAction = 'link.follow' | 'statement.download' | 'inspection.reopen' | 'pii.reveal';

async function audit(viewer: Viewer, action: SessionAction, inspection: Inspection | null, id: string, outcome: 'permitted' | 'error', extra: Record<string, unknown>, reason: string | null = null) {
  await recordAudit({
    ...(await auditFields(viewer)),
    action,
    outcome,
    reason,
    ...(inspection ? withMeta(inspectionTarget(inspection), extra) : { target: { type: 'inspection' as const, id }, metadata: extra }),
  });
}

export async function followInspectionLink(viewer: Viewer, inspectionId: string, link: LinkKind, options: FollowOptions = DEFAULT_FOLLOW_OPTIONS): Promise<FollowResult | Denied> {
  // Statements are customer documents (PDFs): a permission of their own.
  if (link === 'statements' && !(await permits(viewer, 'statement:download', `inspection:${inspectionId}`))) return { kind: 'denied', permission: 'statement:download' };
  const deps = await defaultDeps(viewer);
  const result = await followLink(deps, inspectionId, link, options);
  const inspection = await deps.store.getInspection(inspectionId);
  const outcome = result.kind === 'error' ? 'error' : 'permitted';
  // The window asked for (days, how many accounts, flags off): account Ids stay out of the trail.
  const asked = link === 'summary' ? {} : { options: describeFollowOptions(options) };
  await audit(viewer, 'link.follow', inspection, inspectionId, outcome, { link, result: result.kind, ...asked });
  if (link === 'statements') await audit(viewer, 'statement.download', inspection, inspectionId, outcome, { result: result.kind });
  return result;
}

/** Polls continue a Link already followed (and audited); they are not recorded one by one. */
export async function pollInspectionDetail(viewer: Viewer, inspectionId: string): Promise<FollowResult> {
  return pollAccountsDetail(await defaultDeps(viewer), inspectionId);
}

export async function reopenInspection(viewer: Viewer, inspectionId: string): Promise<ReopenResult | Denied> {
  const deps = await defaultDeps(viewer);
  const parent = await deps.store.getInspection(inspectionId);
  if (parent && !(await permitsOwnerOrDelegate(viewer, parent))) return { kind: 'denied', permission: 'inspection:act_for_others' };
  const result = await reopenSession(deps, inspectionId);
  await audit(viewer, 'inspection.reopen', parent, inspectionId, result.kind === 'error' ? 'error' : 'permitted', {
    result: result.kind,
    ...(result.inspectionId ? { newInspectionId: result.inspectionId } : {}),
  });
  return result;
}

/** The support bundle, recorded as bundle.download (it leaves the building); null when unknown. */
export async function downloadSupportBundle(viewer: Viewer, inspectionId: string) {
  const found = await loadSupportBundle(inspectionId);
  if (!found) return null;
  await recordAudit({ ...(await auditFields(viewer)), action: 'bundle.download', outcome: 'permitted', ...inspectionTarget(found.inspection) });
  return found;
}

/**
 * The clear holder details of an inspection, for those with pii:reveal on their own inspection (or
 * who may act for others). Recorded as pii.reveal with the reason and the names of the fields shown,
 * never their values, before the values leave.
 */
export async function revealInspectionHolder(viewer: Viewer, inspectionId: string, reason: string): Promise<RevealHolderDataResult | Denied> {
  const deps = await defaultDeps(viewer);
  const inspection = await deps.store.getInspection(inspectionId);
  if (inspection && !(await permitsOwnerOrDelegate(viewer, inspection))) return { kind: 'denied', permission: 'inspection:act_for_others' };
  const result = await revealHolderData(deps, inspectionId);
  const fields = result.kind === 'revealed' ? result.fields : [];
  await audit(viewer, 'pii.reveal', inspection, inspectionId, result.kind === 'revealed' ? 'permitted' : 'error', { fields, result: result.kind }, reason);
  return result;
}

/** What Run again (and a live Reopen) answers the session page. */
export type RerunResult =
  /** A new inspection exists (authorized, waiting for MFA, or failed: its own page shows why). */
  | { kind: 'opened'; inspectionId: string; result: 'authorized' | 'mfa' | 'error' }
  /** The form must ask first: a live login's password (never stored), or production's reason. */
  | { kind: 'needs_password'; inputs: RerunInputs }
  | { kind: 'invalid'; fieldErrors: FieldErrors; message: string }
  | { kind: 'error'; error: ErrorView };

export type RerunTyped = { password?: string; reason?: string; clickId: string };

/** The session page's Run again offer for one inspection: what it would repeat, or null. */
export async function rerunOffer(inspection: Inspection): Promise<RerunInputs | null> {
  const deps = await defaultDeps(null);
  const steps = await deps.store.listSteps(inspection.id);
  return rerunInputsOf(inspection, steps, { personaHint: personaHint(deps.environment, inspection.username), askReason: reasonRequired(deps.environment) });
}

/**
 * Run again: the same mode and inputs as a new inspection linked to the old one, guarded and audited
 * exactly as opening one from the home page (openInspection: live mode permission, production reason,
 * inspection.open with parentId and via). Anyone who may open a session may run any again (they could
 * type the same inputs); a Reopen acts on the inspection, so it is the owner's or a delegate's.
 * One click opens one inspection (oncePerClick on the click id).
 */
export async function runInspectionAgain(viewer: Viewer, parentId: string, typed: RerunTyped, via: 'run_again' | 'reopen'): Promise<RerunResult | Denied> {
  const deps = await defaultDeps(viewer);
  const parent = await deps.store.getInspection(parentId);
  if (!parent) return { kind: 'error', error: { kind: 'app', message: 'This session is unknown.' } };
  if (via === 'reopen' && !(await permitsOwnerOrDelegate(viewer, parent))) return { kind: 'denied', permission: 'inspection:act_for_others' };
  const inputs = rerunInputsOf(parent, await deps.store.listSteps(parent.id), { personaHint: personaHint(deps.environment, parent.username), askReason: reasonRequired(deps.environment) });
  if (!inputs) return { kind: 'error', error: { kind: 'app', message: 'This session has neither a Login ID nor a username to run again. Start a new session instead.' } };
  // Nothing typed yet (a live Reopen's first click; production's reason): show the form first.
  if ((inputs.needsPassword && typed.password === undefined) || (inputs.askReason && typed.reason === undefined)) return { kind: 'needs_password', inputs };
  const parsed = rerunAuthorizeInput(inputs, typed);
  if (!parsed.ok) return { kind: 'invalid', fieldErrors: parsed.fieldErrors, message: 'Fix the highlighted fields.' };
  const door = `/sessions/${parent.id}`;
  return oncePerClick(
    `${viewer.id}:${parent.id}:${typed.clickId}`,
    async (): Promise<RerunResult | Denied> => {
      const result = await openInspection(viewer, parsed.input, door, { parentId: parent.id, via });
      switch (result.kind) {
        case 'denied':
          return result;
        case 'invalid':
          return { kind: 'invalid', fieldErrors: result.fieldErrors, message: result.message };
        case 'authorized':
        case 'mfa':
          return { kind: 'opened', inspectionId: result.inspectionId, result: result.kind };
        case 'error':
          return result.inspectionId ? { kind: 'opened', inspectionId: result.inspectionId, result: 'error' } : { kind: 'error', error: result.error };
      }
    },
    (r) => r.kind === 'opened',
  );
}

/**
 * Reopen from the session page, in the session's own mode: cached reopens the Login ID as before
 * (reopenInspection, also the HTTP API's); live logs in again like Run again, asking the password.
 */
export async function reopenFromSessionPage(viewer: Viewer, inspectionId: string, typed: RerunTyped): Promise<RerunResult | Denied> {
  const parent = await (await defaultDeps(viewer)).store.getInspection(inspectionId);
  if (parent?.mode === 'live') return runInspectionAgain(viewer, inspectionId, typed, 'reopen');
  const result = await oncePerClick(`${viewer.id}:${inspectionId}:${typed.clickId}`, () => reopenInspection(viewer, inspectionId), (r) => r.kind === 'reopened');
  if (result.kind === 'denied') return result;
  return result.kind === 'reopened' ? { kind: 'opened', inspectionId: result.inspectionId, result: result.authorized ? 'authorized' : 'mfa' } : { kind: 'error', error: result.error };
}
