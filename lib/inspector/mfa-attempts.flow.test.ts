import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '@/lib/crypto/testing';
import { createFlinksClient } from '@/lib/flinks/client';
import { MemoryStore } from '@/lib/store/memory-store';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { answerMfa } from './answer-mfa';
import type { InspectorDeps } from './deps';
import { parseAuthorizeForm } from './form-schema';
import { mfaAttempt, MFA_ATTEMPTS_PER_SESSION, wrongAnswersIn } from './mfa-attempts';
import { startInspection } from './start-inspection';

/** The counter against the simulator's D4 behaviour, over real HTTP: what the steps say is what Flinks did. */
let srv: SimulatorServer;
beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'attempts-test', slowMs: 50 });
});
afterAll(() => srv.close());

describe('MFA attempts counted from stored steps', () => {
  it('counts each wrong answer; the one after the last allowed ends the session', async () => {
    const store = new MemoryStore();
    const deps: InspectorDeps = {
      client: createFlinksClient({ baseUrl: srv.baseUrl, ...srv.credentials, timeoutMs: 1_000 }),
      store,
      environment: 'simulator',
      now: () => new Date(),
      keyring: testKeyring(),
    };
    const parsed = parseAuthorizeForm({ mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday', language: 'en', save: true });
    if (!parsed.ok) throw new Error('bad input');
    let r = await startInspection(parsed.input, deps);
    if (r.kind !== 'mfa') throw new Error(`expected mfa, got ${r.kind}`);
    const id = r.inspectionId;
    expect(mfaAttempt(wrongAnswersIn(await store.listSteps(id)))).toEqual({ number: 1, of: 3, last: false });

    for (let wrong = 1; wrong < MFA_ATTEMPTS_PER_SESSION; wrong++) {
      if (r.kind !== 'mfa') throw new Error(`expected mfa, got ${r.kind}`);
      r = await answerMfa({ inspectionId: id, responses: { [r.challenges[0]!.prompt]: ['Atlantis'] } }, deps);
      expect(r.kind).toBe('mfa');
      expect(wrongAnswersIn(await store.listSteps(id))).toBe(wrong);
    }
    expect(mfaAttempt(wrongAnswersIn(await store.listSteps(id))).last).toBe(true);

    if (r.kind !== 'mfa') throw new Error(`expected mfa, got ${r.kind}`);
    const last = await answerMfa({ inspectionId: id, responses: { [r.challenges[0]!.prompt]: ['Atlantis'] } }, deps);
    expect(last.kind).toBe('error');
    expect(last.kind === 'error' && last.error.kind === 'flinks' && last.error.flinksCode).toBe('INVALID_SECURITY_RESPONSE_NO_RETRY');
    expect((await store.getInspection(id))?.status).toBe('failed');
  });
});
