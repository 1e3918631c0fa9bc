import type { ResolvedOptions } from './options';
import type { State } from './state';

/** What every endpoint receives: options, the current state and the simulator's (movable) clock. */
export interface Ctx {
  opts: ResolvedOptions;
  state: State;
  now(): number;
}

/** Resolves after ms, or early when the caller goes away (sim_slow must not outlive an aborted request). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Resolves only when the request is aborted: sim_hang holds nothing else, so nothing leaks. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
