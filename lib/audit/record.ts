import 'server-only';
import { randomUUID } from 'node:crypto';
import { getDatabase } from '@/lib/store';
import { auditEvents } from '@/lib/store/schema-audit';
import type { AuditInput } from './types';

/**
 * The one way to record who did what. It throws when the row cannot be written: an action that
 * must be audited (a reveal, say) must not go ahead unrecorded.
 */
export async function recordAudit(input: AuditInput): Promise<void> {
  const { db } = await getDatabase();
  const actor = input.actor;
  await db.insert(auditEvents).values({
    id: randomUUID(),
    at: new Date(),
    actorType: actor.type,
    actorId: actor.type === 'user' ? actor.id : null,
    actorEmail: actor.type === 'user' ? actor.email : null,
    actorRole: actor.type === 'user' ? actor.role : null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    environment: input.environment ?? null,
    reason: input.reason ?? null,
    outcome: input.outcome,
    interface: input.interface ?? (actor.type === 'system' ? 'system' : 'web'),
    requestId: input.request?.requestId ?? null,
    ip: input.request?.ip ?? null,
    userAgent: input.request?.userAgent ?? null,
    metadata: input.metadata ?? null,
  });
}
