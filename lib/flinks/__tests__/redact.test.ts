import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, credentialPlaceholder, credentialSecrets, lastFour, redact, redactHeaders, redactRequest, replaceDeep, scrubDeep } from '../redact';

const SECRET = 'sentinel-secret-7f3a9c';
const API = 'sentinel-apikey-51d2e8';
const TOKEN = 'sentinel-token-0b6e44';
const secrets = [
  { value: SECRET, placeholder: PLACEHOLDER.secretKey },
  { value: API, placeholder: PLACEHOLDER.apiKey },
  { value: TOKEN, placeholder: PLACEHOLDER.authorizeToken },
];

const leaks = (value: unknown) => {
  const text = JSON.stringify(value);
  return [SECRET, API, TOKEN, 'Everyday', 'Triangle', 'Blue', 'Green', '1111000'].filter((s) => text.includes(s));
};

describe('redact', () => {
  it('leaves no secret in a live Authorize body, whatever the key casing', () => {
    const body = { institution: 'FlinksCapital', username: 'Greatday', PASSWORD: 'Everyday', MostRecentCached: false, Save: true };
    const out = redact(body, secrets);
    expect(leaks(out)).toEqual([]);
    expect(out).toMatchObject({ username: 'Greatday', PASSWORD: PLACEHOLDER.password });
  });

  it('masks every MFA answer but keeps the prompts', () => {
    const out = redact({ RequestId: 'r', SecurityResponses: { 'What shape do people like most?': ['Triangle'], 'Pick colours': ['Blue', 'Green'] } });
    expect(leaks(out)).toEqual([]);
    expect(out).toEqual({
      RequestId: 'r',
      SecurityResponses: { 'What shape do people like most?': [PLACEHOLDER.mfaAnswer], 'Pick colours': [PLACEHOLDER.mfaAnswer, PLACEHOLDER.mfaAnswer] },
    });
  });

  it('replaces a token field and any known secret inside strings', () => {
    const out = redact({ HttpStatusCode: 200, Token: TOKEN, Message: `bad key ${SECRET} and ${API}` }, secrets);
    expect(leaks(out)).toEqual([]);
    expect(out).toMatchObject({ Token: PLACEHOLDER.authorizeToken, Message: `bad key ${PLACEHOLDER.secretKey} and ${PLACEHOLDER.apiKey}` });
  });

  it('cuts account numbers to their last four digits, deep inside arrays', () => {
    const out = redact({ Accounts: [{ AccountNumber: '1111000', TransitNumber: '77777' }], StatementsByAccount: [{ AccountNumber: 'LO020202' }] });
    expect(leaks(out)).toEqual([]);
    expect(JSON.stringify(out)).toContain('••••1000');
    expect(JSON.stringify(out)).toContain('••••0202');
    expect(lastFour('123')).toBe('••••');
  });

  it('keeps a placeholder it already put there (a redacted exchange logged again stays accurate)', () => {
    const once = redactHeaders({ 'flinks-auth-key': SECRET }, 'GenerateAuthorizeToken');
    expect(redact({ headers: once })).toEqual({ headers: { 'flinks-auth-key': PLACEHOLDER.secretKey } });
    expect(redact({ Token: PLACEHOLDER.apiKey, password: 'x' })).toEqual({ Token: PLACEHOLDER.apiKey, password: PLACEHOLDER.password });
  });

  it('does not change the input', () => {
    const body = { Password: 'Everyday' };
    redact(body);
    expect(body.Password).toBe('Everyday');
  });
});

describe('redactHeaders', () => {
  it('names the secret key on GenerateAuthorizeToken and the token on Authorize', () => {
    expect(redactHeaders({ 'flinks-auth-key': SECRET }, 'GenerateAuthorizeToken')).toEqual({ 'flinks-auth-key': PLACEHOLDER.secretKey });
    expect(redactHeaders({ 'flinks-auth-key': TOKEN }, 'Authorize')).toEqual({ 'flinks-auth-key': PLACEHOLDER.authorizeToken });
  });

  it('hides x-api-key and stray secrets in any header', () => {
    const out = redactHeaders({ 'X-Api-Key': API, 'x-debug': `t=${TOKEN}`, Accept: 'application/json' }, 'GetAccountsSummary', secrets);
    expect(leaks(out)).toEqual([]);
    expect(out.Accept).toBe('application/json');
  });
});

describe('credentialPlaceholder', () => {
  it('is the one table of credential headers (recorder, cURL and bundle share it)', () => {
    expect(credentialPlaceholder('Flinks-Auth-Key', 'GenerateAuthorizeToken')).toBe(PLACEHOLDER.secretKey);
    expect(credentialPlaceholder('flinks-auth-key', 'GetAccountsDetail')).toBe(PLACEHOLDER.authorizeToken);
    expect(credentialPlaceholder('X-API-KEY', 'GetAccountsDetail')).toBe(PLACEHOLDER.apiKey);
    expect(credentialPlaceholder('Authorization', 'Authorize')).toBe(PLACEHOLDER.authorizeToken);
    expect(credentialPlaceholder('Accept', 'Authorize')).toBeNull();
  });
});

describe('scrubDeep and replaceDeep', () => {
  it('replaces known secrets in every string and key, leaving other values alone', () => {
    const out = scrubDeep({ [`k-${SECRET}`]: [`a ${API} b`, 3, null, { deep: TOKEN }], n: 1 }, secrets);
    expect(leaks(out)).toEqual([]);
    expect(out).toEqual({ [`k-${PLACEHOLDER.secretKey}`]: [`a ${PLACEHOLDER.apiKey} b`, 3, null, { deep: PLACEHOLDER.authorizeToken }], n: 1 });
  });

  it('ignores secrets shorter than four characters (they would mangle ordinary text)', () => {
    expect(scrubDeep({ a: 'abc' }, [{ value: 'abc', placeholder: 'X' }])).toEqual({ a: 'abc' });
  });

  it('replaceDeep masks a value wherever it appears', () => {
    expect(replaceDeep({ url: '/x/LOGIN', list: ['LOGIN'] }, 'LOGIN', 'L…')).toEqual({ url: '/x/L…', list: ['L…'] });
  });

  it('credentialSecrets lists the secret key and API key with their placeholders', () => {
    expect(credentialSecrets({ secretKey: SECRET, apiKey: API })).toEqual([
      { value: SECRET, placeholder: PLACEHOLDER.secretKey },
      { value: API, placeholder: PLACEHOLDER.apiKey },
    ]);
  });
});

describe('redactRequest', () => {
  it('redacts stored headers by endpoint and the body by key rules', () => {
    const out = redactRequest({ headers: { 'flinks-auth-key': TOKEN, n: 1 }, body: { Password: 'Everyday', Token: TOKEN } }, 'Authorize');
    expect(leaks(out)).toEqual([]);
    expect(out).toEqual({ headers: { 'flinks-auth-key': PLACEHOLDER.authorizeToken }, body: { Password: PLACEHOLDER.password, Token: PLACEHOLDER.authorizeToken } });
  });

  it('does not trust headers that are not an object', () => {
    expect(leaks(redactRequest({ headers: `x-api-key: ${API}` }, 'GetAccountsSummary', secrets))).toEqual([]);
  });
});

describe('redact on log objects', () => {
  it('scrubs keys that carry a known secret', () => {
    expect(leaks(redact({ [TOKEN]: 1 }, secrets))).toEqual([]);
  });

  it('turns cycles and absurd depth into markers instead of overflowing the stack', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(redact(cyclic)).toEqual({ a: 1, self: '[Circular]' });
    let deep: unknown = 'bottom';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(JSON.stringify(redact(deep))).toContain('[Too deep]');
  });

  it('keeps a value that appears twice side by side (only a cycle is a cycle)', () => {
    const shared = { x: 1 };
    expect(redact({ a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });
});

describe('keys that name Object members', () => {
  it('keeps `constructor` and `__proto__` as ordinary data', () => {
    const input = JSON.parse('{"constructor":"kept","__proto__":"also kept","Password":"hunter22"}') as Record<string, unknown>;
    const out = redact(input) as Record<string, unknown>;
    expect(Object.hasOwn(out, 'constructor') && out.constructor).toBe('kept');
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out.Password).toBe(PLACEHOLDER.password);
  });
});
