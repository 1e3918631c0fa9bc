'use server';

import { parseAuthorizeForm } from '@/lib/inspector/form-schema';
import { answerMfaInputSchema } from '@/lib/inspector/mfa-schema';
import { defaultDeps } from '@/lib/inspector/deps';
import { startInspection } from '@/lib/inspector/start-inspection';
import { answerMfa } from '@/lib/inspector/answer-mfa';
import type { InspectionResult } from '@/lib/inspector/views';

/*
 * Server actions are public HTTP endpoints: anything can post to them, so each parses its input
 * with zod and returns only what the browser shows (never the secret key, API key or authorize token).
 * There is no staff login in this product yet: once there is, check the caller here, first.
 */

export async function startInspectionAction(payload: unknown): Promise<InspectionResult> {
  const parsed = parseAuthorizeForm(payload);
  if (!parsed.ok) return { kind: 'invalid', fieldErrors: parsed.fieldErrors, message: 'Fix the highlighted fields.' };
  return startInspection(parsed.input, await defaultDeps());
}

export async function answerMfaAction(payload: unknown): Promise<InspectionResult> {
  const parsed = answerMfaInputSchema.safeParse(payload);
  if (!parsed.success) return { kind: 'invalid', fieldErrors: {}, message: 'Answer every question before submitting.' };
  return answerMfa(parsed.data, await defaultDeps());
}
