import { getEnv } from '@/lib/env';
import { getDataKeyring } from '@/lib/inspector/deps';
import { expireAbandonedMfa } from '@/lib/inspector/expire-abandoned-mfa';
import { sealLegacySteps } from '@/lib/inspector/seal-legacy-steps';
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
    // Reads INSPECTOR_DATA_KEY, or creates DATA_DIR/data-key on first start: an unreadable key
    // file stops the server here rather than at the first sealed value.
    getDataKeyring();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
  try {
    const store = await getStore();
    // History recorded before masking existed: masked and sealed once (pages mask on read meanwhile).
    await sealLegacySteps({ store, keyring: getDataKeyring() }).then(
      (n) => {
        if (n > 0 && getEnv().logLevel !== 'silent' && getEnv().logLevel !== 'error') console.info(`Masked and sealed the holder data of ${n} older step(s).`);
      },
      (err: unknown) => console.error(`Could not seal older steps' holder data: ${err instanceof Error ? err.message : String(err)}`),
    );
    // Every instance sweeps; the conditional transitions make concurrent sweeps harmless.
    const sweep = () => expireAbandonedMfa({ store, now: () => new Date(), flinksTimeoutMs: getEnv().flinks.timeoutMs }).catch(() => null);
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
