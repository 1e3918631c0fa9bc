import { z } from 'zod';
import { json, methodNotAllowed, notFound, invalidRequest } from './responses';
import { canonicalKeys, readJsonObject, validationDetails } from './request-body';
import type { State } from './state';

/**
 * Test controls under /_control (not part of Flinks): reset to the initial state, move the clock
 * (so D1's 30-minute tokens and D3's 8-minute sessions can expire in a test), and a state summary.
 */

export interface ControlTarget {
  reset(): void;
  advanceClock(ms: number): void;
  now(): number;
  state(): State;
  maxBodyBytes: number;
}

const clockBody = z.object({ AdvanceMs: z.number().int().min(0).max(366 * 86_400_000) });

export function summarize(state: State, now: number) {
  return {
    Now: new Date(now).toISOString(),
    Tokens: state.tokens.size,
    Sessions: [...state.sessions.values()].map((s) => ({
      RequestId: s.requestId,
      Username: s.persona.username,
      Stage: s.stage,
      IdleMs: now - s.lastActivity,
    })),
    Logins: [...state.logins.values()].map((l) => ({ LoginId: l.id, Username: l.persona.username, Language: l.language })),
  };
}

export async function control(target: ControlTarget, req: Request, action: string): Promise<Response> {
  if (action === 'state') {
    if (req.method !== 'GET') return methodNotAllowed(req.method, 'GET');
    return json(200, summarize(target.state(), target.now()));
  }
  if (action !== 'reset' && action !== 'clock') return notFound(`/_control/${action}`);
  if (req.method !== 'POST') return methodNotAllowed(req.method, 'POST');
  if (action === 'reset') {
    target.reset();
    return json(200, { Message: 'Simulator reset', Now: new Date(target.now()).toISOString() });
  }
  const read = await readJsonObject(req, target.maxBodyBytes);
  if (!read.ok) return invalidRequest({ Body: [read.problem] }, read.problem);
  const parsed = clockBody.safeParse(canonicalKeys(read.value, ['AdvanceMs']));
  if (!parsed.success) return invalidRequest(validationDetails(parsed.error));
  target.advanceClock(parsed.data.AdvanceMs);
  return json(200, { Now: new Date(target.now()).toISOString() });
}
