/**
 * Admission control for the use cases that call Flinks (issue 10): at most `limit` run at once, at
 * most `queue` wait for a turn (answers to an open MFA round ahead of new sessions, so flows already
 * under way finish first), and none waits longer than `maxWaitMs`. Anyone else gets a clear "busy,
 * retry in N s" at once instead of piling up until sockets time out.
 *
 * Pure and per process: no I/O, no timers unless something waits.
 */

export type Priority = 'continue' | 'start';

export type Admitted<T> = { kind: 'done'; value: T } | { kind: 'busy'; retryAfterSeconds: number };

export type AdmissionOptions = {
  /** Use cases running at once. */
  limit: number;
  /** Callers waiting for a turn; the next one is told to come back later. */
  queue: number;
  /** The longest a caller waits for a turn before being told to come back later. */
  maxWaitMs: number;
};

type Waiter = { admit: () => void; refuse: () => void; timer: ReturnType<typeof setTimeout> | null };

const MIN_RETRY_S = 1;
const MAX_RETRY_S = 10;

export function createAdmission(opts: AdmissionOptions) {
  let running = 0;
  const waiting: Record<Priority, Waiter[]> = { continue: [], start: [] };
  // Moving average of how long one use case holds its turn, for the Retry-After estimate.
  let avgHoldMs = 50;

  const queued = () => waiting.continue.length + waiting.start.length;

  /**
   * How long until a newcomer would likely get a turn: the queue ahead, served `limit` at a time, but
   * never more than a queued caller may wait (a longer hint only leaves turns unused; measured with
   * 1,000 flows on PostgreSQL, 30 s hints doubled the p95).
   */
  function retryAfterSeconds(): number {
    const rounds = (queued() + 1) / Math.max(1, opts.limit);
    const s = Math.ceil(Math.min(rounds * avgHoldMs, opts.maxWaitMs) / 1000);
    return Math.min(MAX_RETRY_S, Math.max(MIN_RETRY_S, s));
  }

  function release() {
    const next = waiting.continue.shift() ?? waiting.start.shift();
    if (next) {
      if (next.timer) clearTimeout(next.timer);
      next.admit(); // The turn passes straight on: `running` stays the same.
    } else {
      running -= 1;
    }
  }

  function turn(priority: Priority): Promise<boolean> {
    if (running < opts.limit && queued() === 0) {
      running += 1;
      return Promise.resolve(true);
    }
    if (queued() >= opts.queue) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        admit: () => resolve(true),
        refuse: () => resolve(false),
        timer: null,
      };
      waiter.timer = setTimeout(() => {
        const list = waiting[priority];
        const i = list.indexOf(waiter);
        if (i >= 0) list.splice(i, 1);
        waiter.refuse();
      }, opts.maxWaitMs);
      waiting[priority].push(waiter);
    });
  }

  return {
    async run<T>(priority: Priority, fn: () => Promise<T>): Promise<Admitted<T>> {
      if (!(await turn(priority))) return { kind: 'busy', retryAfterSeconds: retryAfterSeconds() };
      const t0 = performance.now();
      try {
        return { kind: 'done', value: await fn() };
      } finally {
        avgHoldMs = avgHoldMs * 0.9 + (performance.now() - t0) * 0.1;
        release();
      }
    },
    /** For tests and diagnostics. */
    state: () => ({ running, queued: queued(), avgHoldMs }),
  };
}

export type Admission = ReturnType<typeof createAdmission>;
