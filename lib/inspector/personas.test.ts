import { describe, expect, it } from 'vitest';
import { personasFor } from './personas';

describe('personasFor', () => {
  it('offers sim_ personas only against the simulator, and nothing against production', () => {
    const names = (env: Parameters<typeof personasFor>[0]) => personasFor(env).map((p) => p.username);
    expect(names('simulator')).toContain('sim_choice');
    expect(names('toolbox')).toContain('Greatday');
    expect(names('toolbox').some((n) => n.startsWith('sim_'))).toBe(false);
    expect(names('production')).toEqual([]);
  });
});
