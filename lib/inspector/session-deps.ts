import 'server-only';
import { flinksClient, type FlinksClient } from '@/lib/flinks/client';
import { getEnv } from '@/lib/env';
import { getStore } from '@/lib/store';
import type { InspectionStore } from '@/lib/store/types';

/** What the session page's use cases need (the data verbs); injectable for tests. */
export type SessionDeps = {
  client: Pick<FlinksClient, 'getAccountsSummary' | 'getAccountsDetail' | 'getAccountsDetailAsync' | 'getStatements'>;
  store: InspectionStore;
  now: () => Date;
};

export async function defaultSessionDeps(): Promise<SessionDeps> {
  getEnv();
  return { client: flinksClient(), store: await getStore(), now: () => new Date() };
}
