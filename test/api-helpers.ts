import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { SimulatorServer } from '@/lib/simulator/testing/serve';

/**
 * The HTTP API in-process, for vitest: the real catch-all route handler, a throwaway PGlite, the
 * simulator on a loopback port, staff users inserted directly, API tokens made by lib/auth/api-tokens.
 * Environment variables are set before the app's modules are first imported (lib/env.ts reads them once).
 */

export type Api = {
  call(method: 'GET' | 'POST', path: string, opts?: { token?: string | null; body?: unknown; headers?: Record<string, string> }): Promise<{ status: number; contentType: string; body: unknown; headers: Headers }>;
  user(role: string | null, opts?: { banned?: boolean }): Promise<{ id: string; email: string }>;
  token(userId: string, days?: 30 | 90 | 365): Promise<string>;
  sim: SimulatorServer;
  close(): Promise<void>;
};

export async function startApi(env: Record<string, string> = {}): Promise<Api> {
  const { startSimulatorServer } = await import('@/lib/simulator/testing/serve');
  const sim = await startSimulatorServer({ seed: 'api-contract', asyncPolls: 1, slowMs: 10 });
  Object.assign(process.env, {
    FLINKS_BASE_URL: sim.baseUrl,
    FLINKS_ENVIRONMENT: 'simulator',
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'fsi-api-')),
    POLL_INTERVAL_MS: '50',
    LOG_LEVEL: 'silent',
    INSPECTOR_AUTH_SECRET: 'api-contract-secret-0123456789-abcdefghij',
    ...env,
  });
  const route = await import('@/app/api/v1/[[...path]]/route');
  const { getDatabase } = await import('@/lib/store');
  const { user: users } = await import('@/lib/store/schema-auth');
  const { createApiToken } = await import('@/lib/auth/api-tokens');
  return {
    sim,
    async call(method, p, opts = {}) {
      const headers: Record<string, string> = { 'user-agent': 'contract-test', ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const request = new Request(`http://127.0.0.1:3000${p}`, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
      const res = await (method === 'GET' ? route.GET(request) : route.POST(request));
      const contentType = res.headers.get('content-type') ?? '';
      const text = await res.text();
      return { status: res.status, contentType, headers: res.headers, body: contentType.includes('json') ? JSON.parse(text) : text };
    },
    async user(role, opts = {}) {
      const { db } = await getDatabase();
      const id = randomUUID();
      const email = `${role ?? 'none'}-${id.slice(0, 6)}@example.test`;
      await db.insert(users).values({ id, name: email, email, createdAt: new Date(), updatedAt: new Date(), role, banned: opts.banned ?? false });
      return { id, email };
    },
    async token(userId, days = 30) {
      return (await createApiToken(userId, 'test', days)).token;
    },
    async close() {
      await sim.close();
    },
  };
}

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>> };

/**
 * Checks answers against the OpenAPI document: the status must be documented for the operation,
 * the content type too, and a JSON body must validate against the documented schema (closed
 * objects: an undocumented field fails). Records which (operation, status) pairs were seen.
 */
export function contractChecker(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ ...doc, $id: 'openapi.json' });
  const seen = new Set<string>();
  const templateOf = (p: string, method: string) => {
    const segs = p.split('?')[0]!.replace(/^\/api\/v1/, '').split('/').filter(Boolean);
    return Object.keys(doc.paths).find((t) => {
      const parts = t.split('/').filter(Boolean);
      return doc.paths[t]![method] && parts.length === segs.length && parts.every((part, i) => part.startsWith('{') || part === segs[i]);
    });
  };
  const pointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
  return {
    seen,
    check(method: string, p: string, res: { status: number; contentType: string; body: unknown }): string[] {
      const m = method.toLowerCase();
      const template = templateOf(p, m);
      if (!template) return [`${method} ${p}: no documented operation`];
      const documented = doc.paths[template]![m]!.responses[String(res.status)];
      if (!documented) return [`${method} ${template}: status ${res.status} is not documented`];
      seen.add(`${m} ${template} ${res.status}`);
      const type = res.contentType.split(';')[0]!.trim();
      if (!documented.content?.[type]) return [`${method} ${template} ${res.status}: content type ${type} is not documented`];
      if (!type.includes('json')) return [];
      const ref = `openapi.json#/paths/${pointer(template)}/${m}/responses/${res.status}/content/${pointer(type)}/schema`;
      const validate = ajv.compile({ $ref: ref });
      return validate(res.body) ? [] : (validate.errors ?? []).map((e) => `${method} ${template} ${res.status}: ${e.instancePath || '(body)'} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}

/**
 * The API on a real loopback port (node:http → the route handler), so the CLI can be run against
 * it as a separate process without building Next.
 */
export async function serveApi(): Promise<{ url: string; close(): Promise<void> }> {
  const { createServer } = await import('node:http');
  const route = await import('@/app/api/v1/[[...path]]/route');
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const request = new Request(`http://127.0.0.1${req.url}`, { method: req.method, headers, body });
    const handler = req.method === 'POST' ? route.POST : route.GET;
    const answer = req.url?.startsWith('/api/v1') ? await handler(request) : new Response('not here', { status: 404 });
    res.writeHead(answer.status, Object.fromEntries(answer.headers));
    res.end(Buffer.from(await answer.arrayBuffer()));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) };
}
