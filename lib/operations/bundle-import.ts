import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { auditFields, permits, type Viewer } from '@/lib/auth/viewer';
import { getEnv } from '@/lib/env';
import { loadSupportBundle } from '@/lib/inspector/session-queries';
import { embeddedSimulator } from '@/lib/simulator/embedded';
import { parseSupportBundle } from '@/lib/simulator/replay/bundle';
import type { Denied } from './inspections';

/**
 * "Import bundle": a support bundle handed to the embedded simulator, which from then on replays it
 * for a LoginId of its own (lib/simulator/replay). Kept in the memory of this server process, like
 * everything the simulator holds: a restart forgets it, and each instance has its own (a dev tool).
 * Recorded as bundle.import: the source inspection and the number of steps, never their content.
 */

export type ImportBundleResult =
  | { ok: true; loginId: string; username: string | null; steps: string[] }
  | { ok: false; message: string };

export async function importSupportBundle(viewer: Viewer, bytes: Uint8Array): Promise<ImportBundleResult> {
  if (!getEnv().flinks.usesEmbeddedSimulator) {
    return { ok: false, message: 'Bundles can be imported only while the embedded simulator is the Flinks upstream.' };
  }
  const parsed = parseSupportBundle(bytes);
  if (!parsed.ok) {
    await recordAudit({ ...(await auditFields(viewer)), action: 'bundle.import', outcome: 'error', target: null, metadata: { result: 'invalid', bytes: bytes.byteLength } });
    return { ok: false, message: parsed.problem };
  }
  const { bundle } = parsed;
  // Recorded before the simulator answers for it: an import that cannot be audited does not happen.
  await recordAudit({
    ...(await auditFields(viewer)),
    action: 'bundle.import',
    outcome: 'permitted',
    target: { type: 'login', id: bundle.loginId },
    metadata: { sourceInspectionId: bundle.sourceInspectionId, steps: bundle.steps.length },
  });
  const info = embeddedSimulator().importBundle(bundle);
  return { ok: true, loginId: info.loginId, username: info.username, steps: info.steps };
}

/**
 * "Replay in simulator" on a session page: the same bundle "Download support bundle" gives, imported
 * without the round trip through a file. Needs bundle:download as well (it is that bundle); it does not
 * leave the server, so it is recorded as bundle.import only.
 */
export async function replayInspection(viewer: Viewer, inspectionId: string): Promise<ImportBundleResult | Denied | null> {
  if (!(await permits(viewer, 'bundle:download', `inspection:${inspectionId}`))) return { kind: 'denied', permission: 'bundle:download' };
  const found = await loadSupportBundle(inspectionId);
  if (!found) return null;
  return importSupportBundle(viewer, new TextEncoder().encode(JSON.stringify(found.bundle)));
}
