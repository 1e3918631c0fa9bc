import 'server-only';
import { z } from 'zod';
import { TOOLBOX } from '@/lib/flinks/toolbox';
import { parseDataKeyText } from './crypto/seal';

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

const DATA_KEY_HINT = 'must be 32 bytes as 64 hex digits or base64, e.g. the output of `openssl rand -base64 32`';
const dataKeyText = z.string().refine((v) => parseDataKeyText(v) !== null, DATA_KEY_HINT);

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
  SIMULATOR_LATENCY_MS: int(0, 60_000).default(0),
  SIMULATOR_TOKEN_ERROR_CODE: z.enum(['UNAUTHORIZED', 'ACCESS_DENIED']).default('UNAUTHORIZED'),
  SIMULATOR_REQUIRE_API_KEY: flag.default(true),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// URL' }).optional(),
  // A database that is down or hangs must turn into a clear error in seconds, not a stuck request.
  DATABASE_CONNECT_TIMEOUT_MS: int(100, 600_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(100, 3_600_000).default(10_000),
  DATA_DIR: z.string().min(1).default('.data'),
  INSPECTOR_DATA_KEY: dataKeyText.optional(),
  // Comma-separated: keys that sealed older data, still accepted for opening during a rotation.
  INSPECTOR_DATA_KEY_PREVIOUS: z
    .string()
    .transform((v) => v.split(',').map((k) => k.trim()).filter(Boolean))
    .pipe(z.array(dataKeyText))
    .optional(),
  // Admission control for the use cases that call Flinks (lib/inspector/admission.ts).
  INSPECTOR_UPSTREAM_CONCURRENCY: int(1, 10_000).default(32),
  INSPECTOR_UPSTREAM_QUEUE: int(0, 100_000).default(256),
  INSPECTOR_UPSTREAM_QUEUE_WAIT_MS: int(0, 600_000).default(10_000),
  LOG_LEVEL: z.enum(['silent', 'error', 'info', 'debug']).default('info'),
  // Unset: stdout (pretty on a terminal, JSON lines otherwise). Set: JSON lines appended to this file.
  LOG_FILE: z.string().trim().min(1).optional(),
  NODE_ENV: z.string().optional(),
  // Staff access (lib/auth) and web hardening (proxy.ts).
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  INSPECTOR_ALLOWED_HOSTS: z
    .string()
    .default('localhost,127.0.0.1,[::1]')
    .transform((v) => v.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
    .refine((hosts) => hosts.length > 0, 'must list at least one host name, e.g. localhost,127.0.0.1'),
  INSPECTOR_PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) URL people open, e.g. https://inspector.example.com' })
    .transform((u) => u.replace(/\/+$/, ''))
    .optional(),
  INSPECTOR_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  INSPECTOR_ADMIN_EMAIL: z.email({ error: 'must be an email address' }).transform((e) => e.toLowerCase()).optional(),
  INSPECTOR_ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').max(128).optional(),
  INSPECTOR_SESSION_IDLE_MINUTES: int(1, 24 * 60).default(30),
  INSPECTOR_SESSION_MAX_HOURS: int(1, 24 * 30).default(12),
  // How long a verified staff session is remembered per process (lib/auth/session-cache.ts); 0 = ask the database every time.
  INSPECTOR_SESSION_CACHE_MS: int(0, 60_000).default(2_000),
  INSPECTOR_SIGN_IN_MAX_PER_MINUTE: int(1, 1000).default(5),
  INSPECTOR_OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'must be the issuer URL of your OpenID provider' }).transform((u) => u.replace(/\/+$/, '')).optional(),
  INSPECTOR_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  INSPECTOR_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  INSPECTOR_OIDC_ROLE_CLAIM: z.string().trim().min(1).optional(),
  INSPECTOR_OIDC_DEFAULT_ROLE: z.enum(['support', 'qa', 'none']).default('support'),
  INSPECTOR_OIDC_LABEL: z.string().trim().min(1).default('Single sign-on'),
  INSPECTOR_API_RATE_PER_MINUTE: int(1, 100_000).default(120),
}).superRefine((v, ctx) => {
  if ((v.INSPECTOR_ADMIN_EMAIL === undefined) !== (v.INSPECTOR_ADMIN_PASSWORD === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['INSPECTOR_ADMIN_PASSWORD'], message: 'INSPECTOR_ADMIN_EMAIL and INSPECTOR_ADMIN_PASSWORD go together: set both or neither' });
  }
  const oidc = [v.INSPECTOR_OIDC_ISSUER, v.INSPECTOR_OIDC_CLIENT_ID, v.INSPECTOR_OIDC_CLIENT_SECRET];
  if (oidc.some((x) => x !== undefined) && oidc.some((x) => x === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['INSPECTOR_OIDC_ISSUER'], message: 'single sign-on needs INSPECTOR_OIDC_ISSUER, INSPECTOR_OIDC_CLIENT_ID and INSPECTOR_OIDC_CLIENT_SECRET together' });
  }
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
    /** At most `limit` Flinks-bound use cases at once, `queue` waiting, none longer than `maxWaitMs`; others hear "busy". */
    admission: { limit: raw.INSPECTOR_UPSTREAM_CONCURRENCY, queue: raw.INSPECTOR_UPSTREAM_QUEUE, maxWaitMs: raw.INSPECTOR_UPSTREAM_QUEUE_WAIT_MS },
    polling: { intervalMs: raw.POLL_INTERVAL_MS, giveUpMs: raw.POLL_GIVE_UP_MS },
    simulator: {
      seed: raw.SIMULATOR_SEED,
      asyncPolls: raw.SIMULATOR_ASYNC_POLLS,
      slowMs: raw.SIMULATOR_SLOW_MS,
      latencyMs: raw.SIMULATOR_LATENCY_MS,
      tokenErrorCode: raw.SIMULATOR_TOKEN_ERROR_CODE,
      requireApiKey: raw.SIMULATOR_REQUIRE_API_KEY,
    },
    database: {
      url: raw.DATABASE_URL,
      dataDir: raw.DATA_DIR,
      connectTimeoutMs: raw.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: raw.DATABASE_STATEMENT_TIMEOUT_MS,
    },
    /** Unset key: one is generated into DATA_DIR on first start (lib/crypto/data-key.ts). */
    dataKey: {
      configured: raw.INSPECTOR_DATA_KEY ? parseDataKeyText(raw.INSPECTOR_DATA_KEY) : null,
      previous: (raw.INSPECTOR_DATA_KEY_PREVIOUS ?? []).map((k) => parseDataKeyText(k)).filter((k): k is Buffer => k !== null),
      dataDir: raw.DATA_DIR,
    },
    logLevel: raw.LOG_LEVEL,
    web: {
      host: raw.HOST,
      allowedHosts: raw.INSPECTOR_ALLOWED_HOSTS,
      /** The origin people open; OAuth callbacks and secure cookies follow it. */
      publicUrl: raw.INSPECTOR_PUBLIC_URL ?? `http://127.0.0.1:${raw.PORT}`,
      secureCookies: (raw.INSPECTOR_PUBLIC_URL ?? '').startsWith('https://'),
      /** `next dev` needs eval for its refresh runtime; nothing else does. */
      dev: raw.NODE_ENV === 'development',
    },
    auth: {
      secret: raw.INSPECTOR_AUTH_SECRET,
      initialAdmin: raw.INSPECTOR_ADMIN_EMAIL && raw.INSPECTOR_ADMIN_PASSWORD ? { email: raw.INSPECTOR_ADMIN_EMAIL, password: raw.INSPECTOR_ADMIN_PASSWORD } : null,
      idleMinutes: raw.INSPECTOR_SESSION_IDLE_MINUTES,
      maxHours: raw.INSPECTOR_SESSION_MAX_HOURS,
      sessionCacheMs: raw.INSPECTOR_SESSION_CACHE_MS,
      signInMaxPerMinute: raw.INSPECTOR_SIGN_IN_MAX_PER_MINUTE,
      /** Requests per API token per minute, counted in the database (lib/auth/api-tokens.ts). */
      apiRatePerMinute: raw.INSPECTOR_API_RATE_PER_MINUTE,
      oidc:
        raw.INSPECTOR_OIDC_ISSUER && raw.INSPECTOR_OIDC_CLIENT_ID && raw.INSPECTOR_OIDC_CLIENT_SECRET
          ? {
              issuer: raw.INSPECTOR_OIDC_ISSUER,
              clientId: raw.INSPECTOR_OIDC_CLIENT_ID,
              clientSecret: raw.INSPECTOR_OIDC_CLIENT_SECRET,
              roleClaim: raw.INSPECTOR_OIDC_ROLE_CLAIM ?? null,
              defaultRole: raw.INSPECTOR_OIDC_DEFAULT_ROLE === 'none' ? null : raw.INSPECTOR_OIDC_DEFAULT_ROLE,
              label: raw.INSPECTOR_OIDC_LABEL,
            }
          : null,
    },
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
