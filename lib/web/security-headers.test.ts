import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, hostAllowed, hostNameOf, requestIdFrom, STATIC_SECURITY_HEADERS } from './security-headers';

const ALLOWED = ['localhost', '127.0.0.1', '[::1]', 'inspector.example.com'];

describe('hostAllowed', () => {
  it.each(['localhost', 'localhost:3000', 'LOCALHOST:3000', '127.0.0.1', '127.0.0.1:8080', '[::1]', '[::1]:3000', 'inspector.example.com', 'Inspector.Example.com:443'])(
    'answers %s',
    (host) => expect(hostAllowed(host, ALLOWED)).toBe(true),
  );

  it.each([
    ['a rebinding name', 'attacker.example'],
    ['a rebinding name with our port', 'attacker.example:3000'],
    ['our name as a subdomain of theirs', 'localhost.attacker.example'],
    ['a wildcard-DNS name for loopback', '127.0.0.1.nip.io'],
    ['their name under ours', 'evil.inspector.example.com'],
    ['userinfo trick', 'localhost@attacker.example'],
    ['IPv6 without brackets', '::1'],
    ['another loopback address', '127.0.0.2'],
    ['a bad port', 'localhost:abc'],
    ['a space', 'local host'],
    ['a path', 'localhost/evil'],
    ['userinfo before our name', 'attacker@localhost'],
    ['a query', 'localhost?x=1'],
    ['a fragment', 'localhost#x'],
    ['empty', ''],
    ['missing', null],
  ])('refuses %s', (_name, host) => expect(hostAllowed(host, ALLOWED)).toBe(false));

  it('reads the host name the way the allowlist is written', () => {
    expect(hostNameOf('[::1]:3000')).toBe('[::1]');
    expect(hostNameOf('LocalHost:80')).toBe('localhost');
    expect(hostNameOf('%%%')).toBeNull();
  });
});

describe('contentSecurityPolicy', () => {
  const csp = contentSecurityPolicy('bm9uY2U=', { dev: false, upgradeInsecure: false });
  const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d]));

  it('allows images only from us and inline data, and no framing', () => {
    expect(directives.get('img-src')).toBe("img-src 'self' data:");
    expect(directives.get('frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directives.get('object-src')).toBe("object-src 'none'");
  });

  it("runs scripts only with this request's nonce, and eval only in development", () => {
    expect(directives.get('script-src')).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(csp).not.toContain('unsafe-eval');
    expect(contentSecurityPolicy('x', { dev: true, upgradeInsecure: false })).toContain("'unsafe-eval'");
  });

  it('upgrades insecure requests only when asked (HTTPS deployments)', () => {
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy('x', { dev: false, upgradeInsecure: true })).toMatch(/; upgrade-insecure-requests$/);
  });

  it('comes with the static headers that back it up', () => {
    expect(STATIC_SECURITY_HEADERS).toMatchObject({ 'X-Frame-Options': 'DENY', 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'same-origin' });
  });
});

describe('requestIdFrom', () => {
  it('keeps an id-shaped incoming id and replaces anything else', () => {
    expect(requestIdFrom('req-12345678')).toBe('req-12345678');
    for (const bad of [null, '', 'short', 'has space in it', 'x'.repeat(129), 'id\r\nSet-Cookie: a=b']) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
