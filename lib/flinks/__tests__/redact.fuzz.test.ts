import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../log';
import { PLACEHOLDER, redact, redactHeaders, redactRequest, scrubDeep, type KnownSecret } from '../redact';

/**
 * Properties of the one redaction module: a sentinel placed anywhere in arbitrary JSON under a
 * sensitive key (any casing, any depth, any shape below it), or a known secret embedded in any string
 * or key, never comes out, whether through redact(), the headers, the bundle's scrub or a log line.
 */

const RUNS = { numRuns: 2000 };
const SENTINEL = 'S3NT1NEL-do-not-leak-7f1c';
const SECRET = 'sentinel-secret-fuzz-aa01';
const API = 'sentinel-apikey-fuzz-bb02';
const TOKEN = 'sentinel-token-fuzz-cc03';
const secrets: KnownSecret[] = [
  { value: SECRET, placeholder: PLACEHOLDER.secretKey },
  { value: API, placeholder: PLACEHOLDER.apiKey },
  { value: TOKEN, placeholder: PLACEHOLDER.authorizeToken },
];
const leaked = (value: unknown, needles: readonly string[]) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return needles.filter((n) => text.includes(n));
};

/** Any casing of a key: the rules match case-insensitively (D8). */
const anyCase = (key: string) =>
  fc.array(fc.boolean(), { minLength: key.length, maxLength: key.length }).map((flags) => [...key].map((c, i) => (flags[i] ? c.toUpperCase() : c)).join(''));
const SENSITIVE = ['password', 'token', 'authorizetoken', 'flinks-auth-key', 'x-api-key', 'authorization'];
const sensitiveKey = fc.constantFrom(...SENSITIVE).chain(anyCase);

/** The sentinel alone, inside text, or buried in whatever shape sits under the key. */
const holder: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(SENTINEL),
  fc.tuple(fc.string(), fc.string()).map(([a, b]) => `${a}${SENTINEL}${b}`),
  fc.array(fc.constant(SENTINEL), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.constant(SENTINEL), { minKeys: 1, maxKeys: 2 }),
  fc.constant({ deep: [{ deeper: SENTINEL }] }),
);
const planted = fc.oneof(
  fc.tuple(sensitiveKey, holder).map(([k, v]) => ({ [k]: v })),
  // SecurityResponses: prompts are kept (evidence), every answer is masked, whatever its shape.
  fc.tuple(anyCase('securityresponses'), fc.string({ maxLength: 20 }), holder).map(([k, prompt, v]) => ({ [k]: { [prompt]: Array.isArray(v) ? v : [v] } })),
  fc.tuple(anyCase('securityresponses'), holder).map(([k, v]) => ({ [k]: v })),
);

/** Arbitrary JSON with planted sentinels at any depth, and known secrets inside strings and keys. */
const withSecret = fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(SECRET, API, TOKEN), fc.string({ maxLength: 8 })).map(([a, s, b]) => `${a}${s}${b}`);
const { tree } = fc.letrec<{ tree: unknown }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.jsonValue({ maxDepth: 1 }),
    withSecret,
    planted,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), withSecret), tie('tree'), { maxKeys: 4 }),
  ),
}));

describe('redaction never leaks (fuzzed)', () => {
  it('redact(): no sentinel under a sensitive key, no known secret anywhere', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(leaked(redact(value, secrets), [SENTINEL, SECRET, API, TOKEN])).toEqual([]);
      }),
      RUNS,
    );
  });

  it('redact() does not change what is not secret', () => {
    const plain = fc.jsonValue({ maxDepth: 3 }).filter((v) => !/password|token|auth|api-key|securityresponses|accountnumber/i.test(JSON.stringify(v)));
    fc.assert(
      fc.property(plain, (value) => {
        expect(redact(value, secrets)).toEqual(value);
      }),
      RUNS,
    );
  });

  it('redactHeaders() and redactRequest(): credential headers are placeholders whatever they hold', () => {
    const name = fc.oneof(sensitiveKey, fc.stringMatching(/^[a-z][a-z0-9-]{0,12}$/));
    const headerValue = fc.oneof(fc.string({ maxLength: 20 }), withSecret);
    const headers = fc.tuple(fc.dictionary(name, headerValue, { maxKeys: 6 }), sensitiveKey).map(([h, k]) => ({ ...h, [k]: SENTINEL }));
    const endpoint = fc.constantFrom('GenerateAuthorizeToken', 'Authorize', 'GetAccountsDetail', 'x');
    fc.assert(
      fc.property(headers, endpoint, tree, (h, e, body) => {
        expect(leaked(redactHeaders(h, e, secrets), [SENTINEL, SECRET, API, TOKEN])).toEqual([]);
        expect(leaked(redactRequest({ headers: h, body }, e, secrets), [SENTINEL, SECRET, API, TOKEN])).toEqual([]);
      }),
      RUNS,
    );
  });

  it('scrubDeep(): no known secret in any string or key', () => {
    fc.assert(
      fc.property(tree, (value) => {
        expect(leaked(scrubDeep(value, secrets), [SECRET, API, TOKEN])).toEqual([]);
      }),
      RUNS,
    );
  });

  it('log lines: nothing leaks through objects, messages or child bindings', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', secrets, destination: { write: (s: string) => void lines.push(s) } });
    fc.assert(
      fc.property(tree, fc.oneof(fc.string(), withSecret), (value, msg) => {
        lines.length = 0;
        log.info({ data: value }, msg);
        log.child({}).error({ nested: { value } }, msg);
        expect(leaked(lines.join(''), [SENTINEL, SECRET, API, TOKEN])).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the generators themselves', () => {
  it('plant sentinels and secrets often enough for the properties above to mean something', () => {
    const samples = fc.sample(tree, { numRuns: 1000, seed: 42 }).map((v) => JSON.stringify(v) ?? '');
    expect(samples.filter((t) => t.includes(SENTINEL)).length).toBeGreaterThan(200);
    expect(samples.filter((t) => [SECRET, API, TOKEN].some((s) => t.includes(s))).length).toBeGreaterThan(200);
  });
});
