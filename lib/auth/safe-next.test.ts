import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

describe('safeNextPath', () => {
  it('keeps paths on this site, query and fragment included', () => {
    expect(safeNextPath('/sessions')).toBe('/sessions');
    expect(safeNextPath('/sessions?loginId=abc&tag=t-1#top')).toBe('/sessions?loginId=abc&tag=t-1#top');
    expect(safeNextPath('/audit?actor=alice%40')).toBe('/audit?actor=alice%40');
    expect(safeNextPath('/')).toBe('/');
  });

  it.each([
    ['protocol-relative', '//evil.example'],
    ['protocol-relative with path', '//evil.example/sessions'],
    ['backslash', '/\\evil.example'],
    ['backslash twice', '/\\\\evil.example'],
    ['absolute https', 'https://evil.example'],
    ['absolute http', 'http://evil.example/sessions'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['relative name', 'evil.example'],
    ['tab the browser drops', '/\t/evil.example'],
    ['newline the browser drops', '/\n/evil.example'],
    ['CRLF the browser drops', '/\r\n/evil.example'],
    ['dot segment collapsing to //', '/.//evil.example'],
    ['dot-dot collapsing to //', '/a/..//evil.example'],
    ['dot segment then backslash', '/./\\evil.example'],
    ['empty', ''],
  ])('falls back to / for %s', (_name, next) => {
    expect(safeNextPath(next)).toBe('/');
  });

  it('falls back to / for what is not a string, and for the sign-in page and the auth API', () => {
    for (const next of [undefined, null, 42, ['/sessions'], { href: '/sessions' }]) expect(safeNextPath(next)).toBe('/');
    expect(safeNextPath('/sign-in')).toBe('/');
    expect(safeNextPath('/sign-in?next=/sessions')).toBe('/');
    expect(safeNextPath('/api/auth/sign-out')).toBe('/');
    expect(safeNextPath('/x/../api/auth/sign-out')).toBe('/');
  });

  it('gives back a path the browser reads the same way', () => {
    expect(safeNextPath('/sessions?tag=a b')).toBe('/sessions?tag=a%20b');
    expect(safeNextPath('/a/../sessions')).toBe('/sessions');
  });
});
