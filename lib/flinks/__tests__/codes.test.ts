import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KNOWN_FLINKS_CODES, describeFlinksCode } from '../codes';

describe('FlinksCode catalogue', () => {
  // The project's own notes: always there, so this never skips.
  const notes = new URL('../../../docs/flinks-api.md', import.meta.url);

  it('covers every code of the docs/flinks-api.md §6 table', () => {
    const text = readFileSync(notes, 'utf8');
    const start = text.indexOf('## 6. FlinksCode catalogue');
    expect(start).toBeGreaterThanOrEqual(0);
    const section = text.slice(start, text.indexOf('\n## ', start + 1));
    const codes = [...section.matchAll(/^\| `([A-Z_]+)`/gm)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(20);
    expect(codes.filter((c) => c && !KNOWN_FLINKS_CODES.includes(c))).toEqual([]);
  });

  it('says who acts and whether a retry helps', () => {
    expect(describeFlinksCode('DISABLED_LOGIN')).toMatchObject({ whoActs: 'customer', retry: 'no' });
    expect(describeFlinksCode('RETRY_LATER')).toMatchObject({ whoActs: 'flinks', retry: 'later' });
    expect(describeFlinksCode('UNKNOWN_CHALLENGE_KEY')).toMatchObject({ whoActs: 'our_team' });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('treats %s as an unknown code', (code) => {
    expect(KNOWN_FLINKS_CODES).not.toContain(code);
    expect(describeFlinksCode(code)).toMatchObject({ code, explanation: expect.stringMatching(/does not know/) });
  });

  it('answers honestly for a code it does not know', () => {
    const info = describeFlinksCode('BRAND_NEW_CODE');
    expect(info.code).toBe('BRAND_NEW_CODE');
    expect(info.explanation).toMatch(/does not know/);
  });
});
