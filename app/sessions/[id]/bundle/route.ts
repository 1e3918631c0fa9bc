import { requireViewer } from '@/lib/auth/viewer';
import { bundleFileName } from '@/lib/inspector/support-bundle';
import { downloadSupportBundle } from '@/lib/operations/sessions';

/** GET /sessions/{id}/bundle — the support bundle as a JSON attachment (recorded: it leaves the building). */
export async function GET(_req: Request, ctx: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer('bundle:download');
  const found = await downloadSupportBundle(viewer, (await ctx.params).id);
  if (!found) return new Response('Not found', { status: 404 });
  return new Response(JSON.stringify(found.bundle, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${bundleFileName(found.inspection)}"`,
      'Cache-Control': 'no-store',
    },
  });
}
