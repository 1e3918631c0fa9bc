import { getEnv } from '@/lib/env';
import { PLACEHOLDER } from '@/lib/flinks/redact';
import { buildSupportBundle, bundleFileName } from '@/lib/inspector/support-bundle';
import { inspectionIdSchema } from '@/lib/inspector/session-action-schema';
import { getStore } from '@/lib/store';

/** GET /sessions/{id}/bundle — the support bundle as a JSON attachment. */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const { id } = await ctx.params;
  if (!inspectionIdSchema.safeParse(id).success) return new Response('Not found', { status: 404 });
  const store = await getStore();
  const inspection = await store.getInspection(id);
  if (!inspection) return new Response('Not found', { status: 404 });
  const { flinks } = getEnv();
  const bundle = buildSupportBundle({
    inspection,
    steps: await store.listSteps(id),
    environment: flinks.environment,
    generatedAt: new Date(),
    secrets: [
      { value: flinks.secretKey, placeholder: PLACEHOLDER.secretKey },
      { value: flinks.apiKey, placeholder: PLACEHOLDER.apiKey },
    ],
  });
  return new Response(JSON.stringify(bundle, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${bundleFileName(inspection)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
