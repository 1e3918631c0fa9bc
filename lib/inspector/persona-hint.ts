import type { Environment } from '@/lib/env';
import type { Persona } from '@/lib/flinks/personas';
import { personasFor } from './personas';

/**
 * The answer hint of a test persona ("Greatday: MFA: one security question (Montreal / Canada /
 * Triangle)."), the same words as the persona picker, kept on screen while QA answers its MFA. Only
 * where personas are offered (never against production); usernames match ignoring case (D7).
 */
export function personaHintFrom(personas: readonly Persona[], username: string | null | undefined): string | null {
  const u = username?.trim().toLowerCase();
  if (!u) return null;
  const p = personas.find((x) => x.username.toLowerCase() === u);
  return p ? `${p.username}: ${p.description}` : null;
}

export function personaHint(environment: Environment, username: string | null | undefined): string | null {
  return personaHintFrom(personasFor(environment), username);
}
