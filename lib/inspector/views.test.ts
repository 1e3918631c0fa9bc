import { describe, expect, it } from 'vitest';
import { toFlinksErrorView, toTransportErrorView } from './views';

const transport = (reason: string) => toTransportErrorView({ reason, message: 'it failed', status: null, bodySnippet: null });

describe('toTransportErrorView', () => {
  it('titles a known reason and leads its message', () => {
    expect(transport('timeout')).toMatchObject({ title: 'Timed out waiting for Flinks', message: 'The dashboard stopped waiting: it failed' });
  });

  it.each(['constructor', '__proto__', 'toString'])('treats the reason %s as unknown', (reason) => {
    expect(transport(reason)).toMatchObject({ title: 'The call to Flinks failed', message: 'it failed' });
  });
});

describe('advice on every failure', () => {
  it('gives a timeout who acts and a next step, like a Flinks error', () => {
    expect(transport('timeout')).toMatchObject({ whoActs: 'flinks', whoActsLabel: 'Flinks', retryLabel: 'Retry later', action: expect.stringContaining('support bundle') });
  });

  it('gives an unknown reason the generic advice', () => {
    expect(transport('constructor')).toMatchObject({ whoActs: 'flinks', action: expect.stringContaining('Retry later') });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const body = { HttpStatusCode: 401, FlinksCode: 'TOO_MANY_REQUESTS' };
    expect(toFlinksErrorView(401, body, { 'retry-after': '30' }, now).retryAfterSeconds).toBe(30);
    expect(toFlinksErrorView(401, body, { 'retry-after': 'Thu, 01 Jan 2026 00:01:00 GMT' }, now).retryAfterSeconds).toBe(60);
    expect(toFlinksErrorView(401, body, { 'retry-after': 'soon' }, now).retryAfterSeconds).toBeNull();
    expect(toFlinksErrorView(401, body, null, now).retryAfterSeconds).toBeNull();
  });

  it('offers a reply for the customer only where the customer must act', () => {
    expect(toFlinksErrorView(401, { HttpStatusCode: 401, FlinksCode: 'INVALID_PASSWORD' }).customerReply).toMatch(/password/);
    expect(toFlinksErrorView(401, { HttpStatusCode: 401, FlinksCode: 'DISABLED_LOGIN' }).customerReply).toMatch(/contact your bank/);
    expect(toFlinksErrorView(401, { HttpStatusCode: 401, FlinksCode: 'TOO_MANY_REQUESTS' }).customerReply).toBeNull();
    expect(toFlinksErrorView(401, { HttpStatusCode: 401, FlinksCode: 'SESSION_NONEXISTENT' }).customerReply).toBeNull();
  });
});
