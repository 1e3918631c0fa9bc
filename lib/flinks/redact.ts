/**
 * Redaction of everything that is exchanged with Flinks, before it is stored, logged or shown.
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

const MASKED_KEYS: Record<string, string> = {
  password: PLACEHOLDER.password,
  token: PLACEHOLDER.authorizeToken,
  authorizetoken: PLACEHOLDER.authorizeToken,
  'flinks-auth-key': PLACEHOLDER.authorizeToken,
  'x-api-key': PLACEHOLDER.apiKey,
  authorization: PLACEHOLDER.authorizeToken,
};

const ACCOUNT_NUMBER_KEYS = new Set(['accountnumber']);

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

/** Deep copy of a JSON-like value with every secret replaced. Keys are matched case-insensitively (D8). */
export function redact(value: unknown, secrets: readonly KnownSecret[] = [], opts: RedactOptions = {}): unknown {
  if (typeof value === 'string') return scrubValue(value, secrets);
  if (Array.isArray(value)) return value.map((v) => redact(v, secrets, opts));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const lower = key.toLowerCase();
    const placeholder = MASKED_KEYS[lower];
    if (placeholder !== undefined && v !== null && v !== undefined) out[key] = placeholder;
    else if (lower === 'securityresponses') out[key] = maskAnswers(v);
    else if (!opts.keepAccountNumbers && ACCOUNT_NUMBER_KEYS.has(lower) && typeof v === 'string') out[key] = lastFour(v);
    else out[key] = redact(v, secrets, opts);
  }
  return out;
}

/**
 * Headers as sent: `flinks-auth-key` carries the secret key on GenerateAuthorizeToken and the
 * authorize token on Authorize (§2.1), so the placeholder depends on the endpoint.
 */
export function redactHeaders(
  headers: Record<string, string>,
  endpoint: string,
  secrets: readonly KnownSecret[] = [],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (lower === 'flinks-auth-key') {
      out[name] = endpoint === 'GenerateAuthorizeToken' ? PLACEHOLDER.secretKey : PLACEHOLDER.authorizeToken;
    } else if (lower === 'x-api-key') out[name] = PLACEHOLDER.apiKey;
    else if (lower === 'authorization') out[name] = PLACEHOLDER.authorizeToken;
    else out[name] = scrubSecrets(value, secrets);
  }
  return out;
}
