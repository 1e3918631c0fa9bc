import { sleep, type Ctx } from './context';
import { control, summarize } from './control';
import { resolveOptions, type ResolvedOptions, type SimulatorOptions } from './options';
import { flinksError, methodNotAllowed, notFound } from './responses';
import type { ReplayBundle } from './replay/bundle';
import { createReplays, type ReplayInfo } from './replay/replays';
import { findRoute } from './routes';
import { createState, type State } from './state';

/**
 * createSimulator: a pure (Request) => Promise<Response> Flinks toolbox with its own state.
 *
 * Paths, relative to `basePath` (default ''; the app mounts it with basePath '/simulator'):
 *   /v3/{customerId}/BankingServices/{Endpoint}[/{requestId}]   the Flinks API (docs/flinks-api.md)
 *   /_control/reset | /_control/clock | /_control/state          test controls (see control.ts)
 * Anything else, or another customerId, is a Flinks-shaped 404. It never throws: a bug answers 500.
 */

export interface Simulator {
  handle(req: Request): Promise<Response>;
  /** Back to the initial state: fresh tokens/sessions, only the sample Greatday login, clock offset 0. */
  reset(): void;
  /** Moves the simulator's clock forward (token and session expiry, test_pending). */
  advanceClock(ms: number): void;
  now(): number;
  summary(): ReturnType<typeof summarize>;
  /** Replays a parsed support bundle for its own LoginId from now on (replay/replays.ts). */
  importBundle(bundle: ReplayBundle): ReplayInfo;
  replays(): ReplayInfo[];
  readonly options: ResolvedOptions;
}

/** A malformed %-escape is just an unknown path segment (404), not an error. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function createSimulator(options: SimulatorOptions = {}): Simulator {
  const opts = resolveOptions(options);
  let offset = 0;
  const now = () => opts.now() + offset;
  let state: State = createState(opts.seed, now());
  const ctx: Ctx = { opts, get state() { return state; }, now };
  const replays = createReplays(opts.replays);

  const reset = () => {
    offset = 0;
    state = createState(opts.seed, now());
    replays.resetSessions();
  };
  const advanceClock = (ms: number) => {
    offset += ms;
  };

  async function route(req: Request): Promise<Response> {
    const url = new URL(req.url);
    let path = url.pathname;
    if (opts.basePath) {
      if (path !== opts.basePath && !path.startsWith(`${opts.basePath}/`)) return notFound(path);
      path = path.slice(opts.basePath.length);
    }
    const parts = path.split('/').filter(Boolean).map(safeDecode);
    const [first, customerId, services, endpoint, id, ...rest] = parts;
    if (first === '_control' && customerId !== undefined && services === undefined) {
      return control({ reset, advanceClock, now, state: () => state, maxBodyBytes: opts.maxBodyBytes }, req, customerId);
    }
    if (first?.toLowerCase() !== 'v3' || services?.toLowerCase() !== 'bankingservices' || !endpoint || rest.length > 0) {
      return notFound(url.pathname);
    }
    if (customerId?.toLowerCase() !== opts.customerId.toLowerCase()) {
      return flinksError(404, 'NOT_FOUND', `CustomerId ${customerId ?? ''} is not known to this instance`);
    }
    const found = findRoute(endpoint);
    if (!found || (id !== undefined && !found.takesId)) return notFound(url.pathname);
    if (!found.methods.includes(req.method)) return methodNotAllowed(req.method, found.methods.join(', '));
    // A replayed support bundle's LoginId or RequestId answers from the recording; anything else as usual.
    return (await replays.intercept(ctx, found.name, req, id)) ?? found.run(ctx, req, id);
  }

  return {
    async handle(req) {
      try {
        if (opts.latencyMs > 0) await sleep(opts.latencyMs, req.signal);
        return await route(req);
      } catch {
        // Junk must never take the simulator down; nothing is logged (tokens could be in the request).
        return flinksError(500, 'AGGREGATION_ERROR', 'The simulator failed to handle this request.');
      }
    },
    reset,
    advanceClock,
    now,
    summary: () => summarize(state, now()),
    importBundle: (bundle) => replays.add(bundle),
    replays: () => replays.list(),
    options: opts,
  };
}
