import type { Ctx } from './context';
import { authorize } from './endpoints/authorize';
import { dataEndpoint } from './endpoints/data';
import { generateAuthorizeToken } from './endpoints/token';

/**
 * The BankingServices endpoints the simulator serves, looked up case-insensitively (ASP.NET routing).
 * D9: every …Async endpoint takes GET (documented) and POST (what several clients send).
 */

export interface Route {
  name: string;
  methods: readonly string[];
  /** Whether a /{requestId} segment follows the endpoint name. */
  takesId: boolean;
  run(ctx: Ctx, req: Request, id?: string): Promise<Response> | Response;
}

const ASYNC = ['GET', 'POST'] as const;

export const ROUTES: readonly Route[] = [
  { name: 'GenerateAuthorizeToken', methods: ['POST'], takesId: false, run: (c, r) => generateAuthorizeToken(c, r) },
  { name: 'Authorize', methods: ['POST'], takesId: false, run: authorize },
  { name: 'GetAccountsSummary', methods: ['POST'], takesId: false, run: (c, r) => dataEndpoint(c, r, 'GetAccountsSummary') },
  { name: 'GetAccountsDetail', methods: ['POST'], takesId: false, run: (c, r) => dataEndpoint(c, r, 'GetAccountsDetail') },
  { name: 'GetStatements', methods: ['POST'], takesId: false, run: (c, r) => dataEndpoint(c, r, 'GetStatements') },
  { name: 'GetAccountsSummaryAsync', methods: ASYNC, takesId: true, run: (c, r, id) => dataEndpoint(c, r, 'GetAccountsSummary', id ?? '') },
  { name: 'GetAccountsDetailAsync', methods: ASYNC, takesId: true, run: (c, r, id) => dataEndpoint(c, r, 'GetAccountsDetail', id ?? '') },
  { name: 'GetStatementsAsync', methods: ASYNC, takesId: true, run: (c, r, id) => dataEndpoint(c, r, 'GetStatements', id ?? '') },
];

export function findRoute(name: string): Route | undefined {
  const lower = name.toLowerCase();
  return ROUTES.find((r) => r.name.toLowerCase() === lower);
}
