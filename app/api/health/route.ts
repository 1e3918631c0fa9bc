/**
 * GET /api/health — liveness: the process answers. Self-contained on purpose: no sign-in, no store,
 * no data, so it stays up (and cheap) whatever else is gated or down; /api/ready checks the database.
 */

export const dynamic = 'force-dynamic';

export function GET(): Response {
  return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
}
