import type { InspectorDeps } from './deps';
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
