import { describe, expect, it } from 'vitest';
import { compactResponse } from './compact-response';

describe('compactResponse', () => {
  it('replaces statement PDFs by their size and keeps everything else', () => {
    expect(compactResponse({ Statements: [{ UniqueId: 'u', Base64Bytes: 'JVBERi0xLjQK' }] })).toEqual({
      Statements: [{ UniqueId: 'u', Base64Bytes: '[9 bytes of PDF not stored]' }],
    });
  });

  it('keeps keys named __proto__ and constructor as data', () => {
    const out = compactResponse(JSON.parse('{"__proto__":{"polluted":true},"constructor":1}')) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'constructor']);
    expect('polluted' in out).toBe(false);
  });
});
