import { PLACEHOLDER, credentialPlaceholder, redact, scrubSecrets, type KnownSecret } from '@/lib/flinks/redact';

/**
 * A stored step → a `curl` command someone holding the real credentials can replay. Steps already
 * carry placeholders ($FLINKS_SECRET_KEY…), but the builder never trusts that: credential headers are
 * always printed as placeholders, bodies go through redact() again, and known secret values are scrubbed.
 * Quoting: single quotes everywhere, with each placeholder closed out into double quotes so the
 * shell expands it ('x-api-key: '"$FLINKS_API_KEY").
 */

export type CurlStep = {
  endpoint: string;
  method: string;
  url: string;
  request: unknown;
};

const PLACEHOLDERS: readonly string[] = Object.values(PLACEHOLDER);
const PLACEHOLDER_RE = new RegExp(`(${PLACEHOLDERS.map((p) => p.replace('$', '\\$')).join('|')})(?![A-Z0-9_])`, 'g');

/** One shell word: literal text single-quoted, placeholders double-quoted so they expand. */
export function shellQuote(value: string): string {
  if (value === '') return "''";
  const parts = value.split(PLACEHOLDER_RE).filter((p) => p !== '');
  return parts
    .map((part) => (PLACEHOLDERS.includes(part) ? `"${part}"` : `'${part.replace(/'/g, `'\\''`)}'`))
    .join('');
}

function requestParts(request: unknown): { headers: Record<string, string>; body: unknown } {
  if (request === null || typeof request !== 'object') return { headers: {}, body: null };
  const r = request as { headers?: unknown; body?: unknown };
  const headers: Record<string, string> = {};
  if (r.headers && typeof r.headers === 'object') {
    for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') headers[k] = v;
  }
  return { headers, body: r.body ?? null };
}

export function buildCurl(step: CurlStep, secrets: readonly KnownSecret[] = []): string {
  const { headers, body } = requestParts(step.request);
  const method = step.method.toUpperCase();
  const lines = [`curl -X ${method} ${shellQuote(scrubSecrets(step.url, secrets))}`];
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === 'content-length') continue;
    const safe = credentialPlaceholder(name, step.endpoint) ?? scrubSecrets(value, secrets);
    lines.push(`-H ${shellQuote(`${name}: ${safe}`)}`);
  }
  if (body !== null && body !== undefined && method !== 'GET') {
    const json = scrubSecrets(JSON.stringify(redact(body, secrets)), secrets);
    lines.push(`--data-raw ${shellQuote(json)}`);
  }
  return lines.join(' \\\n  ');
}
