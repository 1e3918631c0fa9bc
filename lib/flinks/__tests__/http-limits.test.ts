import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../log';
import { flinksFetch, formatBytes, jsonDepthExceeds, type HttpConfig } from '../http';
import { PLACEHOLDER } from '../redact';

/** flinksFetch against a real socket: the limits must hold on a body that arrives in pieces. */

const SECRET = 'sentinel-secret-http-4d1e';
const TOKEN = 'sentinel-token-http-9f0b';
const CHUNK = Buffer.alloc(64 * 1024, 'x');
const BIG = 50 * 1024 * 1024;

let server: Server;
let baseUrl: string;
/** Whether the last /big response was cut off by the client before the server finished writing. */
let bigAbandoned: Promise<boolean>;

beforeAll(async () => {
  server = createServer((req, res) => {
    const name = req.url?.split('/').at(-1);
    if (name === 'Big' || name === 'BigUndeclared') {
      res.writeHead(200, { 'Content-Type': 'application/json', ...(name === 'Big' ? { 'Content-Length': String(BIG) } : {}) });
      bigAbandoned = new Promise((done) => res.on('close', () => done(!res.writableFinished)));
      let sent = 0;
      const pump = () => {
        while (sent < BIG) {
          sent += CHUNK.length;
          if (!res.write(CHUNK)) return void res.once('drain', pump);
        }
        res.end();
      };
      return pump();
    }
    if (name === 'Deep') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(`{"a":${'['.repeat(10_000)}${']'.repeat(10_000)}}`);
    }
    if (name === 'Shallow') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify({ HttpStatusCode: 200, Nested: JSON.parse(`${'['.repeat(60)}"[{not counted}]"${']'.repeat(60)}`) }));
    }
    if (name === 'Garbage') {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      return res.end(`<html>bad gateway ${TOKEN}</html>`);
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ HttpStatusCode: 200, Token: TOKEN }));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }));

function setup(extra: Partial<HttpConfig> = {}) {
  const lines: string[] = [];
  const secrets = [
    { value: SECRET, placeholder: PLACEHOLDER.secretKey },
    { value: TOKEN, placeholder: PLACEHOLDER.authorizeToken },
  ];
  const config: HttpConfig = {
    baseUrl,
    customerId: 'c',
    timeoutMs: 20_000,
    fetch,
    secrets,
    log: createLogger({ level: 'debug', secrets: [], destination: { write: (s: string) => void lines.push(s) } }),
    ...extra,
  };
  const call = (path: string) => flinksFetch(config, { endpoint: path, path, method: 'POST', headers: { 'flinks-auth-key': TOKEN }, body: { RequestId: 'req-1', Password: 'Everyday' } });
  return { call, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('response size limit', () => {
  it('stops reading a 50 MB body at 20 MB and says so, keeping the first bytes', async () => {
    const { call } = setup();
    for (const path of ['Big', 'BigUndeclared']) {
      const out = await call(path);
      expect(out.kind).toBe('transport_error');
      if (out.kind !== 'transport_error') return;
      expect(out.reason).toBe('too_large');
      expect(out.message).toContain('response larger than 20 MB');
      expect(out.exchange.response).toEqual({ text: 'x'.repeat(500) });
      expect(out.exchange.error).toBe(out.message);
      expect(await bigAbandoned).toBe(true);
    }
  });

  it('follows a configured limit', async () => {
    const out = await setup({ maxResponseBytes: 1024 * 1024 }).call('BigUndeclared');
    expect(out.kind === 'transport_error' && out.message).toContain('larger than 1 MB');
  });
});

describe('JSON depth limit', () => {
  it('refuses JSON nested deeper than 64 without parsing it, keeping the first bytes', async () => {
    const out = await setup().call('Deep');
    expect(out.kind === 'transport_error' && [out.reason, out.status]).toEqual(['too_deep', 200]);
    if (out.kind !== 'transport_error') return;
    expect(out.message).toContain('JSON nested deeper than 64');
    expect(out.exchange.response).toEqual({ text: `{"a":${'['.repeat(495)}` });
  });

  it('accepts nesting within the limit, brackets inside strings not counted', async () => {
    expect((await setup().call('Shallow')).kind).toBe('json');
    expect(jsonDepthExceeds('{"a":"[[[[\\"[[["}', 1)).toBe(false);
    expect(jsonDepthExceeds('[[[]]]', 2)).toBe(true);
    expect(jsonDepthExceeds('[[],[],[]]', 2)).toBe(false);
  });

  it('formats limits for people', () => {
    expect([formatBytes(20 * 1024 * 1024), formatBytes(1.5 * 1024 * 1024), formatBytes(64 * 1024)]).toEqual(['20 MB', '1.5 MB', '64 KB']);
  });
});

describe('upstream fault logging', () => {
  it('logs a non-JSON 5xx with endpoint, status, duration and RequestId, and no secret', async () => {
    const { call, lines, records } = setup();
    await call('Garbage');
    expect(records()).toEqual([
      expect.objectContaining({ level: 'error', msg: 'Flinks call failed', endpoint: 'Garbage', httpStatus: 502, reason: 'non_json', requestId: 'req-1', durationMs: expect.any(Number) }),
    ]);
    expect(lines.join('')).not.toContain(TOKEN);
  });

  it('logs a network failure and the size limit as errors', async () => {
    const { call, records } = setup({ baseUrl: 'http://127.0.0.1:1' });
    await call('Anything');
    expect(records()[0]).toMatchObject({ level: 'error', reason: 'network', endpoint: 'Anything' });
    const big = setup({ maxResponseBytes: 1024 * 1024 });
    await big.call('BigUndeclared');
    expect(big.records()[0]).toMatchObject({ level: 'error', reason: 'too_large' });
  });

  it('logs a successful call at debug only, with its redacted request', async () => {
    const { call, lines, records } = setup();
    await call('Fine');
    expect(records()).toEqual([expect.objectContaining({ level: 'debug', msg: 'Flinks call', endpoint: 'Fine', httpStatus: 200 })]);
    const text = lines.join('');
    for (const s of [TOKEN, SECRET, 'Everyday']) expect(text).not.toContain(s);
  });
});
