import { describeFlinksCode } from '@/lib/flinks/codes';
import { redact, redactRequest, replaceDeep, scrubDeep, type KnownSecret } from '@/lib/flinks/redact';
import type { Inspection, Step } from '@/lib/store/types';
import { compactResponse } from './compact-response';

/**
 * The file a support agent attaches to a ticket (for Flinks or our team): what happened, when, with
 * which RequestId and FlinksCodes, every exchange redacted. The LoginId is masked wherever it appears
 * (it opens the customer's data in cached mode); secrets are placeholders, and known secret values
 * are scrubbed once more as a last line of defence.
 */

export const BUNDLE_FORMAT = 'flinks-session-inspector/support-bundle@1';

export function maskLoginId(loginId: string | null): string | null {
  if (!loginId) return null;
  return loginId.length <= 8 ? '…' : `${loginId.slice(0, 8)}…`;
}

export type BundleInput = {
  inspection: Inspection;
  steps: Step[];
  environment: string;
  generatedAt: Date;
  secrets?: readonly KnownSecret[];
};

export function buildSupportBundle({ inspection: i, steps, environment, generatedAt, secrets = [] }: BundleInput) {
  const codes = [...new Set([i.flinksCode, ...steps.map((s) => s.flinksCode)].filter((c): c is string => Boolean(c)))];
  const bundle = {
    format: BUNDLE_FORMAT,
    generatedAt: generatedAt.toISOString(),
    environment,
    inspection: {
      id: i.id,
      parentId: i.parentId,
      mode: i.mode,
      status: i.status,
      institution: i.institution,
      username: i.username,
      loginId: maskLoginId(i.loginId),
      requestId: i.requestId,
      tag: i.tag,
      language: i.language,
      flinksCode: i.flinksCode,
      createdAt: i.createdAt.toISOString(),
      updatedAt: i.updatedAt.toISOString(),
      lastActivityAt: i.lastActivityAt?.toISOString() ?? null,
    },
    flinksCodes: codes.map((code) => {
      const info = describeFlinksCode(code);
      return { code, explanation: info.explanation, action: info.action };
    }),
    steps: steps.map((s) => ({
      seq: s.seq,
      endpoint: s.endpoint,
      method: s.method,
      url: s.url,
      startedAt: s.startedAt.toISOString(),
      durationMs: s.durationMs,
      httpStatus: s.httpStatus,
      flinksCode: s.flinksCode,
      outcome: s.outcome,
      request: redactRequest(s.request, s.endpoint, secrets),
      response: compactResponse(redact(s.response, secrets)),
      error: s.error,
    })),
  };
  const masked = i.loginId && i.loginId.length > 8 ? replaceDeep(bundle, i.loginId, maskLoginId(i.loginId)!) : bundle;
  return scrubDeep(masked as typeof bundle, secrets);
}

export type SupportBundle = ReturnType<typeof buildSupportBundle>;

export function bundleFileName(i: Pick<Inspection, 'id' | 'createdAt'>): string {
  return `flinks-session-${i.createdAt.toISOString().slice(0, 10)}-${i.id.slice(0, 8)}.json`;
}
