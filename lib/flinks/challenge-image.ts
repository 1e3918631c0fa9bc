/**
 * ImageSelection challenges may carry image URLs on the upstream's hosts. The browser must never
 * contact those hosts (it would tell them who looks at the session, from where), so the server
 * fetches each image once, checks it, and hands the browser a data: URI. Kept deliberately small:
 * http(s) only, a short timeout, a size cap, four raster types (no SVG), redirects followed only
 * within the same origin. Every failure is a result with a reason a person can read.
 */

export const CHALLENGE_IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export const CHALLENGE_IMAGE_MAX_BYTES = 1_000_000;
export const CHALLENGE_IMAGE_TIMEOUT_MS = 5_000;
const MAX_REDIRECTS = 3;

export type ChallengeImageResult = { ok: true; dataUri: string } | { ok: false; problem: string };

export type ChallengeImageOptions = { fetch: typeof fetch; timeoutMs?: number; maxBytes?: number };

const fail = (problem: string): ChallengeImageResult => ({ ok: false, problem });

const isImageType = (t: string): t is (typeof CHALLENGE_IMAGE_TYPES)[number] => (CHALLENGE_IMAGE_TYPES as readonly string[]).includes(t);

/** Null when the body is larger than maxBytes (reading stops there). */
async function readCapped(res: Response, maxBytes: number): Promise<Buffer | null> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks);
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
}

export async function fetchChallengeImage(url: string, opts: ChallengeImageOptions): Promise<ChallengeImageResult> {
  const maxBytes = opts.maxBytes ?? CHALLENGE_IMAGE_MAX_BYTES;
  const timeoutMs = opts.timeoutMs ?? CHALLENGE_IMAGE_TIMEOUT_MS;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return fail('its address is not a valid URL');
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return fail('its address is not http(s)');
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const res = await opts.fetch(target, { redirect: 'manual', signal, cache: 'no-store', headers: { accept: CHALLENGE_IMAGE_TYPES.join(', ') } });
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (!location) return fail(`the server answered HTTP ${res.status} without a location`);
        const next = new URL(location, target);
        if (next.origin !== target.origin) return fail('it redirects to another host');
        target = next;
        continue;
      }
      if (!res.ok) {
        await res.body?.cancel();
        return fail(`the server answered HTTP ${res.status}`);
      }
      const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
      if (!isImageType(type)) {
        await res.body?.cancel();
        return fail(`it is not a PNG, JPEG, GIF or WebP image (${type || 'no content type'})`);
      }
      const tooBig = fail(`it is larger than ${Math.round(maxBytes / 1000)} kB`);
      if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
        await res.body?.cancel();
        return tooBig;
      }
      const bytes = await readCapped(res, maxBytes);
      if (!bytes) return tooBig;
      return { ok: true, dataUri: `data:${type};base64,${bytes.toString('base64')}` };
    }
    return fail('it redirects too many times');
  } catch {
    if (signal.aborted) return fail(`it did not arrive within ${timeoutMs / 1000} s`);
    return fail(`${target.host} could not be reached`);
  }
}
