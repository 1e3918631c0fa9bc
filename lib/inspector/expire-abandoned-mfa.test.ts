import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testKeyring } from '@/lib/crypto/testing';
import { createFlinksClient } from '@/lib/flinks/client';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { MemoryStore } from '@/lib/store/memory-store';
import { answerMfa } from './answer-mfa';
import type { InspectorDeps } from './deps';
import { expireAbandonedMfa, MFA_EXPIRED_MESSAGE, sweepAbandonedMfa } from './expire-abandoned-mfa';
import { parseAuthorizeForm } from './form-schema';
import { startInspection } from './start-inspection';

let srv: SimulatorServer;
beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'abandoned-mfa' });
});
afterAll(() => srv.close());

function setup() {
  let clock = new Date('2026-01-01T12:00:00Z');
  const store = new MemoryStore({ now: () => clock });
  const deps: InspectorDeps = {
    client: createFlinksClient({ baseUrl: srv.baseUrl, ...srv.credentials, timeoutMs: 5000 }),
    store,
    environment: 'simulator',
    now: () => clock,
    keyring: testKeyring(),
  };
  return { store, deps, advance: (ms: number) => (clock = new Date(clock.getTime() + ms)) };
}

const form = (payload: Record<string, unknown>) => {
  const parsed = parseAuthorizeForm(payload);
  if (!parsed.ok) throw new Error('form');
  return parsed.input;
};

describe('expireAbandonedMfa', () => {
  it('drops the token of an MFA round left unanswered for 8 minutes and closes its inspection', async () => {
    const { store, deps, advance } = setup();
    const abandoned = await startInspection(form({ mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday', language: 'en', save: true }), deps);
    const opened = await startInspection(form({ mode: 'cached', loginId: '5e115eac-1209-4f19-641c-08d6d484e2fe' }), deps);
    if (abandoned.kind !== 'mfa' || opened.kind !== 'authorized') throw new Error('setup');

    advance(7 * 60_000);
    expect(await expireAbandonedMfa(deps)).toEqual({ abandoned: [], idle: [], stuck: [] });
    expect(await store.getContinuation(abandoned.inspectionId)).not.toBeNull();

    advance(60_000);
    // The same 8 idle minutes close the authorized session too: Flinks has forgotten its RequestId.
    expect(await expireAbandonedMfa(deps)).toEqual({ abandoned: [abandoned.inspectionId], idle: [opened.inspectionId], stuck: [] });
    expect(await store.getContinuation(abandoned.inspectionId)).toBeNull();
    expect(await store.getInspection(abandoned.inspectionId)).toMatchObject({ status: 'failed', requestId: abandoned.requestId, flinksCode: null });
    expect(await store.getInspection(opened.inspectionId)).toMatchObject({ status: 'expired' });

    // Answering afterwards says what happened instead of calling Flinks with a lost token.
    const late = await answerMfa({ inspectionId: abandoned.inspectionId, responses: { [abandoned.challenges[0]!.prompt]: ['Montreal'] } }, deps);
    expect(late).toMatchObject({ kind: 'error', mfaOpen: false, error: { message: MFA_EXPIRED_MESSAGE } });
  });

  it('closes an inspection stuck in_progress past twice the Flinks timeout, with a reason and no FlinksCode', async () => {
    const { store, deps, advance } = setup();
    const stuck = await store.createInspection({ mode: 'cached', environment: 'simulator' });
    advance(2 * 5000 + 59_000);
    expect((await expireAbandonedMfa({ ...deps, flinksTimeoutMs: 5000 })).stuck).toEqual([]);
    advance(2_000);
    expect((await expireAbandonedMfa({ ...deps, flinksTimeoutMs: 5000 })).stuck).toEqual([stuck.id]);
    expect(await store.getInspection(stuck.id)).toMatchObject({ status: 'failed', flinksCode: null, statusReason: expect.stringMatching(/No answer from Flinks/) });
  });
});

describe('sweepAbandonedMfa (the minute sweep)', () => {
  const log = () => ({ info: vi.fn(), error: vi.fn() });

  it('logs a failure instead of swallowing it, and does not reject', async () => {
    const { deps } = setup();
    const l = log();
    const broken = { ...deps, store: Object.assign(Object.create(deps.store), { purgeExpiredContinuations: () => Promise.reject(new Error('database is down')) }) };
    await expect(sweepAbandonedMfa(broken, l)).resolves.toBeNull();
    expect(l.error).toHaveBeenCalledWith({ err: expect.objectContaining({ message: 'database is down' }) }, 'MFA sweep failed');
  });

  it('logs what it closed, and nothing when there was nothing to close', async () => {
    const { deps, advance } = setup();
    const l = log();
    await sweepAbandonedMfa(deps, l);
    expect(l.info).not.toHaveBeenCalled();
    const abandoned = await startInspection(form({ mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday', language: 'en', save: true }), deps);
    if (abandoned.kind !== 'mfa') throw new Error('setup');
    advance(9 * 60_000);
    await sweepAbandonedMfa(deps, l);
    expect(l.info).toHaveBeenCalledWith({ closed: 1, inspectionIds: [abandoned.inspectionId] }, 'closed abandoned MFA rounds');
  });
});
