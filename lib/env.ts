import 'server-only';
import { z } from 'zod';

/**
 * The one place process.env is read. Everything is optional: with no variables at all the
 * dashboard talks to the embedded simulator with the Flinks toolbox's public credentials
 * (../shared/flinks-api.md §2.1), so `npm start` works on a fresh clone.
 */

export const TOOLBOX = {
  baseUrl: 'https://toolbox-api.private.fin.ag',
  customerId: '43387ca6-0391-4c82-857d-70d95f087ecb',
  secretKey: 'c4569c54-e167-4d34-8de6-f4113bc82414',
  apiKey: '3d5266a8-b697-48d4-8de6-52e2e2662acc',
} as const;

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
  // Guards against an upstream that answers with a huge or absurdly nested body (memory, stack).
  FLINKS_MAX_RESPONSE_BYTES: int(1024, 1024 * 1024 * 1024).default(20 * 1024 * 1024),
  FLINKS_MAX_JSON_DEPTH: int(2, 10_000).default(64),
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
  // Unset: stdout (pretty on a terminal, JSON lines otherwise). Set: JSON lines appended to this file.
  LOG_FILE: z.string().trim().min(1).optional(),
});

export type LogLevel = z.infer<typeof schema>['LOG_LEVEL'];

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
      maxResponseBytes: raw.FLINKS_MAX_RESPONSE_BYTES,
      maxJsonDepth: raw.FLINKS_MAX_JSON_DEPTH,
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
    log: { level: raw.LOG_LEVEL, file: raw.LOG_FILE },
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

let cachedResult: EnvResult | undefined;

/** The process's configuration as a result, for code that must work even when it is invalid (the logger). */
export function loadEnv(): EnvResult {
  cachedResult ??= parseEnv(process.env);
  return cachedResult;
}

/** The validated configuration; throws with every bad variable named (used at server start). */
export function getEnv(): AppEnv {
  const result = loadEnv();
  if (!result.ok) {
    throw new Error(`Invalid configuration:\n  ${result.problems.join('\n  ')}\nSee .env.example and the README's configuration table.`);
  }
  return result.env;
}
