import { describe, expect, it } from 'vitest';
import { personaHint } from './persona-hint';

describe('persona hint', () => {
  it('is the picker\'s words for a persona username, in any case, and nothing otherwise', () => {
    expect(personaHint('simulator', 'greatday')).toBe('Greatday: MFA: one security question (Montreal / Canada / Triangle).');
    expect(personaHint('simulator', 'sim_image')).toContain('the second image');
    expect(personaHint('toolbox', 'sim_image')).toBeNull();
    expect(personaHint('production', 'Greatday')).toBeNull();
    expect(personaHint('simulator', 'someone.else')).toBeNull();
    expect(personaHint('simulator', null)).toBeNull();
  });
});
