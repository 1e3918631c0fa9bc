'use server';

import { forbidWith, requireViewer } from '@/lib/auth/viewer';
import type { FollowResult } from '@/lib/inspector/follow-link';
import { withFollowDefaults } from '@/lib/inspector/follow-options';
import { followLinkInputSchema, rerunInputSchema, sessionInputSchema } from '@/lib/inspector/session-action-schema';
import { followInspectionLink, pollInspectionDetail, reopenFromSessionPage, type RerunResult } from '@/lib/operations/sessions';
import { upstreamAdmission } from '@/lib/inspector/upstream-admission';
import { busyErrorView } from '@/lib/inspector/views';

/*
 * Public HTTP endpoints: check the caller first, parse, then the shared operation (lib/operations:
 * lib/inspector plus the checks and audit events, the same for the HTTP API). No key, secret or
 * token is ever part of a result.
 */

const invalid = { kind: 'error', error: { kind: 'app', message: 'Invalid request.' } } as const;

export async function followLinkAction(payload: unknown): Promise<FollowResult> {
  const viewer = await requireViewer('link:follow');
  const parsed = followLinkInputSchema.safeParse(payload);
  if (!parsed.success) return invalid;
  const admitted = await upstreamAdmission().run('continue', () => followInspectionLink(viewer, parsed.data.inspectionId, parsed.data.link, withFollowDefaults(parsed.data.options)));
  if (admitted.kind === 'busy') return { kind: 'error', error: busyErrorView(admitted.retryAfterSeconds) };
  const result = admitted.value;
  return result.kind === 'denied' ? forbidWith(result.permission) : result;
}

export async function pollAccountsDetailAction(payload: unknown): Promise<FollowResult> {
  const viewer = await requireViewer('link:follow');
  const parsed = sessionInputSchema.safeParse(payload);
  if (!parsed.success) return invalid;
  // Not behind the admission gate: a poll comes once per POLL_INTERVAL_MS per open page, and a busy
  // answer would end the poller (it stops on anything but pending).
  return pollInspectionDetail(viewer, parsed.data.inspectionId);
}

/** Reopen in the session's own mode: cached at once; live asks for the password first (needs_password). */
export async function reopenSessionAction(payload: unknown): Promise<RerunResult> {
  const viewer = await requireViewer('inspection:open_cached');
  const parsed = rerunInputSchema.safeParse(payload);
  if (!parsed.success) return invalid;
  const { inspectionId, ...typed } = parsed.data;
  const admitted = await upstreamAdmission().run('start', () => reopenFromSessionPage(viewer, inspectionId, typed));
  if (admitted.kind === 'busy') return { kind: 'error', error: busyErrorView(admitted.retryAfterSeconds) };
  const result = admitted.value;
  return result.kind === 'denied' ? forbidWith(result.permission) : result;
}
