import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { testKeyring } from '@/lib/crypto/testing';
import { createFlinksClient } from '@/lib/flinks/client';
import { MemoryStore } from '@/lib/store/memory-store';
import { createSimulator } from '@/lib/simulator/handler';
import { inProcessFetch } from '@/lib/simulator/in-process-fetch';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { answerMfa } from './answer-mfa';
import type { InspectorDeps } from './deps';
import { parseAuthorizeForm, type AuthorizeInput } from './form-schema';
import { startInspection } from './start-inspection';
import type { InspectionResult } from './views';

const SAMPLE = '5e115eac-1209-4f19-641c-08d6d484e2fe';
const ANSWERS: Record<string, string> = {
  'What city were you born in?': 'Montreal',
  'What is the best country on earth?': 'Canada',
  'What shape do people like most?': 'Triangle',
};

let srv: SimulatorServer;
let store: MemoryStore;
let deps: InspectorDeps;
let clock: Date;

beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'inspector-test', slowMs: 50 });
});
afterAll(() => srv.close());
beforeEach(() => {
  store = new MemoryStore();
  clock = new Date();
  deps = {
    client: createFlinksClient({ baseUrl: srv.baseUrl, ...srv.credentials, timeoutMs: 1_000 }),
    store,
    environment: 'simulator',
    now: () => clock,
    keyring: testKeyring(),
  };
});

function input(payload: Record<string, unknown>): AuthorizeInput {
  const parsed = parseAuthorizeForm(payload);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.input;
}
const live = (username: string, extra: Record<string, unknown> = {}) =>
  input({ mode: 'live', institution: 'FlinksCapital', username, password: 'Everyday', language: 'en', save: true, ...extra });

function expectMfa(r: InspectionResult) {
  if (r.kind !== 'mfa') throw new Error(`expected mfa, got ${JSON.stringify(r)}`);
  return r;
}

describe('startInspection', () => {
  it('opens a cached session and records both exchanges before returning', async () => {
    const r = await startInspection(input({ mode: 'cached', loginId: SAMPLE, tag: 'ticket-1' }), deps);
    expect(r.kind).toBe('authorized');
    if (r.kind !== 'authorized') return;
    expect(r.session.loginId).toBe(SAMPLE);
    expect(r.session.institutionId).toBe(14);
    expect(r.session.links.map((l) => l.rel)).toContain('AccountsDetail');
    const steps = await store.listSteps(r.inspectionId);
    expect(steps.map((s) => [s.endpoint, s.outcome])).toEqual([['GenerateAuthorizeToken', 'ok'], ['Authorize', 'ok']]);
    const inspection = await store.getInspection(r.inspectionId);
    expect(inspection).toMatchObject({ status: 'authorized', mode: 'cached', loginId: SAMPLE, requestId: r.session.requestId, tag: 'ticket-1', environment: 'simulator' });
    expect(inspection?.lastActivityAt).toEqual(clock);
  });

  // The token step is written one of two ways (start-inspection.ts): with an answer that is there at
  // once, in settle's statement; during the wait when Flinks takes time. Both keep the call order.
  it('writes the token step with an answer that is there at once (in-process simulator), in call order', async () => {
    const sim = createSimulator({ seed: 'inspector-test', basePath: '/simulator' });
    const client = createFlinksClient({ baseUrl: 'http://127.0.0.1:1/simulator', ...srv.credentials, timeoutMs: 1_000, fetch: inProcessFetch(sim.handle) });
    const appended = vi.spyOn(store, 'appendStep');
    const r = await startInspection(input({ mode: 'cached', loginId: SAMPLE }), { ...deps, client });
    if (r.kind !== 'authorized') throw new Error(`expected authorized, got ${r.kind}`);
    expect(appended).not.toHaveBeenCalled();
    const steps = await store.listSteps(r.inspectionId);
    expect(steps.map((s) => [s.seq, s.endpoint, s.outcome])).toEqual([[1, 'GenerateAuthorizeToken', 'ok'], [2, 'Authorize', 'ok']]);
  });

  it('writes the token step while a network answer is awaited, before the answer\'s step', async () => {
    const appended = vi.spyOn(store, 'appendStep');
    const r = await startInspection(input({ mode: 'cached', loginId: SAMPLE }), deps);
    if (r.kind !== 'authorized') throw new Error(`expected authorized, got ${r.kind}`);
    expect(appended.mock.calls.map(([, step]) => step.endpoint)).toEqual(['GenerateAuthorizeToken']);
    const steps = await store.listSteps(r.inspectionId);
    expect(steps.map((s) => [s.seq, s.endpoint])).toEqual([[1, 'GenerateAuthorizeToken'], [2, 'Authorize']]);
  });

  it('records an unknown LoginId as a failed inspection with its FlinksCode', async () => {
    const r = await startInspection(input({ mode: 'cached', loginId: '00000000-0000-0000-0000-000000000000' }), deps);
    expect(r.kind === 'error' && r.error.kind === 'flinks' && r.error.flinksCode).toBe('INVALID_LOGIN');
    const inspection = await store.getInspection(r.kind === 'error' ? (r.inspectionId ?? '') : '');
    expect(inspection).toMatchObject({ status: 'failed', flinksCode: 'INVALID_LOGIN' });
  });

  it('records a non-JSON answer (sim_garbage) as a transport-error step', async () => {
    const r = await startInspection(live('sim_garbage'), deps);
    expect(r.kind === 'error' && r.error.kind === 'transport' && r.error.reason).toBe('non_json');
    const steps = await store.listSteps(r.kind === 'error' ? (r.inspectionId ?? '') : '');
    expect(steps.at(-1)).toMatchObject({ endpoint: 'Authorize', outcome: 'transport_error' });
  });

  it('records a timeout (sim_hang) as a step and fails the inspection', async () => {
    const r = await startInspection(live('sim_hang'), deps);
    expect(r.kind === 'error' && r.error.kind === 'transport' && r.error.reason).toBe('timeout');
    const id = r.kind === 'error' ? (r.inspectionId ?? '') : '';
    expect((await store.listSteps(id)).at(-1)).toMatchObject({ outcome: 'transport_error' });
    expect(await store.getInspection(id)).toMatchObject({ status: 'failed' });
  });
});

describe('MFA through answerMfa', () => {
  it('keeps the token server-side, answers Greatday and drops the continuation', async () => {
    const first = expectMfa(await startInspection(live('Greatday'), deps));
    expect(JSON.stringify(first)).not.toMatch(/Token/i);
    const cont = await store.getContinuation(first.inspectionId);
    expect(cont).toMatchObject({ requestId: first.requestId });
    expect(cont?.expiresAt.getTime()).toBe(clock.getTime() + 8 * 60_000);
    expect(await store.getInspection(first.inspectionId)).toMatchObject({ status: 'mfa_pending', requestId: first.requestId });

    const prompt = first.challenges[0]!.prompt;
    const done = await answerMfa({ inspectionId: first.inspectionId, responses: { [prompt]: [ANSWERS[prompt]!] } }, deps);
    expect(done.kind).toBe('authorized');
    expect(await store.getContinuation(first.inspectionId)).toBeNull();
    const steps = await store.listSteps(first.inspectionId);
    expect(steps.map((s) => s.outcome)).toEqual(['ok', 'mfa_required', 'ok']);
    expect(JSON.stringify(steps)).not.toContain(cont!.authorizeToken);
  });

  it('after a wrong answer shows the error with a new question, then accepts the right one', async () => {
    const first = expectMfa(await startInspection(live('Greatday'), deps));
    const wrong = expectMfa(await answerMfa({ inspectionId: first.inspectionId, responses: { [first.challenges[0]!.prompt]: ['Nowhere'] } }, deps));
    expect(wrong.error?.kind === 'flinks' && wrong.error.flinksCode).toBe('INVALID_SECURITY_RESPONSE');
    expect(await store.getContinuation(first.inspectionId)).not.toBeNull();
    const prompt = wrong.challenges[0]!.prompt;
    const done = await answerMfa({ inspectionId: first.inspectionId, responses: { [prompt]: [ANSWERS[prompt]!] } }, deps);
    expect(done.kind).toBe('authorized');
  });

  it('walks two rounds (sim_two_rounds)', async () => {
    const first = expectMfa(await startInspection(live('sim_two_rounds'), deps));
    const p1 = first.challenges[0]!.prompt;
    const second = expectMfa(await answerMfa({ inspectionId: first.inspectionId, responses: { [p1]: [ANSWERS[p1]!] } }, deps));
    expect(second.challenges[0]!.prompt).toBe('What is your favourite colour?');
    const done = await answerMfa({ inspectionId: first.inspectionId, responses: { 'What is your favourite colour?': ['Blue'] } }, deps);
    expect(done.kind).toBe('authorized');
  });

  it('refuses to answer once the continuation has expired', async () => {
    const first = expectMfa(await startInspection(live('Greatday'), deps));
    clock = new Date(clock.getTime() + 8 * 60_000 + 1);
    const r = await answerMfa({ inspectionId: first.inspectionId, responses: { [first.challenges[0]!.prompt]: ['x'] } }, deps);
    expect(r.kind === 'error' && r.error.kind).toBe('app');
    expect(await store.getContinuation(first.inspectionId)).toBeNull();
    expect(await store.getInspection(first.inspectionId)).toMatchObject({ status: 'failed' });
  });

  it('hands image choices to the browser as inline images (sim_image)', async () => {
    const first = expectMfa(await startInspection(live('sim_image'), deps));
    const images = first.challenges[0]!.images ?? [];
    expect(images).toHaveLength(first.challenges[0]!.iterables.length);
    for (const img of images) expect(img.src).toMatch(/^data:image\/png;base64,/);
  });

  it('answers an unknown inspection with an app error', async () => {
    const r = await answerMfa({ inspectionId: 'nope', responses: { a: ['b'] } }, deps);
    expect(r).toMatchObject({ kind: 'error', inspectionId: null, mfaOpen: false });
  });
});
