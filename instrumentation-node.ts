import { getEnv } from '@/lib/env';

/** Called once at server start (nodejs runtime only) from instrumentation.ts. */
export function validateConfigOrExit(): void {
  try {
    getEnv();
  } catch (err) {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  }
}
