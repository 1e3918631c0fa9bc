/**
 * Junk against a RUNNING dashboard: random methods, paths, headers and bodies, and junk server-action
 * posts (Next-Action with random ids and payloads, broken router headers), then a report: answers by
 * status class, every distinct 5xx, whether the server survived (health before and after) and its
 * memory before and after (VmRSS of --pid and its children, from /proc).
 *
 *   npm run build && npx next start --hostname 127.0.0.1 -p 3123 &
 *   npm run fuzz:http -- --url http://127.0.0.1:3123 --pid <pid of next start> [--count 10000] [--concurrency 16] [--seed 1]
 *
 * Loopback only: it refuses any other host, so it cannot be pointed at someone else's server.
 * Exit code 1 when a 5xx was seen or the server stopped answering.
 */
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://127.0.0.1:3000' },
    count: { type: 'string', default: '10000' },
    concurrency: { type: 'string', default: '16' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    pid: { type: 'string' },
    'timeout-ms': { type: 'string', default: '30000' },
    /** Write every 5xx request (method, path, headers, first bytes of the body) here, one JSON per line, to replay them. */
    dump: { type: 'string' },
  },
});

const base = new URL(args.url);
const LOOPBACK = /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/;
if (!LOOPBACK.test(base.hostname)) {
  console.error(`fuzz-http: refusing ${base.hostname}: loopback addresses only (127.x.x.x, [::1], localhost).`);
  process.exit(2);
}
const COUNT = Number(args.count);
const CONCURRENCY = Number(args.concurrency);
const SEED = Number(args.seed);
const TIMEOUT_MS = Number(args['timeout-ms']);
const PID = args.pid ? Number(args.pid) : undefined;

// mulberry32: small, seedable, so a run that finds something can be replayed with --seed.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(SEED);
const int = (n: number) => Math.floor(rand() * n);
const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
const chance = (p: number) => rand() < p;
const hex = (n: number) => Array.from({ length: n }, () => '0123456789abcdef'[int(16)]).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;

// Code points, not UTF-16 units: a lone surrogate would make encodeURIComponent throw here, not the server.
const ALPHABETS = ['abcdefghijklmnopqrstuvwxyz0123456789', '%/\\.?#&=+;:,"\'<>{}[]|`^~!@$*() \t', 'éàü中文🙂\u0000\u202e\ufeff'].map((a) => Array.from(a));

function junkString(max = 40): string {
  const n = int(max + 1);
  let out = '';
  for (let i = 0; i < n; i++) out += pick(pick(ALPHABETS));
  return out;
}

function junkJson(depth = 0): unknown {
  const r = int(depth > 3 ? 4 : 7);
  if (r === 0) return junkString();
  if (r === 1) return rand() * 1e6 - 5e5;
  if (r === 2) return pick([true, false, null]);
  if (r === 3) return pick(['$K1', '$@1', '$T', '$undefined', '$Q', '$F1', '$h', '$0', '$D2020-01-01']);
  if (r === 4) return Array.from({ length: int(4) }, () => junkJson(depth + 1));
  if (r === 5) return Object.fromEntries(Array.from({ length: int(4) }, () => [junkString(10), junkJson(depth + 1)]));
  // Shapes the app's own actions take, with junk inside.
  return pick([
    { mode: pick(['cached', 'live', junkString()]), loginId: pick([uuid(), junkString()]), institution: 'FlinksCapital', username: pick(['Greatday', 'sim_500', junkString()]), password: 'Everyday', language: pick(['en', 'fr', 'xx']), save: chance(0.5), tag: junkString() },
    { inspectionId: pick([uuid(), junkString()]), responses: { [junkString()]: [junkString()] } },
    { inspectionId: pick([uuid(), junkString()]), link: pick(['summary', 'detail', 'statements', junkString()]) },
  ]);
}

const KNOWN_PATHS = () => [
  '/',
  '/sessions',
  `/sessions?${pick(['loginId', 'requestId', 'tag', 'mode', 'status', 'from', 'to', 'cursor', 'back'])}=${encodeURIComponent(junkString())}`,
  `/sessions/${pick([uuid(), junkString(), '00000000-0000-0000-0000-000000000000'])}`,
  `/sessions/${pick([uuid(), encodeURIComponent(junkString())])}/bundle`,
  `/simulator/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/${pick(['GenerateAuthorizeToken', 'Authorize', 'GetAccountsSummary', 'GetAccountsDetail', 'GetStatements', 'GetAccountsDetailAsync/' + uuid(), encodeURIComponent(junkString())])}`,
  `/simulator/_control/${pick(['reset', 'clock', 'state', junkString(5)])}`,
  '/api/health',
  '/api/ready',
  `/_next/static/${encodeURIComponent(junkString())}`,
  `/_next/image?url=${encodeURIComponent(pick(['/', 'http://127.0.0.1/', junkString()]))}&w=${int(5000)}&q=${int(200)}`,
  `/${encodeURIComponent(junkString())}`,
  `/${junkString().replace(/[#?]/g, '')}`,
  `/%${hex(1)}`,
  `/${'a/'.repeat(int(200))}`,
];

const METHODS = ['GET', 'GET', 'GET', 'POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'PROPFIND', 'FOO', 'get'];
const HEADER_NAMES = ['accept', 'content-type', 'cookie', 'referer', 'origin', 'user-agent', 'x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'accept-language', 'range', 'if-none-match', 'rsc', 'next-router-prefetch', 'next-router-state-tree', 'next-url', 'next-action', 'x-middleware-prefetch', 'x-nextjs-data', 'purpose', 'authorization', 'flinks-auth-key', 'x-api-key'];

function junkHeaders(): Record<string, string> {
  const h: Record<string, string> = {};
  for (let i = int(5); i > 0; i--) {
    const name = chance(0.8) ? pick(HEADER_NAMES) : `x-${hex(4)}`;
    // Header values must be ByteStrings without CR/LF; junk within that.
    h[name] = junkString(60).replace(/[^\x20-\x7e]/g, '?').trim();
  }
  if (chance(0.2)) h['content-type'] = pick(['application/json', 'text/plain;charset=UTF-8', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'text/x-component', junkString(20).replace(/[^\x20-\x7e]/g, '')]);
  return h;
}

function junkBody(): BodyInit | undefined {
  const r = int(8);
  if (r === 0) return undefined;
  if (r === 1) return junkString(500);
  if (r === 2) return JSON.stringify(junkJson());
  if (r === 3) return new Uint8Array(Array.from({ length: int(2048) }, () => int(256)));
  if (r === 4) return new URLSearchParams(Object.fromEntries(Array.from({ length: int(5) }, () => [junkString(8), junkString(20)]))).toString();
  if (r === 5) return `--x\r\nContent-Disposition: form-data; name="${junkString(8)}"\r\n\r\n${junkString(40)}\r\n--x--\r\n`;
  if (r === 6 && chance(0.1)) return 'x'.repeat(2 * 1024 * 1024 + int(1000)); // over Next's 1 MB action limit
  return JSON.stringify([junkJson(), junkJson()]);
}

type Planned = { method: string; path: string; headers: Record<string, string>; body?: BodyInit; raw?: string };

/** One junk request: a third are server-action posts, a few are raw bytes on a socket. */
function plan(): Planned {
  if (chance(0.02)) {
    const raw = pick([
      `${junkString(8)} / HTTP/1.1\r\nHost: x\r\n\r\n`,
      `GET /${junkString(20)} HTTP/1.1\r\nHost: ${junkString(10)}\r\nContent-Length: ${pick(['-1', 'abc', '99999999999', '5'])}\r\n\r\nabc`,
      `POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${junkString(10)}\r\n0\r\n\r\n`,
      `\x00\x01\x02${junkString(50)}\r\n\r\n`,
    ]);
    return { method: 'RAW', path: '(raw)', headers: {}, raw };
  }
  if (chance(0.33)) {
    const headers: Record<string, string> = {
      'next-action': pick([hex(40), hex(42), hex(int(60)), junkString(20).replace(/[^\x20-\x7e]/g, '').trim() || 'x', '7f' + hex(40)]),
      'content-type': pick(['text/plain;charset=UTF-8', 'multipart/form-data; boundary=----x', 'application/x-www-form-urlencoded', 'application/json']),
      accept: 'text/x-component',
    };
    if (chance(0.5)) headers['next-router-state-tree'] = pick([encodeURIComponent(JSON.stringify(junkJson())), junkString(30).replace(/[^\x20-\x7e]/g, ''), '%5B%22%22%5D', '']);
    if (chance(0.3)) headers.origin = pick([base.origin, 'http://evil.example', 'null', junkString(10).replace(/[^\x20-\x7e]/g, '')]);
    return { method: 'POST', path: pick(['/', '/sessions', `/sessions/${uuid()}`, `/${junkString(5)}`]), headers, body: junkBody() ?? '[]' };
  }
  const method = pick(METHODS);
  const path = pick(KNOWN_PATHS());
  const body = method === 'GET' || method === 'HEAD' || method === 'get' ? undefined : junkBody();
  return { method, path, headers: junkHeaders(), body };
}

type Outcome = number | 'timeout' | 'client_refused' | 'connection_closed';

function rawRequest(payload: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const socket = new Socket();
    let data = '';
    const done = (v: Outcome) => {
      socket.destroy();
      resolve(v);
    };
    socket.setTimeout(5000, () => done('timeout'));
    socket.on('data', (d) => {
      data += d.toString('latin1');
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(data);
      if (m) done(Number(m[1]));
    });
    // Node's HTTP parser may hang up on bytes that are not HTTP at all, without a status line.
    socket.on('error', () => done('connection_closed'));
    socket.on('close', () => done('connection_closed'));
    socket.connect(Number(base.port || 80), base.hostname.replace(/^\[|\]$/g, ''), () => socket.write(payload, 'latin1'));
  });
}

async function send(p: Planned): Promise<Outcome> {
  if (p.raw !== undefined) return rawRequest(p.raw);
  let request: Request;
  try {
    request = new Request(new URL(p.path, base), { method: p.method, headers: p.headers, body: p.body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch {
    // fetch itself refuses some junk (a header value it will not send): nothing reached the server.
    return 'client_refused';
  }
  try {
    const res = await fetch(request);
    await res.arrayBuffer().catch(() => undefined);
    return res.status;
  } catch (err) {
    if (err instanceof DOMException && err.name === 'TimeoutError') return 'timeout';
    return 'connection_closed';
  }
}

async function healthy(): Promise<boolean> {
  try {
    const res = await fetch(new URL('/api/health', base), { signal: AbortSignal.timeout(10_000) });
    return res.status === 200;
  } catch {
    return false;
  }
}

/** VmRSS of the process and every descendant (next start may run its server in a child), in MB. */
function rssMb(pid: number): number | null {
  const rssOf = (p: number) => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? Number(m[1]) : 0;
    } catch {
      return 0;
    }
  };
  try {
    readFileSync(`/proc/${pid}/status`);
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    total += rssOf(p);
    stack.push(...(children.get(p) ?? []));
  }
  return Math.round(total / 1024);
}

async function main() {
  console.log(`fuzz-http: ${COUNT} junk requests to ${base.origin}, concurrency ${CONCURRENCY}, seed ${SEED}`);
  const before = await healthy();
  if (!before) {
    console.error('fuzz-http: the server does not answer /api/health; start it first.');
    process.exit(2);
  }
  const rssBefore = PID ? rssMb(PID) : null;
  const byClass: Record<string, number> = {};
  const fives = new Map<string, number>();
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < COUNT) {
      next++;
      const p = plan();
      const status = await send(p);
      const cls = typeof status === 'number' ? `${Math.floor(status / 100)}xx` : status;
      byClass[cls] = (byClass[cls] ?? 0) + 1;
      if (typeof status === 'number' && status >= 500) {
        const key = `${status} ${p.method} ${p.path.slice(0, 80)}${p.headers['next-action'] ? ' [Next-Action]' : ''}`;
        fives.set(key, (fives.get(key) ?? 0) + 1);
        if (args.dump) appendFileSync(args.dump, `${JSON.stringify({ status, method: p.method, path: p.path, headers: p.headers, body: typeof p.body === 'string' ? p.body.slice(0, 300) : p.body ? `(${p.body.constructor.name})` : null, raw: p.raw ?? null })}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (Date.now() - started) / 1000;
  const after = await healthy();
  const rssAfter = PID ? rssMb(PID) : null;
  // Give the server time (timers, GC) and measure again: "back near its start" is the question.
  await new Promise((ok) => setTimeout(ok, 10_000));
  const rss10 = PID ? rssMb(PID) : null;
  await new Promise((ok) => setTimeout(ok, 20_000));
  const rss30 = PID ? rssMb(PID) : null;

  const fiveCount = [...fives.values()].reduce((a, b) => a + b, 0);
  console.log(`\nrequests: ${COUNT} in ${seconds.toFixed(1)} s (${Math.round(COUNT / seconds)}/s)`);
  console.log('by status class:', Object.fromEntries(Object.entries(byClass).sort()));
  console.log(`5xx: ${fiveCount}`);
  for (const [k, n] of [...fives.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${n}× ${k}`);
  console.log(`health before: ${before ? 'ok' : 'down'}, after: ${after ? 'ok' : 'DOWN (crashed or hung)'}`);
  if (PID) console.log(`memory (VmRSS of pid ${PID} and children): before ${rssBefore} MB, right after ${rssAfter} MB, 10 s later ${rss10} MB, 30 s later ${rss30} MB`);
  else console.log('memory: pass --pid <pid of the server> to read its VmRSS from /proc');
  process.exit(fiveCount > 0 || !after ? 1 : 0);
}

void main();
