'use server';

import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import { z } from 'zod';
import { forbidWith, requireViewer } from '@/lib/auth/viewer';
import { sessionInputSchema } from '@/lib/inspector/session-action-schema';
import { importSupportBundle, replayInspection, type ImportBundleResult } from '@/lib/operations/bundle-import';
import { MAX_BUNDLE_BYTES, tooBigMessage } from '@/lib/simulator/replay/limits';

const importForm = z.object({
  bundle: z
    .instanceof(File, { error: 'Choose a support bundle file.' })
    .refine((f) => f.size > 0, { error: 'Choose a support bundle file (this one is empty).' }),
});

/** The Import bundle form (useActionState): the file goes to the embedded simulator's replays. */
export async function importBundleAction(_previous: ImportBundleResult | null, form: FormData): Promise<ImportBundleResult> {
  const viewer = await requireViewer('simulator:import');
  const parsed = importForm.safeParse({ bundle: form instanceof FormData ? form.get('bundle') : null });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'Choose a support bundle file.' };
  const { bundle } = parsed.data;
  // Checked before reading: the file's bytes only come into memory when they may be kept.
  if (bundle.size > MAX_BUNDLE_BYTES) return { ok: false, message: tooBigMessage(bundle.size) };
  const result = await importSupportBundle(viewer, new Uint8Array(await bundle.arrayBuffer()));
  if (result.ok) revalidatePath('/tools/import-bundle');
  return result;
}

/**
 * "Replay in simulator" on a session page (a plain form: works before hydration): that session's
 * bundle goes to the simulator, then Import bundle shows the LoginId it now answers for.
 */
export async function replayInSimulatorAction(form: FormData): Promise<void> {
  const viewer = await requireViewer('simulator:import');
  const parsed = sessionInputSchema.safeParse({ inspectionId: form instanceof FormData ? form.get('inspectionId') : null });
  if (!parsed.success) notFound();
  const result = await replayInspection(viewer, parsed.data.inspectionId);
  if (result === null) notFound();
  if ('kind' in result) forbidWith(result.permission);
  if (!result.ok) redirect(`/tools/import-bundle?replay=failed&from=${encodeURIComponent(parsed.data.inspectionId)}`);
  revalidatePath('/tools/import-bundle');
  redirect(`/tools/import-bundle?imported=${encodeURIComponent(result.loginId)}`);
}
