import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testKeyring } from '@/lib/crypto/testing';
import { createFlinksClient } from '@/lib/flinks/client';
import { MemoryStore } from '@/lib/store/memory-store';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { RATE_LIMIT_RETRY_AFTER_S } from '@/lib/simulator/personas';
import type { InspectorDeps } from './deps';
import { parseAuthorizeForm, type AuthorizeInput } from './form-schema';
import { CLOSE_REASONS, moveTo } from './inspection-state';
import { problemLabel } from './problem-label';
import { followLink } from './follow-link';
import { pollAccountsDetail } from './poll-accounts-detail';
import { startInspection } from './start-inspection';
import { lastFailureOf, storedData } from './stored-session-data';
import { abortUpstreamCalls, CANCEL_WATCH_MS, hasUpstreamCall } from './upstream-calls';

/**
 * Cancel (issue 11 item 6) and kept response headers (item 1), through the real client against the
 * simulator over HTTP: sim_hang never answers, so only a cancel ends the call before the timeout.
 */

let srv: SimulatorServer;
let store: MemoryStore;
let deps: InspectorDeps;
/** Whether an Authorize call has been sent (the token step may be written while Authorize runs, so the store cannot say). */
let authorizeSent: boolean;

beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'cancel-test', slowMs: 50 });
});
afterAll(() => srv.close());
beforeEach(() => {
  store = new MemoryStore();
  authorizeSent = false;
  // Long enough that a test passing proves the cancel ended the call, not the timeout.
  const client = createFlinksClient({ baseUrl: srv.baseUrl, ...srv.credentials, timeoutMs: 30_000 });
  deps = {
    client: {
      ...client,
      authorize: (...args: Parameters<typeof client.authorize>) => {
        authorizeSent = true;
        return client.authorize(...args);
      },
    },
    store,
    environment: 'simulator',
    now: () => new Date(),
    keyring: testKeyring(),
  };
});

function live(username: string): AuthorizeInput {
  const parsed = parseAuthorizeForm({ mode: 'live', institution: 'FlinksCapital', username, password: 'Everyday', language: 'en', save: false });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.input;
}

async function until(check: () => boolean | Promise<boolean>) {
  for (;;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('Cancel', () => {
  it('aborts a running start in this process: the step is cancelled and the inspection failed with the cancel reason', async () => {
    const id = randomUUID();
    const running = startInspection(live('sim_hang'), deps, { id });
    await until(() => hasUpstreamCall(id) && authorizeSent);
    expect(abortUpstreamCalls(id)).toBe(1);
    const result = await running;
    expect(result).toMatchObject({ kind: 'error', inspectionId: id, error: { kind: 'transport', reason: 'aborted', whoActs: 'nobody' } });
    const steps = await store.listSteps(id);
    expect(steps.map((s) => `${s.endpoint} ${s.outcome}`)).toEqual(['GenerateAuthorizeToken ok', 'Authorize cancelled']);
    expect(await store.getInspection(id)).toMatchObject({ status: 'failed', statusReason: CLOSE_REASONS.cancelled });
    expect(hasUpstreamCall(id)).toBe(false);
    const [failure] = await store.lastFailures([id]);
    expect(problemLabel(failure)).toBe('Cancelled');
  });

  it('aborts when another instance closed the row (the running start watches it)', async () => {
    const id = randomUUID();
    const running = startInspection(live('sim_hang'), deps, { id });
    await until(async () => authorizeSent && (await store.getInspection(id)) !== null);
    // What cancelInspectionCall does on an instance that does not hold the call.
    expect(await store.transition(id, moveTo('failed', { statusReason: CLOSE_REASONS.cancelled }))).not.toBeNull();
    // sim_hang never answers and the timeout is 30 s: only the watch (every CANCEL_WATCH_MS) can end it within the test's time.
    expect(CANCEL_WATCH_MS).toBeLessThan(30_000);
    const result = await running;
    // The row was settled by the cancel: the start's own transition lost, its step is kept as cancelled.
    expect(result).toMatchObject({ kind: 'error', inspectionId: id });
    expect((await store.listSteps(id)).at(-1)).toMatchObject({ endpoint: 'Authorize', outcome: 'cancelled' });
    expect(await store.getInspection(id)).toMatchObject({ status: 'failed', statusReason: CLOSE_REASONS.cancelled });
  });

  it('has nothing to abort once the call has ended', async () => {
    const id = randomUUID();
    await startInspection(live('greatday_nomfa'), deps, { id });
    expect(abortUpstreamCalls(id)).toBe(0);
    expect(await store.getInspection(id)).toMatchObject({ status: 'authorized' });
  });
});

describe('response headers', () => {
  it('keeps Retry-After of TOO_MANY_REQUESTS and explains it from the store', async () => {
    const r = await startInspection(live('sim_rate_limited'), deps);
    expect(r).toMatchObject({ kind: 'error', error: { kind: 'flinks', flinksCode: 'TOO_MANY_REQUESTS', retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_S } });
    if (r.kind !== 'error' || !r.inspectionId) throw new Error('expected an inspection');
    const steps = await store.listSteps(r.inspectionId);
    const authorize = steps.at(-1)!;
    expect(authorize.responseHeaders).toMatchObject({ 'retry-after': String(RATE_LIMIT_RETRY_AFTER_S), 'content-type': expect.stringContaining('application/json') });
    expect(Object.keys(authorize.responseHeaders ?? {}).every((k) => !/cookie|auth/i.test(k))).toBe(true);
    const failure = lastFailureOf(steps, true);
    expect(failure).toMatchObject({ endpoint: 'Authorize', error: { kind: 'flinks', flinksCode: 'TOO_MANY_REQUESTS', retryAfterSeconds: RATE_LIMIT_RETRY_AFTER_S, customerReply: null } });
  });

  it('rebuilds a failed live login as the full card with a reply for the customer', async () => {
    const r = await startInspection(live('test_disabled_account'), deps);
    if (r.kind !== 'error' || !r.inspectionId) throw new Error('expected an inspection');
    const failure = lastFailureOf(await store.listSteps(r.inspectionId), true);
    expect(failure?.error).toMatchObject({ kind: 'flinks', flinksCode: 'DISABLED_LOGIN', whoActs: 'customer', customerReply: expect.stringContaining('contact your bank') });
  });
});

describe('stored data', () => {
  it('has nothing to show for a session that fetched nothing', async () => {
    const r = await startInspection(live('greatday_nomfa'), deps);
    if (r.kind !== 'authorized') throw new Error('expected authorized');
    expect(storedData(await store.listSteps(r.inspectionId))).toEqual({ summary: null, detail: null, statements: null, detailPendingSince: null });
  });
});

describe('stored data after following the Links', () => {
  it('rebuilds the summary, says a detail is still pending, then rebuilds the detail once it answers', async () => {
    const r = await startInspection(parseCached(), deps);
    if (r.kind !== 'authorized') throw new Error('expected authorized');
    const id = r.inspectionId;
    expect(await followLink(deps, id, 'summary')).toMatchObject({ kind: 'accounts' });
    const afterSummary = storedData(await store.listSteps(id));
    expect(afterSummary.summary?.data.length).toBeGreaterThan(0);
    expect(afterSummary.summary?.data[0]?.lastFour).toMatch(/^\w{4}$/);

    const first = await followLink(deps, id, 'detail');
    if (first.kind === 'pending') {
      const pending = storedData(await store.listSteps(id));
      expect(pending.detailPendingSince).not.toBeNull();
      expect(pending.detail).toBeNull();
      let poll = await pollAccountsDetail(deps, id);
      while (poll.kind === 'pending') poll = await pollAccountsDetail(deps, id);
      expect(poll.kind).toBe('accounts');
    }
    const done = storedData(await store.listSteps(id));
    expect(done.detailPendingSince).toBeNull();
    expect(done.detail?.data.some((a) => a.transactions.length > 0)).toBe(true);
    // Masked as stored: no holder name in clear.
    expect(JSON.stringify(done.detail)).not.toMatch(/John Doe/);
  });
});

function parseCached(): AuthorizeInput {
  const parsed = parseAuthorizeForm({ mode: 'cached', loginId: '5e115eac-1209-4f19-641c-08d6d484e2fe' });
  if (!parsed.ok) throw new Error('invalid');
  return parsed.input;
}
