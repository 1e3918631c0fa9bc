import { randomUUID } from 'node:crypto';
import type { Ctx } from '../context';
import { flinksError, json } from '../responses';
import { prune } from '../state';

/** §2.2 / blueprint 1: the secret key in flinks-auth-key buys a single-session authorize token. */
export function generateAuthorizeToken(ctx: Ctx, req: Request): Response {
  const key = req.headers.get('flinks-auth-key')?.trim();
  if (key !== ctx.opts.secretKey) {
    return flinksError(401, 'UNAUTHORIZED', 'You must provide a valid auth key');
  }
  const now = ctx.now();
  prune(ctx.state, now);
  const token = randomUUID();
  ctx.state.tokens.set(token, { createdAt: now, boundRequestId: null });
  return json(200, { Token: token });
}
