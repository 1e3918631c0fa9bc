import { testKeyring } from '@/lib/crypto/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlinksClient } from '@/lib/flinks/client';
import { createLogger } from '@/lib/log';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { TOOLBOX_QUESTIONS } from '@/lib/simulator/questions';
import { MemoryStore } from '@/lib/store/memory-store';
import { answerMfa } from './answer-mfa';
import type { InspectorDeps } from './deps';
import { followLink } from './follow-link';
import { parseAuthorizeForm } from './form-schema';
import { startInspection } from './start-inspection';

/** The Flinks client's log lines carry the inspection (and RequestId) of the use case that made the call. */

let srv: SimulatorServer;
beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'log-context' });
});
afterAll(() => srv.close());

function setup() {
  const lines: string[] = [];
  const log = createLogger({ level: 'debug', secrets: [], destination: { write: (s: string) => void lines.push(s) } });
  const deps: InspectorDeps = {
    client: createFlinksClient({ baseUrl: srv.baseUrl, ...srv.credentials, timeoutMs: 5000, log }),
    store: new MemoryStore(),
    environment: 'simulator',
    now: () => new Date(),
    keyring: testKeyring(),
  };
  return { deps, lines, records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

const form = (payload: Record<string, unknown>) => {
  const parsed = parseAuthorizeForm(payload);
  if (!parsed.ok) throw new Error('form');
  return parsed.input;
};

describe('log context of the use cases', () => {
  it('an upstream 5xx during start is logged with its inspection id', async () => {
    const { deps, records } = setup();
    const out = await startInspection(form({ mode: 'live', institution: 'FlinksCapital', username: 'sim_500', password: 'Everyday', language: 'en', save: true }), deps);
    if (out.kind === 'invalid') throw new Error('form');
    const fault = records().find((r) => r.level === 'error');
    expect(fault).toMatchObject({ msg: 'Flinks answered a server error', endpoint: 'Authorize', httpStatus: 500, inspectionId: out.inspectionId });
  });

  it('MFA answers and Links carry the inspection id and RequestId, and never the password or token', async () => {
    const { deps, lines, records } = setup();
    const first = await startInspection(form({ mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday', language: 'en', save: true }), deps);
    if (first.kind !== 'mfa') throw new Error(first.kind);
    await answerMfa({ inspectionId: first.inspectionId, responses: Object.fromEntries(first.challenges.map((c) => [c.prompt, [TOOLBOX_QUESTIONS.find((q) => q.en === c.prompt)?.answer ?? '']])) }, deps);
    await followLink(deps, first.inspectionId, 'summary');
    const calls = records().filter((r) => r.msg === 'Flinks call');
    expect(calls.map((r) => r.endpoint)).toEqual(['GenerateAuthorizeToken', 'Authorize', 'Authorize', 'GetAccountsSummary']);
    expect(calls.every((r) => r.inspectionId === first.inspectionId)).toBe(true);
    expect(calls.slice(1).every((r) => r.requestId === first.requestId)).toBe(true);
    const text = lines.join('');
    expect(text).not.toContain('Everyday');
    for (const q of TOOLBOX_QUESTIONS) expect(text).not.toContain(q.answer);
  });
});
