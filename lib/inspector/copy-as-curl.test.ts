import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildCurl, shellQuote } from './copy-as-curl';

const SENTINEL_SECRET = 'sentinel-secret-1111-2222';
const SENTINEL_API = 'sentinel-apikey-3333-4444';
const SENTINEL_TOKEN = 'sentinel-token-5555-6666';

/** What a POSIX shell makes of a quoted word, with the placeholders set in the environment. */
function shellEcho(word: string, env: Record<string, string> = {}): string {
  return execFileSync('sh', ['-c', `printf '%s' ${word}`], { env: { PATH: process.env.PATH ?? '', ...env } as unknown as NodeJS.ProcessEnv }).toString();
}

const authorizeStep = {
  endpoint: 'Authorize',
  method: 'POST',
  url: 'http://127.0.0.1:3000/simulator/v3/43387ca6/BankingServices/Authorize',
  request: {
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'flinks-auth-key': '$FLINKS_AUTHORIZE_TOKEN' },
    body: { Institution: 'FlinksCapital', Username: 'Greatday', Password: '$PASSWORD', MostRecentCached: false, Save: true, Tag: "O'Brien's" },
  },
};

describe('shellQuote', () => {
  it('single-quotes literal text and survives embedded single quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellEcho(shellQuote(`a "b" $HOME 'c' \\ \``))).toBe(`a "b" $HOME 'c' \\ \``);
  });

  it('leaves placeholders outside single quotes so the shell expands them', () => {
    const q = shellQuote('x-api-key: $FLINKS_API_KEY');
    expect(q).toBe(`'x-api-key: '"$FLINKS_API_KEY"`);
    expect(shellEcho(q, { FLINKS_API_KEY: 'k-123' })).toBe('x-api-key: k-123');
  });

  it('does not expand look-alike variables that are not placeholders', () => {
    expect(shellEcho(shellQuote('$FLINKS_API_KEYS and $HOME'), { FLINKS_API_KEY: 'x', HOME: '/root' })).toBe('$FLINKS_API_KEYS and $HOME');
  });
});

describe('buildCurl', () => {
  it('builds a replayable POST with placeholders that expand', () => {
    const curl = buildCurl(authorizeStep);
    expect(curl.startsWith(`curl -X POST 'http://127.0.0.1:3000/simulator/v3/43387ca6/BankingServices/Authorize'`)).toBe(true);
    expect(curl).toContain(`-H 'flinks-auth-key: '"$FLINKS_AUTHORIZE_TOKEN"`);
    expect(curl).toContain(`"$PASSWORD"`);
    const dataWord = curl.split('--data-raw ')[1]!;
    const body = JSON.parse(shellEcho(dataWord, { PASSWORD: 'Everyday' }));
    expect(body).toMatchObject({ Username: 'Greatday', Password: 'Everyday', Tag: "O'Brien's" });
  });

  it('names the secret key on GenerateAuthorizeToken and the API key on data calls', () => {
    expect(buildCurl({ ...authorizeStep, endpoint: 'GenerateAuthorizeToken', request: { headers: { 'flinks-auth-key': '$FLINKS_SECRET_KEY' }, body: null } }))
      .toContain(`'flinks-auth-key: '"$FLINKS_SECRET_KEY"`);
    const get = buildCurl({ endpoint: 'GetAccountsDetailAsync', method: 'GET', url: 'http://x/GetAccountsDetailAsync/r1', request: { headers: { 'x-api-key': '$FLINKS_API_KEY' }, body: null } });
    expect(get).toContain(`'x-api-key: '"$FLINKS_API_KEY"`);
    expect(get).not.toContain('--data-raw');
  });

  it('never prints raw credential header values, even if a step carried them', () => {
    const leaky = {
      endpoint: 'GenerateAuthorizeToken',
      method: 'POST',
      url: 'http://x/GenerateAuthorizeToken',
      request: {
        headers: { 'flinks-auth-key': SENTINEL_SECRET, 'x-api-key': SENTINEL_API, Authorization: `Bearer ${SENTINEL_TOKEN}` },
        body: { Password: 'Everyday', Token: SENTINEL_TOKEN, SecurityResponses: { 'What city were you born in?': ['Montreal'] } },
      },
    };
    const curl = buildCurl(leaky);
    for (const s of [SENTINEL_SECRET, SENTINEL_API, SENTINEL_TOKEN, 'Everyday', 'Montreal']) expect(curl).not.toContain(s);
    expect(curl).toContain('$FLINKS_SECRET_KEY');
    expect(curl).toContain('$FLINKS_API_KEY');
    expect(curl).toContain('What city were you born in?');
  });

  it('scrubs known secret values wherever they appear', () => {
    const curl = buildCurl(
      { endpoint: 'Authorize', method: 'POST', url: `http://x/${SENTINEL_API}`, request: { headers: { 'X-Other': SENTINEL_SECRET }, body: { Note: SENTINEL_SECRET } } },
      [{ value: SENTINEL_SECRET, placeholder: '$FLINKS_SECRET_KEY' }, { value: SENTINEL_API, placeholder: '$FLINKS_API_KEY' }],
    );
    expect(curl).not.toContain(SENTINEL_SECRET);
    expect(curl).not.toContain(SENTINEL_API);
  });
});
