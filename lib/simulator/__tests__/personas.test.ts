import { describe, expect, it } from 'vitest';
import { PERSONAS as SHARED } from '@/lib/flinks/personas';
import { findPersona, PERSONAS } from '../personas';

describe('simulator personas', () => {
  it('gives behaviour to exactly the shared persona list, same order', () => {
    expect(PERSONAS.map((p) => [p.username, p.simOnly])).toEqual(SHARED.map((p) => [p.username, p.simulatorOnly]));
  });

  it('finds a username ignoring case and surrounding spaces (D7), only at FlinksCapital', () => {
    expect(findPersona('flinkscapital', '  GREATDAY ')?.username).toBe('Greatday');
    expect(findPersona('OtherBank', 'Greatday')).toBeUndefined();
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('treats %s as an unknown username', (name) => {
    expect(findPersona('FlinksCapital', name)).toBeUndefined();
  });
});
