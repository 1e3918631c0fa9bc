import 'server-only';
import { z } from 'zod';
import { TOOLBOX } from '@/lib/flinks/toolbox';

/**
 * The one place process.env is read. Everything is optional: with no variables at all the
 * dashboard talks to the embedded simulator with the Flinks toolbox's public credentials
 * (docs/flinks-api.md §2.1), so `npm start` works on a fresh clone.
 */

const int = (min: number, max: number) =>
  z.coerce
    .number({ error: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
const flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  PORT: int(1, 65535).default(3000),
  FLINKS_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://toolbox-api.private.fin.ag' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  FLINKS_ENVIRONMENT: z.enum(['simulator', 'toolbox', 'production']).optional(),
  FLINKS_CUSTOMER_ID: z.string().trim().min(1).default(TOOLBOX.customerId),
  FLINKS_SECRET_KEY: z.string().trim().min(1).default(TOOLBOX.secretKey),
  FLINKS_API_KEY: z.string().trim().min(1).default(TOOLBOX.apiKey),
  FLINKS_TIMEOUT_MS: int(100, 600_000).default(60_000),
  POLL_INTERVAL_MS: int(50, 600_000).default(10_000),
  POLL_GIVE_UP_MS: int(100, 86_400_000).default(30 * 60_000),
  SIMULATOR_SEED: z.string().min(1).default('flinks-toolbox'),
  SIMULATOR_ASYNC_POLLS: int(0, 1000).default(2),
  SIMULATOR_SLOW_MS: int(0, 600_000).default(5_000),
  SIMULATOR_TOKEN_ERROR_CODE: z.enum(['UNAUTHORIZED', 'ACCESS_DENIED']).default('UNAUTHORIZED'),
  SIMULATOR_REQUIRE_API_KEY: flag.default(true),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
});

export type Environment = 'simulator' | 'toolbox' | 'production';

function derive(raw: z.infer<typeof schema>) {
  const usesSimulator = raw.FLINKS_BASE_URL === undefined;
  const baseUrl = raw.FLINKS_BASE_URL ?? `http://127.0.0.1:${raw.PORT}/simulator`;
  const environment: Environment =
    raw.FLINKS_ENVIRONMENT ??
    (usesSimulator ? 'simulator' : new URL(baseUrl).hostname.startsWith('toolbox-') ? 'toolbox' : 'production');
  return {
    port: raw.PORT,
    flinks: {
      baseUrl,
      environment,
      /** The in-app simulator is mounted at /simulator only while it is the upstream. */
      usesEmbeddedSimulator: usesSimulator,
      customerId: raw.FLINKS_CUSTOMER_ID,
      secretKey: raw.FLINKS_SECRET_KEY,
      apiKey: raw.FLINKS_API_KEY,
      timeoutMs: raw.FLINKS_TIMEOUT_MS,
    },
    polling: { intervalMs: raw.POLL_INTERVAL_MS, giveUpMs: raw.POLL_GIVE_UP_MS },
    simulator: {
      seed: raw.SIMULATOR_SEED,
      asyncPolls: raw.SIMULATOR_ASYNC_POLLS,
      slowMs: raw.SIMULATOR_SLOW_MS,
      tokenErrorCode: raw.SIMULATOR_TOKEN_ERROR_CODE,
      requireApiKey: raw.SIMULATOR_REQUIRE_API_KEY,
    },
    database: { url: raw.DATABASE_URL, dataDir: raw.DATA_DIR },
    logLevel: raw.LOG_LEVEL,
  };
}

export type AppEnv = ReturnType<typeof derive>;

export type EnvResult = { ok: true; env: AppEnv } | { ok: false; problems: string[] };

/** Pure, for tests: parse any record of variables. Empty strings count as unset. */
export function parseEnv(source: Record<string, string | undefined>): EnvResult {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v.trim() !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    };
  }
  return { ok: true, env: derive(parsed.data) };
}

let cached: AppEnv | undefined;

/** The validated configuration; throws with every bad variable named (used at server start). */
export function getEnv(): AppEnv {
  if (cached) return cached;
  const result = parseEnv(process.env);
  if (!result.ok) {
    throw new Error(`Invalid configuration:\n  ${result.problems.join('\n  ')}\nSee .env.example and the README's configuration table.`);
  }
  cached = result.env;
  return cached;
}
