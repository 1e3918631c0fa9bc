import 'server-only';
import { getEnv } from '@/lib/env';
import { TOOLBOX } from '@/lib/flinks/toolbox';
import { createSimulator, type Simulator } from './handler';
import { inProcessFetch } from './in-process-fetch';

/**
 * The one simulator of this process while it is the Flinks upstream (getEnv().flinks.usesEmbeddedSimulator):
 * mounted over HTTP at /simulator for outside clients (QA tools, the test controls), and called in
 * process by the app's own Flinks client, so both see the same tokens, sessions and clock.
 * Kept on globalThis so dev-mode module reloads keep its state.
 */

const globalRef = globalThis as typeof globalThis & { __flinksSimulator?: Simulator; __flinksSimulatorFetch?: typeof fetch };

export function embeddedSimulator(): Simulator {
  if (!globalRef.__flinksSimulator) {
    const env = getEnv();
    globalRef.__flinksSimulator = createSimulator({
      ...env.simulator,
      basePath: '/simulator',
      // Accept whatever the app's client is configured to send (toolbox values by default).
      customerId: env.flinks.customerId,
      secretKey: env.flinks.secretKey,
      apiKeys: [env.flinks.apiKey, TOOLBOX.legacyApiKey],
    });
  }
  return globalRef.__flinksSimulator;
}

/** The fetch the Flinks client uses towards the embedded simulator: the same handler, no loopback HTTP. */
export function embeddedSimulatorFetch(): typeof fetch {
  globalRef.__flinksSimulatorFetch ??= inProcessFetch((request) => embeddedSimulator().handle(request));
  return globalRef.__flinksSimulatorFetch;
}
