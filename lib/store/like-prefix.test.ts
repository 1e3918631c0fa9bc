import { describe, expect, it } from 'vitest';
import { likePrefixPattern, startsWithLiteral, uuidPrefixRange } from './like-prefix';

describe('likePrefixPattern', () => {
  it('escapes LIKE metacharacters and the escape character, then anchors the prefix', () => {
    expect(likePrefixPattern('ticket-42')).toBe('ticket-42%');
    expect(likePrefixPattern('50%_off')).toBe('50\\%\\_off%');
    expect(likePrefixPattern('a\\b')).toBe('a\\\\b%');
    expect(likePrefixPattern('')).toBe('%');
  });
});

describe('startsWithLiteral', () => {
  it('is a case-sensitive literal prefix test, false for null', () => {
    expect(startsWithLiteral('50%_off', '50%_')).toBe(true);
    expect(startsWithLiteral('50ab', '50%')).toBe(false);
    expect(startsWithLiteral('Tag', 'tag')).toBe(false);
    expect(startsWithLiteral(null, '')).toBe(false);
  });
});

describe('uuidPrefixRange', () => {
  it('turns the start of a uuid into the uuid range it covers', () => {
    expect(uuidPrefixRange('9721F1A6')).toEqual({ low: '9721f1a6-0000-0000-0000-000000000000', high: '9721f1a6-ffff-ffff-ffff-ffffffffffff' });
    expect(uuidPrefixRange('9721f1a6-12')).toEqual({ low: '9721f1a6-1200-0000-0000-000000000000', high: '9721f1a6-12ff-ffff-ffff-ffffffffffff' });
    const full = '9721f1a6-1234-4abc-8def-0123456789ab';
    expect(uuidPrefixRange(full)).toEqual({ low: full, high: full });
  });
  it('refuses what cannot start a uuid', () => {
    expect(uuidPrefixRange('')).toBeNull();
    expect(uuidPrefixRange('ticket-1')).toBeNull();
    expect(uuidPrefixRange('9721f1a61')).toBeNull();
    expect(uuidPrefixRange(`${'a'.repeat(8)}-aaaa-aaaa-aaaa-${'a'.repeat(13)}`)).toBeNull();
  });
});
