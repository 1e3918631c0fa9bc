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
import type { Denied } from './inspections';

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
