/**
 * A `fetch` that hands the request straight to a (Request) => Promise<Response> handler in this
 * process: no socket, no HTTP parsing, no trip through the web server's routing. Used by the Flinks
 * client when the embedded simulator is its upstream (lib/simulator/embedded.ts).
 *
 * It keeps what the client relies on from the real fetch: an aborted signal (the client's timeout,
 * or the caller's) rejects with the signal's reason even when the handler would still answer, and a
 * redirect is handed back as is (the only caller that meets one, the MFA image fetch, asks for
 * `redirect: 'manual'`).
 */
export type RequestHandler = (request: Request) => Promise<Response>;

export function inProcessFetch(handle: RequestHandler): typeof fetch {
  return (input, init) => {
    let request: Request;
    try {
      request = new Request(input, init);
    } catch (err) {
      return Promise.reject(err instanceof Error ? err : new TypeError(String(err)));
    }
    // The caller's own signal is watched, not only the Request's: the Request follows it through a
    // weakly held controller that can be collected mid-call, after which neither a timeout nor a
    // Cancel would ever reach this promise.
    const signal = init?.signal ?? request.signal;
    if (signal.aborted) return Promise.reject(abortReason(signal));
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortReason(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      handle(request).then(
        (response) => {
          signal.removeEventListener('abort', onAbort);
          if (signal.aborted) reject(abortReason(signal));
          else resolve(response);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          // What a network failure looks like to fetch's callers.
          reject(new TypeError('fetch failed', { cause: err }));
        },
      );
    });
  };
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}
