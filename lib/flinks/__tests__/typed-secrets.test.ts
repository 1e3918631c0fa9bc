import { describe, expect, it } from 'vitest';
import { createFlinksClient, typedSecretsOf } from '../client';
import { PLACEHOLDER, redact } from '../redact';

const answer = (value: string) => ({ value, placeholder: PLACEHOLDER.mfaAnswer });

describe('scrubbing by value', () => {
  it('replaces values of 3+ characters inside any string, shorter ones only as whole values, never keys', () => {
    const out = redact(
      { Message: 'Answer Blue for Blue? a', Echo: 'a', Nested: [{ Code: 'ab' }, 'xaby'], 'Blue?': 'key stays', Number: 42 },
      [answer('Blue'), answer('a'), answer('ab')],
    );
    expect(out).toEqual({
      Message: `Answer ${PLACEHOLDER.mfaAnswer} for ${PLACEHOLDER.mfaAnswer}? a`,
      Echo: PLACEHOLDER.mfaAnswer,
      Nested: [{ Code: PLACEHOLDER.mfaAnswer }, 'xaby'],
      'Blue?': 'key stays',
      Number: 42,
    });
  });

  it('collects the password and every answer of an Authorize body, longest first', () => {
    expect(typedSecretsOf({ Institution: 'X', Username: 'u', Password: 'Everyday', MostRecentCached: false, Save: true })).toEqual([
      { value: 'Everyday', placeholder: PLACEHOLDER.password },
    ]);
    expect(typedSecretsOf({ RequestId: 'r', SecurityResponses: { q1: ['Red', 'Green'], q2: ['Montreal'], q3: [''] } }).map((s) => s.value)).toEqual(['Montreal', 'Green', 'Red']);
    expect(typedSecretsOf({ LoginId: 'l', MostRecentCached: true })).toEqual([]);
  });
});

describe('an upstream that echoes what the user typed', () => {
  // Answers whatever it is sent with a 401 quoting the password and the answers in free text.
  const echo: typeof fetch = async (_url, init) => {
    const body = JSON.parse(String(init?.body)) as { Password?: string; SecurityResponses?: Record<string, string[]> };
    const typed = [body.Password, ...Object.values(body.SecurityResponses ?? {}).flat()].filter(Boolean);
    return new Response(
      JSON.stringify({
        HttpStatusCode: 401,
        FlinksCode: 'INVALID_SECURITY_RESPONSE',
        Message: `Wrong: ${typed.join(' / ')}`,
        Details: { typed, first: typed[0] },
        RequestId: 'req-echo',
      }),
      { status: 401, headers: { 'content-type': 'application/json' } },
    );
  };
  const client = createFlinksClient({ baseUrl: 'http://upstream.test', customerId: 'c', secretKey: 'secret-key-x', apiKey: 'api-key-y', timeoutMs: 1000, fetch: echo });

  it('records $PASSWORD in place of the password anywhere in the response', async () => {
    const r = await client.authorize('tok-123456', { Institution: 'FlinksCapital', Username: 'Greatday', Password: 'Everyday', MostRecentCached: false, Save: true });
    const recorded = JSON.stringify(r.exchange);
    expect(recorded).not.toContain('Everyday');
    expect(r.exchange.response).toMatchObject({ Message: `Wrong: ${PLACEHOLDER.password}`, Details: { first: PLACEHOLDER.password } });
    expect(JSON.stringify(r.exchange.unmasked)).not.toContain('Everyday');
  });

  it('records $MFA_ANSWER in place of each answer, short ones included, without touching other text', async () => {
    const r = await client.authorize('tok-123456', { RequestId: 'req-echo', SecurityResponses: { 'What city were you born in?': ['Montreal'], 'Pick one': ['B'] } });
    expect(JSON.stringify(r.exchange)).not.toContain('Montreal');
    expect(r.exchange.response).toMatchObject({
      Message: `Wrong: ${PLACEHOLDER.mfaAnswer} / B`,
      Details: { typed: [PLACEHOLDER.mfaAnswer, PLACEHOLDER.mfaAnswer], first: PLACEHOLDER.mfaAnswer },
      FlinksCode: 'INVALID_SECURITY_RESPONSE',
      RequestId: 'req-echo',
    });
  });
});
