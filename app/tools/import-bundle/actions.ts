'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { requireViewer } from '@/lib/auth/viewer';
import { importSupportBundle, type ImportBundleResult } from '@/lib/operations/bundle-import';
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
