import type { AuditInput } from './types';

/**
 * What an inspection event is "about": the customer's LoginId when we know it (so the trail answers
 * "who looked at this customer"), else our inspection id. The other ids go in the metadata.
 */
export function inspectionTarget(i: { id: string; loginId: string | null; requestId?: string | null }): Pick<AuditInput, 'target' | 'metadata'> {
  return {
    target: i.loginId ? { type: 'login', id: i.loginId } : { type: 'inspection', id: i.id },
    metadata: { inspectionId: i.id, ...(i.requestId ? { requestId: i.requestId } : {}) },
  };
}

/** Adds names (never customer values) to an event's metadata. */
export function withMeta<T extends Pick<AuditInput, 'metadata'>>(base: T, extra: Record<string, unknown>): T {
  return { ...base, metadata: { ...(base.metadata ?? {}), ...extra } };
}
