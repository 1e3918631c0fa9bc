import { createFlinksClient, type FlinksClient } from '@/lib/flinks/client';
import type { Exchange } from '@/lib/flinks/http';
import { compactResponse } from '@/lib/inspector/compact-response';
import { maskPersonalData } from '@/lib/inspector/mask-personal-data';
import { stepOutcomeOf } from '@/lib/inspector/record';
import { buildSupportBundle } from '@/lib/inspector/support-bundle';
import type { Inspection, Step } from '@/lib/store/types';
import { parseSupportBundle, type ReplayBundle } from '../replay/bundle';
import { SAMPLE_LOGIN_ID } from '../state';
import type { SimulatorServer } from './serve';

/**
 * Support bundles for replay tests, recorded the way the dashboard records and exports them: the real
 * Flinks client against a simulator, each exchange masked as the store keeps it, then buildSupportBundle.
 */

export type Recorded = { kind: string; exchange: Exchange; error?: { FlinksCode: string } };

export const inspectionOf = (over: Partial<Inspection>): Inspection => ({
  id: '11111111-2222-4333-8444-555555555555',
  createdAt: new Date('2026-01-21T20:00:00Z'),
  updatedAt: new Date('2026-01-21T20:00:00Z'),
  lastActivityAt: null,
  mode: 'cached',
  environment: 'simulator',
  institution: 'FlinksCapital',
  username: 'Greatday',
  loginId: SAMPLE_LOGIN_ID,
  requestId: null,
  tag: null,
  language: null,
  status: 'authorized',
  flinksCode: null,
  statusReason: null,
  parentId: null,
  openedById: null,
  openedByEmail: null,
  ...over,
});

/** What the store keeps of each exchange (lib/inspector/record.ts), then the downloadable file. */
export function bundleText(inspection: Inspection, results: Recorded[]): string {
  const steps: Step[] = results.map((r, i) => {
    const { outcome, flinksCode } = stepOutcomeOf(r as Parameters<typeof stepOutcomeOf>[0]);
    return {
      id: `s${i}`,
      inspectionId: inspection.id,
      seq: i + 1,
      endpoint: r.exchange.endpoint,
      method: r.exchange.method,
      url: r.exchange.url,
      startedAt: r.exchange.startedAt,
      durationMs: r.exchange.durationMs,
      httpStatus: r.exchange.httpStatus,
      flinksCode,
      outcome,
      request: r.exchange.request,
      response: maskPersonalData(compactResponse(r.exchange.response)),
      sealedResponse: null,
      error: r.exchange.error,
    };
  });
  return JSON.stringify(buildSupportBundle({ inspection, steps, environment: 'simulator', generatedAt: new Date() }), null, 2);
}

export function parsed(text: string): ReplayBundle {
  const result = parseSupportBundle(text);
  if (!result.ok) throw new Error(result.problem);
  return result.bundle;
}

export const clientOf = (srv: SimulatorServer) => createFlinksClient({ baseUrl: srv.baseUrl, ...srv.credentials, timeoutMs: 5000 });

/** A cached session on the sample login: Authorize, the summary, the detail (202, 202, 200), statements. */
export async function recordCachedSession(c: FlinksClient) {
  const results: Recorded[] = [];
  const token = await c.generateAuthorizeToken();
  if (token.kind !== 'ok') throw new Error('no token');
  results.push(token as Recorded);
  const auth = await c.authorize(token.token, { LoginId: SAMPLE_LOGIN_ID, MostRecentCached: true });
  if (auth.kind !== 'authorized') throw new Error(auth.kind);
  results.push(auth);
  const requestId = auth.data.RequestId;
  const summary = await c.getAccountsSummary(requestId);
  results.push(summary);
  const detail = [await c.getAccountsDetail({ RequestId: requestId, WithTransactions: true, DaysOfTransactions: 'Days90' })];
  while (detail.at(-1)!.kind === 'pending') detail.push(await c.getAccountsDetailAsync(requestId));
  results.push(...detail);
  const statements = await c.getStatements({ RequestId: requestId, NumberOfStatements: 'MostRecent' });
  results.push(statements);
  return { requestId, auth, summary, detail, statements, text: bundleText(inspectionOf({ requestId }), results) };
}

