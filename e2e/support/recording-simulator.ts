/**
 * The toolbox simulator on its own port for the security spec, accepting the sentinel keys, and
 * remembering every authorize token it issues (GET /_issued-tokens) so the spec can prove none of
 * them reached the browser. Run with tsx by playwright.config.ts; not part of the app.
 */
import { createServer } from 'node:http';
import { createSimulator } from '@/lib/simulator/handler';
import { nodeListener } from '@/lib/simulator/node-adapter';

const port = Number(process.env.RECORDING_SIMULATOR_PORT ?? 3103);
const secretKey = process.env.E2E_SENTINEL_SECRET;
const apiKey = process.env.E2E_SENTINEL_API_KEY;
if (!secretKey || !apiKey) throw new Error('E2E_SENTINEL_SECRET and E2E_SENTINEL_API_KEY are required');

const sim = createSimulator({ seed: 'security-spec', slowMs: 300, secretKey, apiKeys: [apiKey] });
const issued = new Set<string>();

async function handle(req: Request): Promise<Response> {
  const url = new URL(req.url);
  if (url.pathname === '/_issued-tokens') return Response.json([...issued]);
  const res = await sim.handle(req);
  if (url.pathname.endsWith('/GenerateAuthorizeToken')) {
    const body = (await res.clone().json().catch(() => null)) as { Token?: unknown } | null;
    if (typeof body?.Token === 'string') issued.add(body.Token);
  }
  return res;
}

createServer(nodeListener(handle, sim.options.maxBodyBytes)).listen(port, '127.0.0.1', () => {
  console.log(`recording simulator on http://127.0.0.1:${port}`);
});
