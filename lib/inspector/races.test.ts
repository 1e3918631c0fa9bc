import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '@/lib/crypto/testing';
import { answersFor } from '@/lib/flinks/__tests__/simulator-harness';
import { createFlinksClient } from '@/lib/flinks/client';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { DrizzleStore } from '@/lib/store/drizzle-store';
import { MemoryStore } from '@/lib/store/memory-store';
import { openDatabase, type OpenDatabase } from '@/lib/store/open-database';
import type { InspectionStore } from '@/lib/store/types';
import { databaseLegs } from '@/test/database-legs';
import { answerMfa } from './answer-mfa';
import type { InspectorDeps } from './deps';
import { expireAbandonedMfa } from './expire-abandoned-mfa';
import { parseAuthorizeForm } from './form-schema';
import { moveTo } from './inspection-state';
import { startInspection } from './start-inspection';
import type { ChallengeView, InspectionResult } from './views';

/**
 * Correct under races and faults, on every backend: answers to one MFA round reach Flinks once
 * however many arrive (in one process, or on two "instances" — two stores on one database, each
 * with its own in-process map, so only the lease in the database serialises them); a sweep can
 * race an answer but never turn an authorized session into a failed one; a database error in the
 * middle of settling leaves nothing half written.
 */

let srv: SimulatorServer;
/** Answers (Authorize calls carrying SecurityResponses) that reached the simulator. */
let answerCalls = 0;
/** Slows every answer down so concurrent callers really overlap it. */
let answerDelayMs = 150;

const countingFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  if (url.endsWith('/Authorize') && typeof init?.body === 'string' && init.body.includes('SecurityResponses')) {
    answerCalls += 1;
    await new Promise((r) => setTimeout(r, answerDelayMs));
  }
  return fetch(input, init);
};

beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'races' });
});
afterAll(() => srv.close());

const keyring = testKeyring();
const depsFor = (store: InspectionStore, now: () => Date = () => new Date()): InspectorDeps => ({
  client: createFlinksClient({ baseUrl: srv.baseUrl, ...srv.credentials, timeoutMs: 5000, fetch: countingFetch }),
  store,
  environment: 'simulator',
  now,
  keyring,
  answerLeaseMs: 5000,
});

const liveForm = () => {
  const parsed = parseAuthorizeForm({ mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: 'Everyday', language: 'en', save: true });
  if (!parsed.ok) throw new Error('form');
  return parsed.input;
};

const rightAnswers = (challenges: ChallengeView[]) => answersFor(challenges.map((c) => ({ Type: c.type, Prompt: c.prompt, Iterables: c.iterables })));

async function openRound(deps: InspectorDeps) {
  let started = await startInspection(liveForm(), deps);
  // Node's fetch may reuse a keep-alive socket the test server just closed (ECONNRESET): once more.
  if (started.kind === 'error' && started.error.kind === 'transport' && started.error.reason === 'network') started = await startInspection(liveForm(), deps);
  if (started.kind !== 'mfa') throw new Error(`expected an MFA round, got ${JSON.stringify(started)}`);
  return { id: started.inspectionId, requestId: started.requestId, responses: rightAnswers(started.challenges) };
}

type Backend = { name: string; a: InspectionStore; b: InspectionStore; db: OpenDatabase | null; close(): Promise<void> };

const backends: { name: string; open(): Promise<Backend> }[] = [
  {
    name: 'memory',
    open: async () => {
      const store = new MemoryStore();
      return { name: 'memory', a: store, b: store, db: null, close: async () => {} };
    },
  },
  ...databaseLegs().map((leg) => ({
    name: leg.name,
    open: async (): Promise<Backend> => {
      const db = await leg.open();
      // A second instance: its own pool on PostgreSQL; on PGlite (one connection) its own store object.
      const second = leg.url ? await openDatabase({ kind: 'postgres', url: leg.url, poolSize: 4 }) : null;
      return {
        name: leg.name,
        a: new DrizzleStore(db.db, async () => {}, { connection: db.connection }),
        b: new DrizzleStore((second ?? db).db, async () => {}, { connection: (second ?? db).connection }),
        db,
        close: async () => {
          await second?.close();
          await db.close();
          await leg.dispose();
        },
      };
    },
  })),
];

describe.each(backends)('races and faults: $name', ({ name, open }) => {
  let be: Backend;
  beforeAll(async () => {
    be = await open();
  }, 60_000);
  afterAll(() => be?.close());

  it('20 identical right answers at once, on two instances: one call to Flinks, authorized, every caller told so', async () => {
    answerDelayMs = 300;
    const { id, requestId, responses } = await openRound(depsFor(be.a));
    answerCalls = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => answerMfa({ inspectionId: id, responses }, depsFor(i % 2 === 0 ? be.a : be.b))),
    );
    expect(answerCalls).toBe(1);
    for (const r of results) expect(r).toMatchObject({ kind: 'authorized', inspectionId: id, session: { requestId } });
    expect(await be.a.getInspection(id)).toMatchObject({ status: 'authorized', requestId });
    expect(await be.a.getContinuation(id)).toBeNull();
    // A late double submit (after it settled) is told the same, still without calling Flinks.
    expect(await answerMfa({ inspectionId: id, responses }, depsFor(be.b))).toMatchObject({ kind: 'authorized', session: { requestId } });
    expect(answerCalls).toBe(1);
  }, 30_000);

  it('an answer that read the round just before another instance settled it is told the outcome, not "expired"', async () => {
    answerDelayMs = 0;
    const { id, requestId, responses } = await openRound(depsFor(be.a));
    const stale = await be.b.getInspection(id);
    expect(await answerMfa({ inspectionId: id, responses }, depsFor(be.a))).toMatchObject({ kind: 'authorized' });
    answerCalls = 0;
    // Instance B read the inspection (mfa_pending) before A settled, and the continuation after.
    let reads = 0;
    const staleStore = new Proxy(be.b, {
      get: (target, key, receiver) =>
        key === 'getInspection' ? async (i: string) => (reads++ === 0 ? stale : target.getInspection(i)) : Reflect.get(target, key, receiver),
    });
    expect(await answerMfa({ inspectionId: id, responses }, depsFor(staleStore))).toMatchObject({ kind: 'authorized', session: { requestId } });
    expect(answerCalls).toBe(0);
    expect(await be.a.getInspection(id)).toMatchObject({ status: 'authorized' });
  }, 30_000);

  it('a sweep racing an answer never sets failed over authorized', async () => {
    answerDelayMs = 100;
    const outcomes: string[] = [];
    for (let round = 0; round < 6; round += 1) {
      const { id, responses } = await openRound(depsFor(be.a));
      const c = await be.a.getContinuation(id);
      // The sweep's clock is past the round's 8 minutes. Odd rounds: the answer was sent at once, so its
      // lease has lapsed by the sweep's clock and the sweep may win. Even rounds: the answer was sent
      // just before the round expired, so its lease holds and the sweep must leave the round alone.
      const sweepNow = () => new Date(c!.expiresAt.getTime() + 1);
      const leased = round % 2 === 0;
      const answerNow = leased ? () => new Date(c!.expiresAt.getTime() - 1) : () => new Date();
      let answered: InspectionResult | null = null;
      const answering = answerMfa({ inspectionId: id, responses }, depsFor(be.a, answerNow)).then((r) => (answered = r));
      const sweeping = (async () => {
        // Start the sweeps at different points of the answer: before the claim, during the call, at
        // settle; a leased round only once its answer holds the lease (before it, the round is plainly expired).
        await new Promise((r) => setTimeout(r, round * 25));
        while (leased && !answered && !(await be.b.getContinuation(id))?.answeringUntil) await new Promise((r) => setTimeout(r, 2));
        while (!answered) {
          await expireAbandonedMfa({ store: be.b, now: sweepNow });
          await new Promise((r) => setTimeout(r, 5));
        }
        await expireAbandonedMfa({ store: be.b, now: sweepNow });
      })();
      await Promise.all([answering, sweeping]);
      const final = await be.a.getInspection(id);
      const result = answered as InspectionResult | null;
      outcomes.push(`${result?.kind}/${final?.status}`);
      if (leased) expect(result?.kind).toBe('authorized');
      if (result?.kind === 'authorized') expect(final?.status).toBe('authorized');
      else expect(result).toMatchObject({ kind: 'error', mfaOpen: false });
      expect(['authorized', 'failed']).toContain(final?.status);
      // And once authorized, no transition of the machine leads back to failed.
      if (final?.status === 'authorized') {
        expect(await be.b.transition(id, moveTo('failed'))).toBeNull();
        expect(await be.b.purgeExpiredContinuations(new Date(Date.now() + 3_600_000))).not.toContain(id);
        expect(await be.a.getInspection(id)).toMatchObject({ status: 'authorized' });
      }
    }
    // Whoever won, the answer and the store agree.
    expect(outcomes.every((o) => o === 'authorized/authorized' || o === 'error/failed')).toBe(true);
  }, 60_000);

  // The memory store has no SQL to inject a fault into.
  if (name !== 'memory') it('a database error while settling an answer leaves no half state, and the round can be answered again', async () => {
    answerDelayMs = 0;
    const run = (q: string) => be.db!.db.execute(sql.raw(q));
    await run('create table if not exists test_faults (tbl text not null, op text not null)');
    await run(`create or replace function test_fault() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from test_faults where tbl = TG_TABLE_NAME and op = TG_OP) then
          raise exception 'injected fault on % %', TG_OP, TG_TABLE_NAME;
        end if;
        return coalesce(new, old);
      end $$`);
    await run('drop trigger if exists steps_fault on steps');
    await run('create trigger steps_fault before insert on steps for each row execute function test_fault()');
    // Only a status change: appendStep's step counter bump must not trip it.
    await run('drop trigger if exists inspections_fault on inspections');
    await run('create trigger inspections_fault before update of status on inspections for each row execute function test_fault()');
    await run('drop trigger if exists continuations_fault on mfa_continuations');
    await run('create trigger continuations_fault before insert or update or delete on mfa_continuations for each row execute function test_fault()');

    // Settling a right answer is: insert the step (1st statement), change the status (2nd), delete the continuation (3rd).
    for (const [tbl, op] of [['steps', 'INSERT'], ['inspections', 'UPDATE'], ['mfa_continuations', 'DELETE']] as const) {
      const { id, requestId, responses } = await openRound(depsFor(be.a));
      const before = { steps: (await be.a.listSteps(id)).length, inspection: await be.a.getInspection(id), continuation: await be.a.getContinuation(id) };
      await run(`insert into test_faults values ('${tbl}', '${op}')`);
      await expect(answerMfa({ inspectionId: id, responses }, depsFor(be.a))).rejects.toThrow();
      await run('delete from test_faults');

      expect((await be.a.listSteps(id)).length).toBe(before.steps);
      expect(await be.a.getInspection(id)).toEqual(before.inspection);
      // The round is given back (no lease left behind), exactly as it was.
      expect(await be.a.getContinuation(id)).toEqual(before.continuation);

      // Flinks did accept that answer; answering again gets ALREADY_AUTHORIZED, which is success.
      const again = await answerMfa({ inspectionId: id, responses }, depsFor(be.a));
      expect(again).toMatchObject({ kind: 'authorized', session: { requestId } });
      expect(await be.a.getInspection(id)).toMatchObject({ status: 'authorized', requestId });
      expect(await be.a.getContinuation(id)).toBeNull();
    }
  }, 60_000);
});
