import { describe, expect, it } from 'vitest';
import { PLACEHOLDER, lastFour, redact, redactHeaders } from '../redact';

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
