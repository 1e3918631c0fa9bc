import 'server-only';
import { loadKeyring } from '@/lib/crypto/data-key';
import type { Keyring } from '@/lib/crypto/seal';
import { flinksClient, type FlinksClient } from '@/lib/flinks/client';
import { getEnv, type Environment } from '@/lib/env';
import { REQUEST_ID_IDLE_MS } from '@/lib/flinks/lifetimes';
import { getStore } from '@/lib/store';
import type { InspectionStore } from '@/lib/store/types';

/** What the use cases need; injectable so tests run them against a simulator and a memory store. */
export type InspectorDeps = {
  client: FlinksClient;
  store: InspectionStore;
  environment: Environment;
  now: () => Date;
  /** The staff member acting (recorded as who opened an inspection); null in scripts and tests. */
  viewer?: { id: string; email: string } | null;
  /** Seals the original responses and the MFA authorize token before they are stored. */
  keyring: Keyring;
  /** How long one MFA answer may hold its round (the Flinks timeout and a margin); see answer-mfa.ts. */
  answerLeaseMs?: number;
};

let keyring: Keyring | undefined;

/** The data key(s), read or generated once per process (at server start by instrumentation-node.ts). */
export function getDataKeyring(): Keyring {
  keyring ??= loadKeyring(getEnv().dataKey).keyring;
  return keyring;
}

export async function defaultDeps(viewer: { id: string; email: string } | null): Promise<InspectorDeps> {
  return {
    viewer: viewer ? { id: viewer.id, email: viewer.email } : null,
    client: flinksClient(),
    store: await getStore(),
    environment: getEnv().flinks.environment,
    now: () => new Date(),
    keyring: getDataKeyring(),
    answerLeaseMs: answerLeaseMs(),
  };
}

/** An answer's lease outlives its Flinks call (the timeout) by a margin for recording it. */
export const answerLeaseMs = () => getEnv().flinks.timeoutMs + 15_000;

/** D3: a RequestId dies after 8 minutes without activity; the continuation lives as long. */
export const MFA_CONTINUATION_TTL_MS = REQUEST_ID_IDLE_MS;
