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

/** What the watch reads: the status of each watched inspection, in one statement. */
export type WatchStore = Pick<InspectionStore, 'statusesOf'>;

type Watch = { controller: AbortController; whileStatus: string };
type Watcher = { watches: Map<string, Set<Watch>>; timer?: ReturnType<typeof setInterval>; reading: boolean };
const watchers = new WeakMap<WatchStore, Watcher>();

/**
 * One timer and one read per store for every watched call in this process (issue 10: a read per
 * running start and second was, with 1,000 flows queued, 1,000 reads a second competing with them).
 */
function watch(store: WatchStore, inspectionId: string, w: Watch): () => void {
  let watcher = watchers.get(store);
  if (!watcher) watchers.set(store, (watcher = { watches: new Map(), reading: false }));
  const own = watcher;
  const set = own.watches.get(inspectionId) ?? new Set<Watch>();
  set.add(w);
  own.watches.set(inspectionId, set);
  own.timer ??= setInterval(() => void tick(store, own), CANCEL_WATCH_MS);
  own.timer.unref?.();
  return () => {
    set.delete(w);
    if (set.size === 0 && own.watches.get(inspectionId) === set) own.watches.delete(inspectionId);
    if (own.watches.size === 0 && own.timer) {
      clearInterval(own.timer);
      own.timer = undefined;
    }
  };
}

async function tick(store: WatchStore, watcher: Watcher): Promise<void> {
  if (watcher.reading || watcher.watches.size === 0) return;
  watcher.reading = true;
  try {
    const statuses = await store.statusesOf([...watcher.watches.keys()]);
    for (const [id, status] of statuses) {
      for (const w of watcher.watches.get(id) ?? []) {
        if (status !== w.whileStatus) w.controller.abort(new DOMException('Cancelled', 'AbortError'));
      }
    }
  } catch {
    // A database hiccup must not end the calls: the next tick reads again.
  } finally {
    watcher.reading = false;
  }
}

/**
 * Registers one call (or a sequence of calls) for an inspection. With `watch`, the store is read
 * every CANCEL_WATCH_MS while it runs and the call is aborted once the row's status is no longer
 * `whileStatus`. done() must be called when the call has ended.
 */
export function trackUpstreamCall(inspectionId: string, watched?: { store: WatchStore; whileStatus: string }): TrackedCall {
  const controller = new AbortController();
  const calls = registry();
  const set = calls.get(inspectionId) ?? new Set();
  set.add(controller);
  calls.set(inspectionId, set);
  const unwatch = watched ? watch(watched.store, inspectionId, { controller, whileStatus: watched.whileStatus }) : undefined;
  return {
    signal: controller.signal,
    done: () => {
      unwatch?.();
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
