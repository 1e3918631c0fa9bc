import { requireViewer } from '@/lib/auth/viewer';
import { inspectionIdSchema } from '@/lib/inspector/session-action-schema';
import { cancelInspectionCall } from '@/lib/operations/inspections';

/**
 * POST /sessions/{id}/cancel — "Cancel" while a call to Flinks runs (on / or the session page).
 * A route handler, not a server action: Next queues a page's server actions one after the other,
 * so a cancel sent as an action would wait for the very call it is meant to stop.
 * CSRF: the dashboard's pages send X-Inspector-Action; another site cannot without a CORS preflight
 * this server never grants (and the session cookie is SameSite=Lax).
 */
export async function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  const viewer = await requireViewer('inspection:open_cached');
  const noStore = { 'Cache-Control': 'no-store' };
  if (req.headers.get('x-inspector-action') !== 'cancel') return Response.json({ kind: 'nothing', message: 'Refused: not sent by the dashboard.' }, { status: 403, headers: noStore });
  const id = inspectionIdSchema.safeParse((await ctx.params).id);
  if (!id.success) return Response.json({ kind: 'nothing', message: 'This session is unknown.' }, { status: 404, headers: noStore });
  const result = await cancelInspectionCall(viewer, id.data);
  if (result.kind === 'denied') return Response.json({ kind: 'nothing', message: `You lack ${result.permission}.` }, { status: 403, headers: noStore });
  return Response.json(result, { headers: noStore });
}

/** Only POST cancels; a GET (a link, a prefetch) changes nothing and says so, behind the same door. */
export async function GET() {
  await requireViewer('inspection:open_cached');
  return new Response('Cancel with POST.', { status: 405, headers: { Allow: 'POST', 'Cache-Control': 'no-store' } });
}
