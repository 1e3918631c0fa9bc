import { logger } from '@/lib/log';
import { getStore } from '@/lib/store';
import { checkReadiness, latestMigration, type LatestMigration } from '@/lib/store/readiness';

/**
 * GET /api/ready — readiness: 200 when the database answers and carries this build's newest
 * migration, else 503 with a short reason. No sign-in and no data (it is polled by load balancers).
 */

export const dynamic = 'force-dynamic';

// The journal ships with the build: read once per process.
let latest: LatestMigration | undefined;
const latestOnce = () => (latest ??= latestMigration());

// Logged on change only: a balancer polls every few seconds.
let lastReason: string | null | undefined;

export async function GET(): Promise<Response> {
  const r = await checkReadiness({ openStore: getStore, latest: latestOnce });
  const reason = r.ready ? null : r.reason;
  if (reason !== lastReason) {
    if (reason === null) logger.info('ready');
    else logger.error({ reason }, 'not ready');
    lastReason = reason;
  }
  return Response.json(r.ready ? { status: 'ready' } : { status: 'unavailable', reason: r.reason }, {
    status: r.ready ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  });
}
