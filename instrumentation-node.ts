import { getEnv } from '@/lib/env';
import { getDataKeyring } from '@/lib/inspector/deps';
import { sweepAbandonedMfa } from '@/lib/inspector/expire-abandoned-mfa';
import { sealLegacySteps } from '@/lib/inspector/seal-legacy-steps';
import { logger, withContext } from '@/lib/log';
import { getStore } from '@/lib/store';
import { ensureFirstAdmin } from '@/lib/auth/first-admin';

/** An abandoned MFA round keeps its authorize token in the store until this sweep removes it. */
const CONTINUATION_SWEEP_MS = 60_000;

/** A fatal start-up problem: logged, and on stderr too when LOG_LEVEL=silent would hide why we exit. */
function fatal(message: string, err?: unknown): never {
  logger.fatal(err === undefined ? {} : { err }, message);
  if (!logger.isLevelEnabled('fatal')) console.error(message);
  logger.flush();
  process.exit(1);
}

/** A base URL may carry user:password@; the log gets the rest. */
function withoutUserinfo(url: string): string {
  const u = new URL(url);
  u.username = '';
  u.password = '';
  return u.toString();
}

/**
 * Called once at server start (nodejs runtime only) from instrumentation.ts: an invalid variable or
 * an unreachable database stops the server with a message, instead of failing the first request.
 * Opening the store here also moves PGlite's first start (initdb + migrations, seconds) off the
 * first page view.
 */
export async function startServer(): Promise<void> {
  let env: ReturnType<typeof getEnv>;
  try {
    env = getEnv();
    // Reads INSPECTOR_DATA_KEY, or creates DATA_DIR/data-key on first start: an unreadable key
    // file stops the server here rather than at the first sealed value.
    getDataKeyring();
  } catch (err) {
    fatal(err instanceof Error ? err.message : String(err));
  }
  try {
    const store = await getStore();
    // History recorded before masking existed: masked and sealed once (pages mask on read meanwhile).
    await sealLegacySteps({ store, keyring: getDataKeyring() }).then(
      (count) => {
        if (count > 0) logger.info({ count }, 'masked and sealed the holder data of older steps');
      },
      (err: unknown) => logger.error({ err }, "could not seal older steps' holder data"),
    );
    // Every instance sweeps; the conditional transitions make concurrent sweeps harmless.
    const sweepLog = withContext({ task: 'mfa-sweep' });
    const sweep = () => sweepAbandonedMfa({ store, now: () => new Date(), flinksTimeoutMs: getEnv().flinks.timeoutMs }, sweepLog);
    await sweep();
    setInterval(sweep, CONTINUATION_SWEEP_MS).unref();
  } catch (err) {
    fatal(`Could not open the history database: ${err instanceof Error ? err.message : String(err)}`, err);
  }
  try {
    const admin = await ensureFirstAdmin();
    if (admin.kind === 'setup_link') {
      // The Jenkins pattern: whoever reads this console may claim the installation, once. Printed
      // whatever LOG_LEVEL says (it is for the operator, not the logs), and never logged to a file.
      console.log(`\n  No staff account exists yet. Create the first administrator here (works once, for 24 hours):\n\n    ${admin.url}\n`);
    }
  } catch (err) {
    fatal(`Could not prepare the first administrator: ${err instanceof Error ? err.message : String(err)}`, err);
  }
  logger.info(
    {
      port: env.port,
      flinks: { environment: env.flinks.environment, baseUrl: withoutUserinfo(env.flinks.baseUrl), embeddedSimulator: env.flinks.usesEmbeddedSimulator },
      database: env.database.url ? 'postgres' : 'pglite',
      node: process.version,
    },
    'server started',
  );
}
