import type { InspectionStore } from '@/lib/store/types';

/**
 * The Flinks calls in flight in this process, keyed by inspection id, so "Cancel" can abort them
 * (the AbortController is threaded through the client to fetch). Several instances: the instance
 * that receives Cancel may not be the one running the call, so the cancel also changes the record
 * (a conditional in_progress → failed) and a running start watches its own row: once the row has
 * left in_progress, whoever did it, the call is aborted here too.
 */

type Registry = Map<string, Set<AbortController>>;
const holder = globalThis as typeof globalThis & { __upstreamCalls?: Registry };
const registry = (): Registry => (holder.__upstreamCalls ??= new Map());

export type TrackedCall = { signal: AbortSignal; done: () => void };

/** How often a running start looks at its row for a cancel made on another instance. */
export const CANCEL_WATCH_MS = 1000;

/**
 * Registers one call (or a sequence of calls) for an inspection. With `watch`, the store is read
 * every CANCEL_WATCH_MS while it runs and the call is aborted once the row's status is no longer
 * `whileStatus`. done() must be called when the call has ended.
 */
export function trackUpstreamCall(inspectionId: string, watch?: { store: Pick<InspectionStore, 'getInspection'>; whileStatus: string }): TrackedCall {
  const controller = new AbortController();
  const calls = registry();
  const set = calls.get(inspectionId) ?? new Set();
  set.add(controller);
  calls.set(inspectionId, set);
  let timer: ReturnType<typeof setInterval> | undefined;
  if (watch) {
    let reading = false;
    timer = setInterval(() => {
      if (reading || controller.signal.aborted) return;
      reading = true;
      watch.store
        .getInspection(inspectionId)
        .then((row) => {
          if (row && row.status !== watch.whileStatus) controller.abort(new DOMException('Cancelled', 'AbortError'));
        })
        // A database hiccup must not end the call: the next tick reads again.
        .catch(() => {})
        .finally(() => {
          reading = false;
        });
    }, CANCEL_WATCH_MS);
    timer.unref?.();
  }
  return {
    signal: controller.signal,
    done: () => {
      if (timer) clearInterval(timer);
      set.delete(controller);
      if (set.size === 0 && calls.get(inspectionId) === set) calls.delete(inspectionId);
    },
  };
}

/** Aborts this process's calls for the inspection; how many were running. */
export function abortUpstreamCalls(inspectionId: string): number {
  const set = registry().get(inspectionId);
  if (!set) return 0;
  for (const c of set) c.abort(new DOMException('Cancelled', 'AbortError'));
  return set.size;
}

/** Whether this process has a call running for the inspection. */
export function hasUpstreamCall(inspectionId: string): boolean {
  return (registry().get(inspectionId)?.size ?? 0) > 0;
}

/** Resolves once this process has no call running for the inspection (recorded), or after maxMs. */
export async function untilUpstreamCallsEnd(inspectionId: string, maxMs = 5000): Promise<void> {
  const deadline = Date.now() + maxMs;
  while (hasUpstreamCall(inspectionId) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}
