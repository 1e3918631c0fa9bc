import { requireViewer } from '@/lib/auth/viewer';
import { dispatchApi } from '@/lib/api/handlers';

/**
 * /api/v1: every operation of the HTTP API in one catch-all, so the guard runs once, first, for all
 * of them (test/doors.test.ts sees it). requireViewer with the request accepts a Bearer token (or,
 * for reads, the staff cookie) and answers refusals as problem+json; each operation then checks its
 * own permission (lib/api/handlers.ts). `account:self` is what every signed-in role holds.
 */

export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const gate = await requireViewer('account:self', { request });
  return gate.ok ? dispatchApi(request, gate.viewer) : gate.response;
}

export async function POST(request: Request) {
  const gate = await requireViewer('account:self', { request });
  return gate.ok ? dispatchApi(request, gate.viewer) : gate.response;
}
