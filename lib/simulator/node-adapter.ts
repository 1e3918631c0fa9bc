import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';

/**
 * node:http <-> web Request/Response, shared by the standalone server and the test helper.
 * The Request's signal aborts when the client disconnects, so sim_hang and sim_slow end with it.
 */

export type WebHandler = (req: Request) => Promise<Response>;

export function nodeListener(handle: WebHandler, inFlight?: Set<AbortController>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const controller = new AbortController();
    inFlight?.add(controller);
    res.on('close', () => {
      inFlight?.delete(controller);
      if (!res.writableFinished) controller.abort();
    });
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
      else if (value !== undefined) headers.set(name, value);
    }
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: hasBody ? (Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>) : undefined,
      signal: controller.signal,
      // @ts-expect-error Node's fetch needs duplex for streamed bodies; lib.dom's RequestInit lacks it.
      duplex: 'half',
    });
    handle(request)
      .then(async (response) => {
        if (res.destroyed) return;
        res.statusCode = response.status;
        response.headers.forEach((value, name) => res.setHeader(name, value));
        if (response.body) {
          Readable.fromWeb(response.body as unknown as NodeWebStream<Uint8Array>).pipe(res);
        } else {
          res.end();
        }
      })
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  };
}
