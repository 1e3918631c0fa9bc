import type { FlinksLink } from '@/lib/flinks/schemas';

/**
 * Response builders. Every body mirrors its HTTP status in HttpStatusCode and uses PascalCase keys;
 * only Links items are lower-case (§4, blueprint rule 8).
 */

export type Body = Record<string, unknown>;

export function json(status: number, body: Body, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify({ HttpStatusCode: status, ...body }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

export function flinksError(status: number, code: string, message: string, extra: Body = {}, headers?: Record<string, string>) {
  return json(status, { FlinksCode: code, Message: message, ...extra }, headers);
}

export function link(rel: string, href: string, example: string | null = null): FlinksLink {
  return { rel, href, example };
}

export const AUTHORIZED_LINKS: FlinksLink[] = [
  link('AccountsDetail', '/GetAccountsDetail'),
  link('AccountsSummary', '/GetAccountsSummary'),
  link('Statements', '/GetStatements'),
];

export const MFA_LINKS: FlinksLink[] = [link('Authorization', '/Authorize')];

export function asyncLinks(endpoint: string, requestId: string): FlinksLink[] {
  return [link(`${endpoint}Async`, `/${endpoint}Async`, `/${endpoint}Async/${requestId}`)];
}

export const notFound = (what: string) => flinksError(404, 'NOT_FOUND', `No HTTP resource was found that matches ${what}`);

export const methodNotAllowed = (method: string, allow: string) =>
  flinksError(405, 'INVALID_REQUEST', `The requested resource does not support http method '${method}'.`, {}, { allow });

/** D6: malformed requests are 401 INVALID_REQUEST with ValidationDetails (field -> messages). */
export const invalidRequest = (details: Record<string, string[]>, message = 'The request is invalid.') =>
  flinksError(401, 'INVALID_REQUEST', message, { ValidationDetails: details });
