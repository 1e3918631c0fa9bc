import { getEnv } from '@/lib/env';
import { expireAbandonedMfa } from '@/lib/inspector/expire-abandoned-mfa';
import { getStore } from '@/lib/store';
import { ensureFirstAdmin } from '@/lib/auth/first-admin';

/** An abandoned MFA round keeps its authorize token in the store until this sweep removes it. */
const CONTINUATION_SWEEP_MS = 60_000;

/**
 * Called once at server start (nodejs runtime only) from instrumentation.ts: an invalid variable or
 * an unreachable database stops the server with a message, instead of failing the first request.
 * Opening the store here also moves PGlite's first start (initdb + migrations, seconds) off the
 * first page view.
 */
export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  try {
    const store = await getStore();
    const sweep = () => expireAbandonedMfa({ store, now: () => new Date() }).catch(() => []);
    await sweep();
    setInterval(sweep, CONTINUATION_SWEEP_MS).unref();
  } catch (err) {
    console.error(`Could not open the history database: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
  try {
    const admin = await ensureFirstAdmin();
    if (admin.kind === 'setup_link') {
      // The Jenkins pattern: whoever reads this console may claim the installation, once.
      console.log(`\n  No staff account exists yet. Create the first administrator here (works once, for 24 hours):\n\n    ${admin.url}\n`);
    }
  } catch (err) {
    console.error(`Could not prepare the first administrator: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
