import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeWebStream } from 'node:stream/web';

/**
 * node:http <-> web Request/Response, shared by the standalone server and the test helper.
 * The Request's signal aborts when the client disconnects, so sim_hang and sim_slow end with it.
 */

export type WebHandler = (req: Request) => Promise<Response>;

/**
 * Reads the whole upload but keeps at most `keep` bytes: the handler then sees an oversize body and
 * answers 413, and the socket is drained, so the client gets that answer instead of ECONNRESET.
 */
async function drain(req: IncomingMessage, keep: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size < keep) chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, keep);
}

export function nodeListener(handle: WebHandler, maxBodyBytes: number, inFlight?: Set<AbortController>) {
  return (req: IncomingMessage, res: ServerResponse) => {
    void serve(req, res).catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };

  async function serve(req: IncomingMessage, res: ServerResponse) {
    const controller = new AbortController();
    inFlight?.add(controller);
    res.on('close', () => {
      inFlight?.delete(controller);
      if (!res.writableFinished) controller.abort();
    });
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      // The body below is re-buffered: the original framing headers no longer describe it.
      if (name === 'content-length' || name === 'transfer-encoding' || name === 'connection') continue;
      if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
      else if (value !== undefined) headers.set(name, value);
    }
    const body = hasBody ? await drain(req, maxBodyBytes + 1) : undefined;
    const request = new Request(`http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: body ? new Uint8Array(body) : undefined,
      signal: controller.signal,
    });
    const response = await handle(request);
    if (res.destroyed) return;
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    if (response.body) {
      Readable.fromWeb(response.body as unknown as NodeWebStream<Uint8Array>).pipe(res);
    } else {
      res.end();
    }
  }
}
