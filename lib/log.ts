import 'server-only';
import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';
import pretty from 'pino-pretty';
import { loadEnv, type LogLevel } from './env';
import { credentialSecrets, redact, scrubSecrets, type KnownSecret } from './flinks/redact';

/**
 * The server's logger: JSON lines (pretty only on a terminal, or into LOG_FILE), every line carrying
 * the inspection id and Flinks RequestId where the code that logs knows them. Everything logged goes
 * through lib/flinks/redact first (objects, child bindings, message strings, errors), so a careless
 * `log.info({ headers })` cannot print a credential.
 */

export type { Logger };

/** Fields every line of one unit of work carries. */
export type LogContext = { inspectionId?: string; requestId?: string } & Record<string, unknown>;

/** LOG_LEVEL's four values are pino levels already; the table keeps it that way if either side changes. */
const PINO_LEVEL = { silent: 'silent', error: 'error', info: 'info', debug: 'debug' } as const satisfies Record<LogLevel, Level | 'silent'>;

// On globalThis like the logger: Next bundles lib/log into several server bundles (instrumentation,
// actions, routes), and a per-bundle store would never be seen by the logger's mixin.
const shared = globalThis as typeof globalThis & { __inspectorLogContext?: AsyncLocalStorage<LogContext> };
const context = (shared.__inspectorLogContext ??= new AsyncLocalStorage<LogContext>());

/** Errors are not plain data: serialize them first, or redaction would see an empty object. */
function plain(value: unknown): unknown {
  return value instanceof Error ? pino.stdSerializers.err(value) : value;
}

function redactFields(obj: Record<string, unknown>, secrets: readonly KnownSecret[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k] = plain(v);
  return redact(out, secrets) as Record<string, unknown>;
}

export type LoggerOptions = {
  level: LogLevel;
  /** Values scrubbed wherever they appear (the configured secret key and API key). */
  secrets: readonly KnownSecret[];
  /** Where lines go; default stdout (pretty on a terminal). */
  destination?: DestinationStream;
};

/** A logger with the redaction rules wired in; exported for tests, the app uses `logger`. */
export function createLogger({ level, secrets, destination }: LoggerOptions): Logger {
  const log = pino(
    {
      level: PINO_LEVEL[level],
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        bindings: (bindings) => redactFields(bindings, secrets),
        log: (obj) => redactFields(obj, secrets),
      },
      serializers: { err: (e: unknown) => redact(plain(e), secrets) },
      // Messages are free text: known secrets are scrubbed from every string argument.
      hooks: {
        logMethod(args, method) {
          const safe = args.map((a) => (typeof a === 'string' ? scrubSecrets(a, secrets) : a)) as Parameters<typeof method>;
          return method.apply(this, safe);
        },
      },
      mixin: () => ({ ...context.getStore() }),
    },
    destination ?? defaultDestination(),
  );
  // Children are Object.create(parent): they find the secrets through the prototype chain.
  (log as WithSecrets)[SECRETS] = secrets;
  return log;
}

const SECRETS = Symbol('log-secrets');
type WithSecrets = Logger & { [SECRETS]?: readonly KnownSecret[] };

function defaultDestination(): DestinationStream {
  const file = currentEnv()?.log.file;
  // sync: lines are on disk when the process is killed (e2e teardown greps them).
  if (file) return pino.destination({ dest: file, mkdir: true, append: true, sync: true });
  if (process.stdout.isTTY) return pretty({ colorize: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' });
  return pino.destination({ dest: 1, sync: false });
}

function currentEnv() {
  const r = loadEnv();
  return r.ok ? r.env : undefined;
}

// On globalThis: Next evaluates server modules in more than one bundle, and two pino instances on
// one LOG_FILE would interleave partial lines.
const holder = globalThis as typeof globalThis & { __inspectorLogger?: Logger };

function build(): Logger {
  const env = currentEnv();
  // An invalid configuration still gets a logger (at info) so the start-up failure can be logged.
  return createLogger({ level: env?.log.level ?? 'info', secrets: env ? credentialSecrets(env.flinks) : [] });
}

export const logger: Logger = (holder.__inspectorLogger ??= build());

/** A child logger whose every line carries these fields (redacted like everything else). */
export function withContext(fields: LogContext, parent: Logger = logger): Logger {
  // pino drops the bindings formatter for children unless it is passed again.
  const secrets = (parent as WithSecrets)[SECRETS] ?? [];
  return parent.child(fields, { formatters: { bindings: (b) => redactFields(b, secrets) } });
}

/**
 * Adds fields (inspection id, RequestId) to every line logged from here on in the current async
 * flow, including deep inside lib/flinks, without threading a logger through every call.
 * The caller's own continuation is unaffected once this async function returns.
 */
export function bindLogContext(fields: LogContext): void {
  context.enterWith({ ...context.getStore(), ...fields });
}

/** Runs fn with these fields on every line it logs. */
export function runWithLogContext<T>(fields: LogContext, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}
