/**
 * Early load shedding (issue 10): when this process's event loop is already late, a new server-action
 * POST is answered at once with 503 + Retry-After in proxy.ts, before routing, the sign-in lookup and
 * the action's own work would add to the backlog. Under a burst (a thousand flows at once) the work
 * that queues is the event loop itself, ahead of any gate inside the actions; refusing here costs
 * about a millisecond and keeps the accepted requests fast. The UI shows the text answer ("busy …
 * retry in N s"); an open MFA round stays open.
 *
 * The measure: every SAMPLE_MS a timer notes how late it fired; overloaded = the median of the last
 * WINDOW samples is over the threshold, so one long pause (a GC, the database opening) is not enough.
 */

const SAMPLE_MS = 50;
const WINDOW = 20;

export type LoadShedder = { overloaded(): boolean; retryAfterSeconds(): number; lagMs(): number };

/** `timer: false` (tests): samples come only from sample(). */
export function createLoadShedder(maxLagMs: number, opts: { timer?: boolean } = {}): LoadShedder & { sample(lateByMs: number): void } {
  const now = () => performance.now();
  const samples: number[] = [];
  const sample = (lateByMs: number) => {
    samples.push(Math.max(0, lateByMs));
    if (samples.length > WINDOW) samples.shift();
  };
  const median = () => {
    if (samples.length === 0) return 0;
    const s = [...samples].sort((a, b) => a - b);
    return s[Math.floor(s.length / 2)]!;
  };
  if (maxLagMs > 0 && opts.timer !== false) {
    let expected = now() + SAMPLE_MS;
    const timer = setInterval(() => {
      const t = now();
      sample(t - expected);
      expected = t + SAMPLE_MS;
    }, SAMPLE_MS);
    (timer as { unref?: () => void }).unref?.();
  }
  return {
    sample,
    lagMs: median,
    overloaded: () => maxLagMs > 0 && median() > maxLagMs,
    // The backlog clears at about the pace it built up: come back after a few multiples of the lag.
    retryAfterSeconds: () => Math.min(30, Math.max(1, Math.ceil((median() * 4) / 1000))),
  };
}

const holder = globalThis as typeof globalThis & { __loadShedder?: LoadShedder };

/** The process's shedder (one timer per process, whichever module asks first). */
export function loadShedder(maxLagMs: number): LoadShedder {
  holder.__loadShedder ??= createLoadShedder(maxLagMs);
  return holder.__loadShedder;
}

export function busyResponse(retryAfterSeconds: number): Response {
  // Exactly text/plain: Next's client shows such a body as the action's error message.
  return new Response(`The dashboard is busy with other sessions right now; nothing was done. Retry in ${retryAfterSeconds} s.`, {
    status: 503,
    headers: { 'Content-Type': 'text/plain', 'Retry-After': String(retryAfterSeconds), 'Cache-Control': 'no-store' },
  });
}
