/**
 * Redaction of everything that is exchanged with Flinks, before it is stored, logged or shown.
 * The one redaction module: the recorder, the cURL builder, the support bundle and the log
 * serializers all go through it, so a rule added here applies everywhere.
 * Secrets become the placeholders a `curl` copy expects ($FLINKS_SECRET_KEY, …) so a redacted
 * step can be replayed by someone who holds the real values; passwords and MFA answers are masked;
 * account numbers keep only their last four digits.
 */

export const PLACEHOLDER = {
  secretKey: '$FLINKS_SECRET_KEY',
  authorizeToken: '$FLINKS_AUTHORIZE_TOKEN',
  apiKey: '$FLINKS_API_KEY',
  password: '$PASSWORD',
  mfaAnswer: '$MFA_ANSWER',
} as const;

/** Known secret values, replaced wherever they appear (belt and braces over key-based rules). */
export type KnownSecret = { value: string; placeholder: string };

/** The long-lived credentials as values to scrub wherever they might appear. */
export function credentialSecrets(config: { secretKey: string; apiKey: string }): KnownSecret[] {
  return [
    { value: config.secretKey, placeholder: PLACEHOLDER.secretKey },
    { value: config.apiKey, placeholder: PLACEHOLDER.apiKey },
  ];
}

const MASKED_KEYS: Record<string, string> = {
  password: PLACEHOLDER.password,
  token: PLACEHOLDER.authorizeToken,
  authorizetoken: PLACEHOLDER.authorizeToken,
  'flinks-auth-key': PLACEHOLDER.authorizeToken,
  'x-api-key': PLACEHOLDER.apiKey,
  authorization: PLACEHOLDER.authorizeToken,
};

const ACCOUNT_NUMBER_KEYS = new Set(['accountnumber']);

/** A value already redacted keeps its placeholder: re-redacting must not turn $FLINKS_SECRET_KEY into the token's. */
const PLACEHOLDER_VALUES: ReadonlySet<unknown> = new Set(Object.values(PLACEHOLDER));

export function lastFour(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length <= 4) return '••••';
  return `••••${trimmed.slice(-4)}`;
}

/**
 * Scrubbing by value (keys, tokens, and what the user typed: the password, each MFA answer) follows
 * one rule, so a short answer cannot wreck the JSON: a value of MIN_SCRUB_LENGTH characters or more
 * is replaced wherever it occurs inside a string value (case-sensitive); a shorter one (an answer
 * like "A" or "42") only where it is a whole string value, under any key. Object keys are never
 * scrubbed: they are the prompts, the evidence.
 */
export const MIN_SCRUB_LENGTH = 3;

/** Replaces every known secret value inside a string by its placeholder. */
export function scrubSecrets(value: string, secrets: readonly KnownSecret[]): string {
  let out = value;
  for (const s of secrets) {
    if (s.value.length >= MIN_SCRUB_LENGTH && out.includes(s.value)) out = out.split(s.value).join(s.placeholder);
  }
  return out;
}

/** A whole string value: a short known value is replaced only when it is the entire string. */
function scrubValue(value: string, secrets: readonly KnownSecret[]): string {
  const whole = secrets.find((s) => s.value !== '' && s.value.length < MIN_SCRUB_LENGTH && s.value === value);
  return whole ? whole.placeholder : scrubSecrets(value, secrets);
}

/** Replaces `from` by `to` in every string and key of a JSON-like value (a deep copy). */
export function replaceDeep(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return value.split(from).join(to);
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, from, to));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.split(from).join(to), replaceDeep(v, from, to)]));
}

/**
 * The last line of defence before something leaves the server (support bundle): known secret
 * values are replaced in every string and key, whatever the key-based rules already did.
 */
export function scrubDeep<T>(value: T, secrets: readonly KnownSecret[]): T {
  let out: unknown = value;
  for (const s of secrets) if (s.value.length >= 4) out = replaceDeep(out, s.value, s.placeholder);
  return out as T;
}

/** SecurityResponses: keep the prompts (they are the evidence), mask every answer. */
function maskAnswers(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return PLACEHOLDER.mfaAnswer;
  return Object.fromEntries(
    Object.entries(value).map(([prompt, answers]) => [
      prompt,
      Array.isArray(answers) ? answers.map(() => PLACEHOLDER.mfaAnswer) : PLACEHOLDER.mfaAnswer,
    ]),
  );
}

/**
 * keepAccountNumbers: for the copy the inspector seals (lib/crypto/seal.ts) so that full account
 * numbers can be revealed later; every other rule still applies.
 */
export type RedactOptions = { keepAccountNumbers?: boolean };

/** Deeper than any Flinks payload (and than http.ts lets in); beyond it a value is dropped, not walked. */
const MAX_DEPTH = 100;

/**
 * Deep copy of a JSON-like value with every secret replaced. Keys are matched case-insensitively (D8);
 * a key that contains a long-lived credential or token is scrubbed too, since logs and bundles may key
 * by anything, but never by what the user typed (the keys of SecurityResponses are the prompts: the
 * evidence). Cycles and absurd depth (log objects are not always JSON) become markers instead of a
 * stack overflow.
 */
export function redact(value: unknown, secrets: readonly KnownSecret[] = [], opts: RedactOptions = {}): unknown {
  const keySecrets = secrets.filter((s) => s.placeholder !== PLACEHOLDER.password && s.placeholder !== PLACEHOLDER.mfaAnswer);
  return redactAt(value, secrets, keySecrets, opts, 0, new Set());
}

function redactAt(value: unknown, secrets: readonly KnownSecret[], keySecrets: readonly KnownSecret[], opts: RedactOptions, depth: number, path: Set<object>): unknown {
  if (typeof value === 'string') return scrubValue(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (path.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Too deep]';
  path.add(value);
  try {
    if (Array.isArray(value)) return value.map((v) => redactAt(v, secrets, keySecrets, opts, depth + 1, path));
    // Entries, then fromEntries: a key named `__proto__` stays data instead of replacing the prototype.
    const out: [string, unknown][] = [];
    for (const [key, v] of Object.entries(value)) {
      const lower = key.toLowerCase();
      const safeKey = scrubSecrets(key, keySecrets);
      // Object.hasOwn: a body key named `constructor` must not find Object's own.
      const placeholder = Object.hasOwn(MASKED_KEYS, lower) ? MASKED_KEYS[lower] : undefined;
      if (placeholder !== undefined && v !== null && v !== undefined) out.push([safeKey, PLACEHOLDER_VALUES.has(v) ? v : placeholder]);
      else if (lower === 'securityresponses') out.push([safeKey, redactAt(maskAnswers(v), secrets, keySecrets, opts, depth + 1, path)]);
      else if (!opts.keepAccountNumbers && ACCOUNT_NUMBER_KEYS.has(lower) && typeof v === 'string') out.push([safeKey, lastFour(v)]);
      else out.push([safeKey, redactAt(v, secrets, keySecrets, opts, depth + 1, path)]);
    }
    return Object.fromEntries(out);
  } finally {
    path.delete(value);
  }
}

/**
 * The placeholder a credential header always shows, or null for an ordinary header.
 * `flinks-auth-key` carries the secret key on GenerateAuthorizeToken and the authorize token on
 * Authorize (§2.1), so the placeholder depends on the endpoint.
 */
export function credentialPlaceholder(name: string, endpoint: string): string | null {
  switch (name.toLowerCase()) {
    case 'flinks-auth-key':
      return endpoint === 'GenerateAuthorizeToken' ? PLACEHOLDER.secretKey : PLACEHOLDER.authorizeToken;
    case 'x-api-key':
      return PLACEHOLDER.apiKey;
    case 'authorization':
      return PLACEHOLDER.authorizeToken;
    default:
      // A header named like a masked body key (Password, Token…) is treated like that key.
      return Object.hasOwn(MASKED_KEYS, name.toLowerCase()) ? MASKED_KEYS[name.toLowerCase()]! : null;
  }
}

/** Headers as sent: credential headers become placeholders, known secrets are scrubbed from the rest. */
export function redactHeaders(
  headers: Record<string, string>,
  endpoint: string,
  secrets: readonly KnownSecret[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[scrubSecrets(name, secrets)] = credentialPlaceholder(name, endpoint) ?? scrubSecrets(value, secrets);
  }
  return out;
}

/**
 * A stored request (`{ headers, body }`, or anything else) redacted again: headers by endpoint,
 * everything else by the key rules. For what leaves the server (support bundle), which never trusts
 * that the stored copy was already redacted.
 */
export function redactRequest(request: unknown, endpoint: string, secrets: readonly KnownSecret[] = []): unknown {
  if (request === null || typeof request !== 'object') return redact(request, secrets);
  const { headers, ...rest } = request as { headers?: unknown };
  const safeHeaders =
    headers && typeof headers === 'object'
      ? redactHeaders(Object.fromEntries(Object.entries(headers).filter(([, v]) => typeof v === 'string')) as Record<string, string>, endpoint, secrets)
      : redact(headers, secrets);
  return { headers: safeHeaders, ...(redact(rest, secrets) as object) };
}

/**
 * The response headers worth keeping with a step: when to retry, the upstream's clock, what the body
 * was, and ids to quote to Flinks support. An allow-list: cookies, credentials and anything else
 * never reach a stored row. Values are scrubbed like every other string.
 */
const KEPT_RESPONSE_HEADERS = /^(retry-after|date|content-type|content-length|x-request-id|request-id|x-correlation-id|x-flinks-request-id|x-ratelimit-(limit|remaining|reset))$/;
const MAX_HEADER_VALUE = 200;

export function pickResponseHeaders(headers: Headers, secrets: readonly KnownSecret[] = []): Record<string, string> | null {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    const key = name.toLowerCase();
    if (KEPT_RESPONSE_HEADERS.test(key)) out[key] = scrubSecrets(value.slice(0, MAX_HEADER_VALUE), secrets);
  });
  return Object.keys(out).length > 0 ? out : null;
}

/**
 * Retry-After (RFC 9110 §10.2.3) as seconds from `now`: delay-seconds or an HTTP date; null when
 * absent or unreadable. A date in the past means "now": 0.
 */
export function retryAfterSeconds(headers: Record<string, string> | null | undefined, now: Date): number | null {
  const raw = headers?.['retry-after']?.trim();
  if (!raw) return null;
  if (/^\d+$/.test(raw)) return Number(raw);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now.getTime()) / 1000));
}
