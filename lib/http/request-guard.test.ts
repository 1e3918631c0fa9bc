import { describe, expect, it } from 'vitest';
import { guardRequest } from './request-guard';

const req = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(`http://127.0.0.1:3000${path}`, { ...init, headers: { host: '127.0.0.1:3000', ...init.headers } });
const action = (headers: Record<string, string>, body: BodyInit = '[]') =>
  req('/', { method: 'POST', headers: { 'next-action': '7f'.padEnd(42, '0'), 'content-type': 'text/plain;charset=UTF-8', ...headers }, body });

describe('guardRequest', () => {
  it('lets ordinary requests and same-origin actions through', async () => {
    expect(await guardRequest(req('/sessions?loginId=x'))).toBeNull();
    expect(await guardRequest(req('/api/health'))).toBeNull();
    expect(await guardRequest(action({ origin: 'http://127.0.0.1:3000' }))).toBeNull();
    // No Origin: Next lets it through (handcrafted requests carry no browser credentials), so do we.
    expect(await guardRequest(action({}))).toBeNull();
    expect(await guardRequest(req('/simulator/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }))).toBeNull();
  });

  it('refuses cross-origin, null and unparsable origins on anything Next treats as an action (403, not 500)', async () => {
    for (const origin of ['http://evil.example', 'null', '^^', 'http://127.0.0.1:3001']) {
      expect(await guardRequest(action({ origin }))).toMatchObject({ status: 403 });
    }
    const form = req('/', { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=b' });
    expect(await guardRequest(form)).toMatchObject({ status: 403 });
  });

  it('compares with x-forwarded-host first, as Next does', async () => {
    expect(await guardRequest(action({ origin: 'https://inspector.example', 'x-forwarded-host': 'inspector.example' }))).toBeNull();
    expect(await guardRequest(action({ origin: 'http://127.0.0.1:3000', 'x-forwarded-host': 'other.example' }))).toMatchObject({ status: 403 });
  });

  it('refuses a multipart form post whose body is not multipart (400)', async () => {
    const bad = req('/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'junk' });
    expect(await guardRequest(bad)).toMatchObject({ status: 400 });
    const good = new FormData();
    good.set('a', 'b');
    expect(await guardRequest(req('/', { method: 'POST', body: good }))).toBeNull();
  });

  it('refuses a path with a broken %-escape (400)', async () => {
    expect(await guardRequest(req('/sessions/%E0%A4%A'))).toMatchObject({ status: 400 });
    expect(await guardRequest(req('/sessions/%zz'))).toMatchObject({ status: 400 });
    expect(await guardRequest(req('/sessions/%C3%A9'))).toBeNull();
  });
});
