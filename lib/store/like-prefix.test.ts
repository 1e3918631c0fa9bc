import { describe, expect, it } from 'vitest';
import { likePrefixPattern, startsWithLiteral } from './like-prefix';

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
