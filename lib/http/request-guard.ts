/**
 * Requests Next.js would answer with a 500 although the fault is the client's, refused up front with
 * the 4xx they deserve (found by `npm run fuzz:http`). Next's own behaviour, as of 16.4:
 *   - a server-action POST whose Origin does not match the host is aborted as a CSRF attempt, with 500;
 *     an Origin that is not a URL at all throws while being parsed, also 500;
 *   - a multipart POST whose body is not valid multipart fails inside its form-action parser, 500;
 *   - a path with a broken %-escape fails while decoding route params, 500.
 * Plain module (no Next imports) so it is unit-tested directly; proxy.ts applies it.
 */

export type Refusal = { status: 400 | 403; message: string };

type GuardedRequest = Pick<Request, 'method' | 'url' | 'headers' | 'clone'>;

/** The host Next compares the Origin with: x-forwarded-host first, then Host (its parseHostHeader). */
function requestHost(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-host');
  const value = forwarded ?? headers.get('host');
  return value ? (value.split(',')[0] ?? '').trim() || null : null;
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function hasBrokenEscape(url: string): boolean {
  const { pathname } = new URL(url);
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

export async function guardRequest(req: GuardedRequest): Promise<Refusal | null> {
  if (hasBrokenEscape(req.url)) return { status: 400, message: 'Malformed percent-encoding in the path.' };
  if (req.method !== 'POST') return null;
  const contentType = req.headers.get('content-type') ?? '';
  const isFetchAction = req.headers.has('next-action');
  const isMultipart = contentType.startsWith('multipart/form-data');
  const isPossibleAction = isFetchAction || isMultipart || contentType === 'application/x-www-form-urlencoded';
  if (!isPossibleAction) return null;

  // Same rule as Next's CSRF check (no Origin: let through, as Next does), answered 403 instead of 500.
  const origin = req.headers.get('origin');
  if (origin !== null) {
    const from = origin === 'null' ? null : originHost(origin);
    if (from === null || from !== requestHost(req.headers)) {
      return { status: 403, message: 'Cross-origin server action refused.' };
    }
  }
  if (isMultipart && !isFetchAction) {
    try {
      await req.clone().formData();
    } catch {
      return { status: 400, message: 'The multipart body could not be parsed.' };
    }
  }
  return null;
}
