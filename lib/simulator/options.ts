import { TOOLBOX } from '@/lib/flinks/toolbox';
import type { ReplayBundle } from './replay/bundle';

/**
 * Simulator configuration. Defaults are the Flinks toolbox's public values (docs/flinks-api.md §2.1)
 * so a client configured for the real toolbox works against the simulator unchanged.
 */

export type TokenErrorCode = 'UNAUTHORIZED' | 'ACCESS_DENIED';

export interface SimulatorOptions {
  /** Seed for every random choice (which Greatday question, fixture values). Same seed, same run (D7). */
  seed?: string;
  /** How many async polls answer 202 before the 200 (D11). Default 2. */
  asyncPolls?: number;
  /** Delay for `sim_slow`. Default 5000 ms. */
  slowMs?: number;
  /**
   * Added before every answer (API and control paths alike), to stand in for the network and
   * Flinks' own processing time when measuring the dashboard's overhead. Default 0.
   */
  latencyMs?: number;
  /** FlinksCode for a bad authorize token (D1; §2.2 leaves UNAUTHORIZED vs ACCESS_DENIED open). */
  tokenErrorCode?: TokenErrorCode;
  /** Enforce x-api-key on data endpoints (D12). Default true. */
  requireApiKey?: boolean;
  customerId?: string;
  secretKey?: string;
  /** Accepted x-api-key values. Default: the toolbox key and the older one (§2.1). */
  apiKeys?: readonly string[];
  /** Path prefix stripped before routing, e.g. '/simulator' when mounted in the app. Default ''. */
  basePath?: string;
  /** Wall clock; `POST /_control/clock` adds an offset on top. Default Date.now. */
  now?: () => number;
  /** Maximum request body in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Support bundles to replay from the start (`npm run simulator -- --replay file`); more can be imported later. */
  replays?: readonly ReplayBundle[];
}

export type ResolvedOptions = Required<SimulatorOptions>;

export function resolveOptions(o: SimulatorOptions = {}): ResolvedOptions {
  return {
    seed: o.seed ?? 'flinks-toolbox',
    asyncPolls: o.asyncPolls ?? 2,
    slowMs: o.slowMs ?? 5000,
    latencyMs: o.latencyMs ?? 0,
    tokenErrorCode: o.tokenErrorCode ?? 'UNAUTHORIZED',
    requireApiKey: o.requireApiKey ?? true,
    customerId: o.customerId ?? TOOLBOX.customerId,
    secretKey: o.secretKey ?? TOOLBOX.secretKey,
    apiKeys: o.apiKeys ?? [TOOLBOX.apiKey, TOOLBOX.legacyApiKey],
    basePath: (o.basePath ?? '').replace(/\/+$/, ''),
    now: o.now ?? Date.now,
    maxBodyBytes: o.maxBodyBytes ?? 1024 * 1024,
    replays: o.replays ?? [],
  };
}

/** Lifetimes from the decisions table. */
export const TOKEN_TTL_MS = 30 * 60_000; // D1
/** §9: "30 minutes during data processing" — a session with a running job may idle that long. */
export const PROCESSING_IDLE_MS = 30 * 60_000;
export const PENDING_FOR_MS = 30 * 60_000; // D11 test_pending
export const MAX_WRONG_ANSWERS = 3; // D4

export const FLINKS_CAPITAL = { code: 'FlinksCapital', name: 'FlinksCapital', id: 14 } as const;
