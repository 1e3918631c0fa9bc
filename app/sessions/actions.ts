'use server';

import { defaultDeps } from '@/lib/inspector/deps';
import { followLink, type FollowResult } from '@/lib/inspector/follow-link';
import { pollAccountsDetail } from '@/lib/inspector/poll-accounts-detail';
import { reopenSession, type ReopenResult } from '@/lib/inspector/reopen-session';
import { followLinkInputSchema, sessionInputSchema } from '@/lib/inspector/session-action-schema';

/*
 * Public HTTP endpoints: parse, call lib/inspector, return a serializable view. No key, secret or
 * token is ever part of a result. (No staff login exists yet; once it does, check the caller first.)
 */

const invalid = { kind: 'error', error: { kind: 'app', message: 'Invalid request.' } } as const;

export async function followLinkAction(payload: unknown): Promise<FollowResult> {
  const parsed = followLinkInputSchema.safeParse(payload);
  if (!parsed.success) return invalid;
  return followLink(await defaultDeps(), parsed.data.inspectionId, parsed.data.link);
}

export async function pollAccountsDetailAction(payload: unknown): Promise<FollowResult> {
  const parsed = sessionInputSchema.safeParse(payload);
  if (!parsed.success) return invalid;
  return pollAccountsDetail(await defaultDeps(), parsed.data.inspectionId);
}

export async function reopenSessionAction(payload: unknown): Promise<ReopenResult> {
  const parsed = sessionInputSchema.safeParse(payload);
  if (!parsed.success) return { ...invalid, inspectionId: null };
  return reopenSession(await defaultDeps(), parsed.data.inspectionId);
}
