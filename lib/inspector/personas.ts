import type { Environment } from '@/lib/env';
import { PERSONAS, type Persona } from '@/lib/flinks/personas';

/**
 * Which test personas QA may pick (docs/flinks-api.md §7 and "Simulator personas"). The list lives
 * in lib/flinks/personas.ts, shared with the simulator. Toolbox personas work on the real toolbox and
 * the simulator; sim_ personas only on the simulator; none on production.
 */
export type { Persona };

export function personasFor(environment: Environment): Persona[] {
  if (environment === 'production') return [];
  return PERSONAS.filter((p) => environment === 'simulator' || !p.simulatorOnly);
}
