'use server';

import { recordAudit } from '@/lib/audit/record';
import { inspectionTarget, withMeta } from '@/lib/audit/targets';
import { actorOf, currentRequestMeta, demand, requireOwnerOrDelegate, requireViewer, type Viewer } from '@/lib/auth/viewer';
import { defaultDeps } from '@/lib/inspector/deps';
import { followLink, type FollowResult } from '@/lib/inspector/follow-link';
import { pollAccountsDetail } from '@/lib/inspector/poll-accounts-detail';
import { reopenSession, type ReopenResult } from '@/lib/inspector/reopen-session';
import { followLinkInputSchema, sessionInputSchema } from '@/lib/inspector/session-action-schema';
import { upstreamAdmission } from '@/lib/inspector/upstream-admission';
import { busyErrorView } from '@/lib/inspector/views';
import type { Inspection } from '@/lib/store/types';

/*
 * Public HTTP endpoints: check the caller first, parse, call lib/inspector, record who did it, return
 * a serializable view. No key, secret or token is ever part of a result.
 */

const invalid = { kind: 'error', error: { kind: 'app', message: 'Invalid request.' } } as const;

async function audit(viewer: Viewer, action: 'link.follow' | 'statement.download' | 'inspection.reopen', inspection: Inspection | null, id: string, outcome: 'permitted' | 'error', extra: Record<string, unknown>) {
  await recordAudit({
    action,
    actor: actorOf(viewer),
    outcome,
    environment: viewer.environment,
    request: await currentRequestMeta(),
    ...(inspection ? withMeta(inspectionTarget(inspection), extra) : { target: { type: 'inspection', id }, metadata: extra }),
  });
}

export async function followLinkAction(payload: unknown): Promise<FollowResult> {
  const viewer = await requireViewer('link:follow');
  const parsed = followLinkInputSchema.safeParse(payload);
  if (!parsed.success) return invalid;
  const { inspectionId, link } = parsed.data;
  // Statements are customer documents (PDFs): a permission of their own.
  if (link === 'statements') await demand(viewer, 'statement:download', `inspection:${inspectionId}`);
  const deps = await defaultDeps(viewer);
  const admitted = await upstreamAdmission().run('continue', () => followLink(deps, inspectionId, link));
  if (admitted.kind === 'busy') return { kind: 'error', error: busyErrorView(admitted.retryAfterSeconds) };
  const result = admitted.value;
  const inspection = await deps.store.getInspection(inspectionId);
  const outcome = result.kind === 'error' ? 'error' : 'permitted';
  await audit(viewer, 'link.follow', inspection, inspectionId, outcome, { link, result: result.kind });
  if (link === 'statements') await audit(viewer, 'statement.download', inspection, inspectionId, outcome, { result: result.kind });
  return result;
}

export async function pollAccountsDetailAction(payload: unknown): Promise<FollowResult> {
  const viewer = await requireViewer('link:follow');
  const parsed = sessionInputSchema.safeParse(payload);
  if (!parsed.success) return invalid;
  // Polls continue a Link already followed (and audited); they are not recorded one by one.
  // Not behind the admission gate: a poll comes once per POLL_INTERVAL_MS per open page, and a busy
  // answer would end the poller (it stops on anything but pending).
  return pollAccountsDetail(await defaultDeps(viewer), parsed.data.inspectionId);
}

export async function reopenSessionAction(payload: unknown): Promise<ReopenResult> {
  const viewer = await requireViewer('inspection:open_cached');
  const parsed = sessionInputSchema.safeParse(payload);
  if (!parsed.success) return { ...invalid, inspectionId: null };
  const deps = await defaultDeps(viewer);
  const parent = await deps.store.getInspection(parsed.data.inspectionId);
  if (parent) await requireOwnerOrDelegate(viewer, parent);
  const admitted = await upstreamAdmission().run('start', () => reopenSession(deps, parsed.data.inspectionId));
  if (admitted.kind === 'busy') return { kind: 'error', inspectionId: null, error: busyErrorView(admitted.retryAfterSeconds) };
  const result = admitted.value;
  await audit(viewer, 'inspection.reopen', parent, parsed.data.inspectionId, result.kind === 'error' ? 'error' : 'permitted', {
    result: result.kind,
    ...(result.inspectionId ? { newInspectionId: result.inspectionId } : {}),
  });
  return result;
}
