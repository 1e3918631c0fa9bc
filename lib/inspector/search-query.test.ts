import { describe, expect, it } from 'vitest';
import { parseSearch } from './search-query';

describe('parseSearch', () => {
  it('trims, takes the first of repeats, and treats blank or unusable values as no search', () => {
    expect(parseSearch('  5e115eac  ')).toBe('5e115eac');
    expect(parseSearch(['a', 'b'])).toBe('a');
    expect(parseSearch('   ')).toBeNull();
    expect(parseSearch(undefined)).toBeNull();
    expect(parseSearch('x\u0000')).toBeNull();
    expect(parseSearch('x'.repeat(201))).toBeNull();
  });
});
