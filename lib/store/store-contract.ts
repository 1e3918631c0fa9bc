import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { DrizzleStore } from './drizzle-store';
import { MemoryStore } from './memory-store';
import type { NewAuditEvent } from './schema-audit';
import type { Inspection, InspectionStore, NewStep } from './types';

/**
 * The behaviour every InspectionStore must share, run by store.test.ts against each backend.
 * One store per backend for the whole suite (PGlite takes seconds to open), so every test scopes
 * its rows by a fresh institution or tag; the clock only moves forward (1 s per reading), so the
 * newest rows of the whole store are always the current test's.
 */

export type OpenStore = (now: () => Date) => Promise<InspectionStore>;

export function testClock(start = Date.UTC(2025, 0, 1)) {
  let t = start;
  return () => new Date((t += 1000));
}

export const step = (over: Partial<NewStep> = {}): NewStep => ({
  endpoint: 'Authorize',
  method: 'POST',
  url: 'http://127.0.0.1:3000/simulator/v3/43387ca6/BankingServices/Authorize',
  startedAt: new Date('2025-03-04T05:06:07.089Z'),
  durationMs: 42,
  httpStatus: 200,
  flinksCode: null,
  outcome: 'ok',
  request: { headers: { 'content-type': 'application/json' }, body: { Institution: 'FlinksCapital' } },
  response: { HttpStatusCode: 200, Login: { Id: randomUUID() } },
  sealedResponse: null,
  error: null,
  ...over,
});

const scope = () => `Bank ${randomUUID().slice(0, 8)}`;

/** The audit events a store wrote for one target, oldest first, as the settlement gave them. */
async function auditsOf(store: InspectionStore, targetId: string): Promise<NewAuditEvent[]> {
  if (store instanceof MemoryStore) return store.audits.filter((a) => a.targetId === targetId);
  if (!(store instanceof DrizzleStore)) throw new Error('auditsOf: a store this contract does not know');
  const rows = await store.rows<Record<string, unknown> & { atMs: number }>(sql`
    select id::text as id, floor(extract(epoch from at) * 1000)::float8 as "atMs", actor_type as "actorType", actor_id as "actorId",
      actor_email as "actorEmail", actor_role as "actorRole", action, target_type as "targetType", target_id as "targetId",
      environment, reason, outcome, interface, request_id as "requestId", ip, user_agent as "userAgent", metadata
    from audit_events where target_id = ${targetId} order by at, id`);
  return rows.map(({ atMs, ...row }) => ({ ...row, at: new Date(atMs) }) as NewAuditEvent);
}

export function contractSuite(name: string, open: OpenStore) {
  describe(`InspectionStore contract: ${name}`, () => {
    let store: InspectionStore;
    beforeAll(async () => {
      store = await open(testClock());
    }, 60_000);
    afterAll(async () => {
      await store?.close();
    });

    const make = (n: number, over: Parameters<InspectionStore['createInspection']>[0]) =>
      // Sequential on purpose: each gets a later createdAt than the previous one.
      Array.from({ length: n }).reduce<Promise<Inspection[]>>(
        async (acc) => [...(await acc), await store.createInspection(over)],
        Promise.resolve([]),
      );
    const all = async (filter: Parameters<InspectionStore['listInspections']>[0]) =>
      (await store.listInspections(filter, { limit: 500 })).items.map((i) => i.id);

    it('creates, gets and updates an inspection', async () => {
      const created = await store.createInspection({ mode: 'live', environment: 'simulator', institution: 'FlinksCapital', username: 'Greatday', tag: 'qa' });
      expect(created).toMatchObject({ mode: 'live', status: 'in_progress', requestId: null, loginId: null, lastActivityAt: null, parentId: null, language: null });
      expect(created.createdAt).toEqual(created.updatedAt);
      expect(await store.getInspection(created.id)).toEqual(created);

      const activity = new Date('2025-05-06T07:08:09.123Z');
      const updated = await store.updateInspection(created.id, { status: 'authorized', requestId: 'req-1', lastActivityAt: activity, tag: undefined, flinksCode: null });
      expect(updated).toMatchObject({ status: 'authorized', requestId: 'req-1', lastActivityAt: activity, tag: 'qa', flinksCode: null });
      expect(updated!.updatedAt.getTime()).toBeGreaterThan(created.updatedAt.getTime());
      expect(updated!.createdAt).toEqual(created.createdAt);
      expect(await store.getInspection(created.id)).toEqual(updated);
      expect(await store.updateInspection(created.id, { tag: null })).toMatchObject({ tag: null });
    });

    it('keeps every field a new inspection is given, each in its own column, and the id proposed for it', async () => {
      const parent = await store.createInspection({ mode: 'cached', environment: 'simulator' });
      const id = randomUUID();
      const given = {
        mode: 'live',
        environment: 'toolbox',
        institution: 'FlinksCapital',
        username: 'Greatday',
        loginId: 'login-1',
        tag: 'tag-1',
        language: 'fr',
        parentId: parent.id,
        openedById: 'user-1',
        openedByEmail: 'qa@example.test',
      } as const;
      const created = await store.createInspection({ ...given, id });
      expect(created).toMatchObject({ ...given, id, status: 'in_progress', requestId: null, flinksCode: null, statusReason: null, lastActivityAt: null });
      expect(await store.getInspection(id)).toEqual(created);
      // The same id again gives way to a fresh one, with the new row's own fields.
      const again = await store.createInspection({ mode: 'cached', environment: 'simulator', id });
      expect(again.id).not.toBe(id);
      expect(again).toMatchObject({ mode: 'cached', environment: 'simulator', institution: null, username: null, loginId: null, tag: null, language: null, parentId: null, openedById: null, openedByEmail: null });
    });

    it('reads the status of many inspections at once, leaving out unknown and malformed ids', async () => {
      const a = await store.createInspection({ mode: 'cached', environment: 'simulator', loginId: 'a' });
      const b = await store.createInspection({ mode: 'cached', environment: 'simulator', loginId: 'b' });
      await store.transition(b.id, { from: ['in_progress'], patch: { status: 'failed' } });
      const statuses = await store.statusesOf([a.id, b.id, randomUUID(), 'not-a-uuid']);
      expect(Object.fromEntries(statuses)).toEqual({ [a.id]: 'in_progress', [b.id]: 'failed' });
      expect((await store.statusesOf([])).size).toBe(0);
    });

    it('answers null for unknown or malformed ids', async () => {
      expect(await store.getInspection(randomUUID())).toBeNull();
      expect(await store.getInspection('not-a-uuid')).toBeNull();
      expect(await store.updateInspection(randomUUID(), { status: 'failed' })).toBeNull();
      expect(await store.listSteps(randomUUID())).toEqual([]);
      await expect(store.appendStep(randomUUID(), step())).rejects.toThrow();
    });

    it('keeps steps in seq order per inspection', async () => {
      const [a, b] = [await store.createInspection({ mode: 'live', environment: 'x' }), await store.createInspection({ mode: 'live', environment: 'x' })];
      const s1 = await store.appendStep(a.id, step({ endpoint: 'Authorize' }));
      await store.appendStep(b.id, step({ endpoint: 'Other' }));
      const s2 = await store.appendStep(a.id, step({ endpoint: 'GetAccountsDetail', outcome: 'pending', httpStatus: 202 }));
      expect([s1.seq, s2.seq]).toEqual([1, 2]);
      expect(s1.inspectionId).toBe(a.id);
      const listed = await store.listSteps(a.id);
      expect(listed.map((s) => [s.seq, s.endpoint])).toEqual([[1, 'Authorize'], [2, 'GetAccountsDetail']]);
      expect(listed[0]).toEqual(s1);
      expect((await store.listSteps(b.id)).map((s) => s.seq)).toEqual([1]);
    });

    it('gives concurrent appends distinct consecutive seq numbers', async () => {
      const i = await store.createInspection({ mode: 'cached', environment: 'x' });
      const made = await Promise.all(Array.from({ length: 25 }, (_, k) => store.appendStep(i.id, step({ durationMs: k }))));
      expect(made.map((s) => s.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, k) => k + 1));
      const listed = await store.listSteps(i.id);
      expect(listed.map((s) => s.seq)).toEqual(Array.from({ length: 25 }, (_, k) => k + 1));
      expect(new Set(listed.map((s) => s.durationMs)).size).toBe(25);
    });

    it('round-trips request and response JSON', async () => {
      const i = await store.createInspection({ mode: 'live', environment: 'x' });
      const request = { headers: { 'x-api-key': '[redacted]' }, body: { SecurityResponses: { 'What city were you born in?': ['Montreal'] }, n: [1, 2.5, -3, null, true], deep: { a: { b: { c: 'é"\\\n' } } } } };
      const saved = await store.appendStep(i.id, step({ request, response: { text: '<html>bad gateway' }, httpStatus: 502, outcome: 'transport_error', error: 'non-JSON body' }));
      const empty = await store.appendStep(i.id, step({ request: {}, response: null, httpStatus: null }));
      const nul = await store.appendStep(i.id, step({ response: { text: 'a\u0000b' }, request: { skip: undefined, keep: 1 } }));
      const [r1, r2, r3] = await store.listSteps(i.id);
      expect(r1).toEqual(saved);
      expect(r1!.request).toEqual(request);
      expect(r1!.response).toEqual({ text: '<html>bad gateway' });
      expect(r2).toEqual(empty);
      expect(r2!.response).toBeNull();
      // jsonb cannot hold U+0000; both stores substitute U+FFFD rather than fail the append.
      expect(r3!.response).toEqual({ text: 'a\ufffdb' });
      expect(r3!.request).toEqual({ keep: 1 });
      expect(r3).toEqual(nul);
    });

    it('keeps a sealed response as the exact text it was given', async () => {
      const i = await store.createInspection({ mode: 'live', environment: 'x' });
      const sealedResponse = `v1.0a1b2c3d.${'A'.repeat(16)}.${'B'.repeat(22)}.${'C_-'.repeat(40)}`;
      const saved = await store.appendStep(i.id, step({ response: { Holder: { Name: 'J•••' } }, sealedResponse }));
      expect(saved.sealedResponse).toBe(sealedResponse);
      const [listed] = await store.listSteps(i.id);
      expect(listed).toEqual(saved);
      expect((await store.appendStep(i.id, step())).sealedResponse).toBeNull();
    });

    it('lists steps recorded before sealing, and reseals them', async () => {
      const i = await store.createInspection({ mode: 'live', environment: 'x' });
      const legacy = await store.appendStep(i.id, step({ endpoint: 'GetAccountsDetail', response: { Accounts: [{ holder: { Name: 'John Doe' } }] } }));
      const sealed = await store.appendStep(i.id, step({ response: { Accounts: [{ Holder: { Name: 'J•••' } }] }, sealedResponse: 'v1.x.y.z.w' }));
      const plain = await store.appendStep(i.id, step());
      const ids = async () => {
        const out: string[] = [];
        for (let after: string | null = null, page; (page = await store.listUnsealedSteps({ after, limit: 2 })).length > 0; after = page.at(-1)!.id) {
          out.push(...page.map((s) => s.id));
        }
        return out;
      };
      const before = await ids();
      expect(before).toContain(legacy.id);
      expect(before).not.toContain(sealed.id);
      expect(before).not.toContain(plain.id);
      expect([...before].sort()).toEqual(before);
      await store.resealStep(legacy.id, { Accounts: [{ holder: { Name: 'J••• D•••' } }] }, 'v1.sealed');
      expect(await ids()).not.toContain(legacy.id);
      const [first] = await store.listSteps(i.id);
      expect(first).toMatchObject({ id: legacy.id, seq: 1, response: { Accounts: [{ holder: { Name: 'J••• D•••' } }] }, sealedResponse: 'v1.sealed' });
    });

    it('lists newest first, unfiltered and filtered', async () => {
      const made = await make(4, { mode: 'live', environment: 'x', institution: scope() });
      const page = await store.listInspections({}, { limit: 4 });
      expect(page.items.map((i) => i.id)).toEqual(made.map((i) => i.id).reverse());
      expect(page.items[0]).toEqual(made[3]);
      expect(page.nextCursor).not.toBeNull();
    });

    it('filters by loginId, requestId, tag, mode and status', async () => {
      const tag = randomUUID();
      const [a, b, c] = await make(3, { mode: 'cached', environment: 'x', tag });
      const d = await store.createInspection({ mode: 'live', environment: 'x', tag });
      await store.updateInspection(a!.id, { loginId: 'login-A', requestId: 'req-A' });
      await store.updateInspection(b!.id, { loginId: 'login-A', status: 'mfa_pending' });
      await store.updateInspection(c!.id, { status: 'failed', flinksCode: 'INVALID_LOGIN' });
      expect(await all({ tag })).toEqual([d.id, c!.id, b!.id, a!.id]);
      expect(await all({ tag, loginId: 'login-A' })).toEqual([b!.id, a!.id]);
      expect(await all({ requestId: 'req-A', tag })).toEqual([a!.id]);
      expect(await all({ tag, mode: 'live' })).toEqual([d.id]);
      expect(await all({ tag, mode: 'cached' })).toEqual([c!.id, b!.id, a!.id]);
      expect(await all({ tag, status: 'mfa_pending' })).toEqual([b!.id]);
      expect(await all({ tag, status: 'authorized' })).toEqual([]);
      expect(await all({ tag: `${tag}-other` })).toEqual([]);
    });

    it('matches Login ID and Tag prefixes literally (% and _ are not wildcards)', async () => {
      const tag = `t${randomUUID().slice(0, 8)}`;
      const a = await store.createInspection({ mode: 'cached', environment: 'x', tag: `${tag}%_a`, loginId: `${tag}-login-1` });
      const b = await store.createInspection({ mode: 'cached', environment: 'x', tag: `${tag}xx_a`, loginId: `${tag}-login-2` });
      const c = await store.createInspection({ mode: 'cached', environment: 'x', tag: `${tag}\\b`, loginId: `${tag}_login` });
      expect(await all({ tagPrefix: tag })).toEqual([c.id, b.id, a.id]);
      expect(await all({ tagPrefix: `${tag}%` })).toEqual([a.id]);
      expect(await all({ tagPrefix: `${tag}%_` })).toEqual([a.id]);
      expect(await all({ tagPrefix: `${tag}_` })).toEqual([]);
      expect(await all({ tagPrefix: `${tag}\\` })).toEqual([c.id]);
      expect(await all({ loginIdPrefix: `${tag}-login` })).toEqual([b.id, a.id]);
      expect(await all({ loginIdPrefix: `${tag}_` })).toEqual([c.id]);
      expect(await all({ loginIdPrefix: `${tag}-login-1` })).toEqual([a.id]);
      expect(await all({ tagPrefix: tag.toUpperCase() })).toEqual([]);
    });

    it('searches any of LoginId, RequestId, Tag and inspection id by prefix, and counts matches', async () => {
      const tag = `s${randomUUID().slice(0, 8)}`;
      const a = await store.createInspection({ mode: 'cached', environment: 'x', tag: `${tag}-a` });
      const b = await store.createInspection({ mode: 'cached', environment: 'x', loginId: `${tag}-login` });
      const c = await store.createInspection({ mode: 'cached', environment: 'x' });
      await store.updateInspection(c.id, { requestId: `${tag}-request` });
      expect(await all({ anyPrefix: tag })).toEqual([c.id, b.id, a.id]);
      expect(await all({ anyPrefix: `${tag}-r` })).toEqual([c.id]);
      expect(await all({ anyPrefix: a.id.slice(0, 13) })).toContain(a.id);
      expect(await all({ anyPrefix: a.id.toUpperCase() })).toEqual([a.id]);
      expect(await store.countInspections({ anyPrefix: tag })).toBe(3);
      expect(await store.countInspections({ anyPrefix: tag, mode: 'live' })).toBe(0);
      expect(await store.countInspections({ tagPrefix: tag })).toBe(1);
    });

    it('gives the last failing step of each inspection', async () => {
      const tag = randomUUID();
      const [a, b, c] = await make(3, { mode: 'live', environment: 'x', tag });
      await store.appendStep(a!.id, step({ outcome: 'flinks_error', flinksCode: 'INVALID_LOGIN', httpStatus: 401 }));
      await store.appendStep(a!.id, step({ outcome: 'transport_error', error: 'Flinks did not answer within 60 s.', httpStatus: null }));
      await store.appendStep(a!.id, step({ outcome: 'ok' }));
      await store.appendStep(b!.id, step({ outcome: 'ok' }));
      await store.appendStep(c!.id, step({ outcome: 'flinks_error', flinksCode: 'DISABLED_LOGIN', httpStatus: 401 }));
      const got = await store.lastFailures([a!.id, b!.id, c!.id, 'not-a-uuid']);
      const byId = new Map(got.map((f) => [f.inspectionId, f]));
      expect(byId.size).toBe(2);
      expect(byId.get(a!.id)).toMatchObject({ outcome: 'transport_error', error: 'Flinks did not answer within 60 s.', flinksCode: null });
      expect(byId.get(c!.id)).toMatchObject({ outcome: 'flinks_error', flinksCode: 'DISABLED_LOGIN', httpStatus: 401 });
      expect(await store.lastFailures([])).toEqual([]);
    });

    it('takes a proposed id, and gives way to a fresh one when it is taken or malformed', async () => {
      const id = randomUUID();
      const first = await store.createInspection({ id, mode: 'live', environment: 'x', tag: 'mine' });
      expect(first.id).toBe(id);
      const second = await store.createInspection({ id, mode: 'cached', environment: 'x', tag: 'theirs' });
      expect(second.id).not.toBe(id);
      expect(await store.getInspection(id)).toMatchObject({ tag: 'mine', mode: 'live' });
      expect((await store.createInspection({ id: 'not-a-uuid', mode: 'live', environment: 'x' })).id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('keeps the response headers of a step, and counts a cancelled step as the last failure', async () => {
      const [a] = await make(1, { mode: 'live', environment: 'x', tag: randomUUID() });
      const headers = { 'retry-after': '30', 'content-type': 'application/json' };
      await store.appendStep(a!.id, step({ outcome: 'flinks_error', flinksCode: 'TOO_MANY_REQUESTS', httpStatus: 401, responseHeaders: headers }));
      await store.appendStep(a!.id, step({ outcome: 'ok' }));
      const settled = await store.settle(a!.id, { step: step({ outcome: 'cancelled', error: 'The request was cancelled.', httpStatus: null, responseHeaders: null }) });
      expect(settled.ok).toBe(true);
      const steps = await store.listSteps(a!.id);
      expect(steps.map((s) => s.responseHeaders ?? null)).toEqual([headers, null, null]);
      expect(steps[2]).toMatchObject({ outcome: 'cancelled', error: 'The request was cancelled.' });
      expect(await store.lastFailures([a!.id])).toEqual([expect.objectContaining({ outcome: 'cancelled', error: 'The request was cancelled.' })]);
    });

    it('records who opened an inspection and filters by their email, ignoring case', async () => {
      const tag = randomUUID();
      const a = await store.createInspection({ mode: 'cached', environment: 'x', tag, openedById: 'u-1', openedByEmail: 'alice@example.test' });
      await store.createInspection({ mode: 'cached', environment: 'x', tag, openedById: 'u-2', openedByEmail: 'bob@example.test' });
      expect((await store.getInspection(a.id))?.openedByEmail).toBe('alice@example.test');
      expect((await store.getInspection(a.id))?.openedById).toBe('u-1');
      expect(await all({ tag, openedBy: 'Alice@Example.test' })).toEqual([a.id]);
      expect(await all({ tag, openedBy: 'carol@example.test' })).toEqual([]);
    });

    it('matches institution ignoring case', async () => {
      const name = scope();
      const a = await store.createInspection({ mode: 'live', environment: 'x', institution: name });
      const b = await store.createInspection({ mode: 'live', environment: 'x', institution: name.toUpperCase() });
      await store.createInspection({ mode: 'live', environment: 'x', institution: `${name} 2` });
      expect(await all({ institution: name.toLowerCase() })).toEqual([b.id, a.id]);
    });

    it('filters by an inclusive createdAt range', async () => {
      const made = await make(5, { mode: 'live', environment: 'x', institution: scope() });
      const institution = made[0]!.institution!;
      const at = made.map((i) => i.createdAt);
      expect(await all({ institution, from: at[1], to: at[3] })).toEqual([made[3]!.id, made[2]!.id, made[1]!.id]);
      expect(await all({ institution, from: at[4] })).toEqual([made[4]!.id]);
      expect(await all({ institution, to: at[0] })).toEqual([made[0]!.id]);
      expect(await all({ institution, from: new Date(at[4]!.getTime() + 1) })).toEqual([]);
    });

    it('pages with a cursor without duplicates or gaps', async () => {
      const made = await make(23, { mode: 'cached', environment: 'x', institution: scope() });
      const institution = made[0]!.institution!;
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await store.listInspections({ institution }, { cursor, limit: 5 });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
        pages += 1;
        if (cursor) expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      } while (cursor && pages < 10);
      expect(pages).toBe(5);
      expect(seen).toEqual(made.map((i) => i.id).reverse());
      // An exact multiple of the page size ends with a null cursor, not an empty extra page.
      const first = await store.listInspections({ institution }, { limit: 20 });
      const second = await store.listInspections({ institution }, { cursor: first.nextCursor, limit: 3 });
      expect(second.items).toHaveLength(3);
      expect(second.nextCursor).toBeNull();
      // A cursor we did not issue is treated as no cursor.
      const bogus = await store.listInspections({ institution }, { cursor: 'garbage!', limit: 2 });
      expect(bogus.items.map((i) => i.id)).toEqual([made[22]!.id, made[21]!.id]);
    });

    it('changes a status only from the statuses given (a lost race is null, not an error)', async () => {
      const i = await store.createInspection({ mode: 'live', environment: 'x' });
      expect(await store.transition(i.id, { from: ['mfa_pending'], patch: { status: 'failed' } })).toBeNull();
      expect(await store.transition(i.id, { from: ['in_progress', 'mfa_pending'], patch: { status: 'authorized', requestId: 'r' } })).toMatchObject({ status: 'authorized', requestId: 'r' });
      expect(await store.transition(i.id, { from: ['in_progress', 'mfa_pending'], patch: { status: 'failed' } })).toBeNull();
      expect(await store.getInspection(i.id)).toMatchObject({ status: 'authorized', statusReason: null });
      expect(await store.transition(randomUUID(), { from: ['in_progress'], patch: { status: 'failed' } })).toBeNull();
    });

    it('settles a step, a status and a continuation together; a lost race keeps only the step', async () => {
      const i = await store.createInspection({ mode: 'live', environment: 'x' });
      const expiresAt = new Date('2030-01-01T00:00:00.000Z');
      const round = { authorizeToken: 'sealed', requestId: 'req', expiresAt, challenges: [{ type: 'QuestionAndAnswer', prompt: 'Q?', iterables: [] }], round: 1 };
      const open = await store.settle(i.id, { step: step(), transition: { from: ['in_progress'], patch: { status: 'mfa_pending', requestId: 'req' } }, continuation: { put: round } });
      expect(open).toMatchObject({ ok: true, inspection: { status: 'mfa_pending', requestId: 'req' } });
      expect(await store.getContinuation(i.id)).toEqual({ inspectionId: i.id, ...round, answeringUntil: null });

      // One answer claims the round; a second cannot until the lease has passed or is given back.
      const now = new Date('2029-01-01T00:00:00.000Z');
      const until = new Date(now.getTime() + 60_000);
      expect(await store.claimAnswer(i.id, now, until)).toMatchObject({ requestId: 'req', answeringUntil: until });
      expect(await store.claimAnswer(i.id, now, until)).toBeNull();
      expect(await store.claimAnswer(i.id, until, new Date(until.getTime() + 1))).not.toBeNull();
      await store.settle(i.id, { continuation: 'release' });
      expect(await store.getContinuation(i.id)).toMatchObject({ answeringUntil: null });
      // A lease that has not passed keeps the sweep off an expired round.
      await store.claimAnswer(i.id, now, new Date(expiresAt.getTime() + 60_000));
      expect(await store.purgeExpiredContinuations(new Date(expiresAt.getTime() + 1))).not.toContain(i.id);
      expect(await store.getInspection(i.id)).toMatchObject({ status: 'mfa_pending' });

      const authorized = await store.settle(i.id, { step: step(), transition: { from: ['mfa_pending'], patch: { status: 'authorized' } }, continuation: 'delete' });
      expect(authorized).toMatchObject({ ok: true, inspection: { status: 'authorized' } });
      expect(await store.getContinuation(i.id)).toBeNull();

      const late = await store.settle(i.id, { step: step({ flinksCode: 'ALREADY_AUTHORIZED' }), transition: { from: ['mfa_pending'], patch: { status: 'failed' } }, continuation: { put: round } });
      expect(late).toMatchObject({ ok: false, reason: 'conflict', inspection: { status: 'authorized' } });
      expect(await store.getContinuation(i.id)).toBeNull();
      expect((await store.listSteps(i.id)).map((s) => s.seq)).toEqual([1, 2, 3]);
      expect(await store.settle(randomUUID(), { step: step() })).toEqual({ ok: false, reason: 'unknown' });
    });

    it('settles earlier steps with the answer, in order, kept on a lost race too; takes a caller-chosen id', async () => {
      const id = randomUUID();
      const i = await store.createInspection({ id, mode: 'cached', environment: 'x' });
      expect(i.id).toBe(id);
      const opened = await store.settle(id, {
        before: [step({ endpoint: 'GenerateAuthorizeToken' })],
        step: step({ endpoint: 'Authorize' }),
        transition: { from: ['in_progress'], patch: { status: 'authorized' } },
      });
      expect(opened).toMatchObject({ ok: true, inspection: { id, status: 'authorized', mode: 'cached' } });
      expect(opened.ok && opened.inspection.createdAt).toBeInstanceOf(Date);
      expect(opened.ok && opened.inspection).toEqual(await store.getInspection(id));
      const late = await store.settle(id, { before: [step({ endpoint: 'A' })], step: step({ endpoint: 'B' }), transition: { from: ['in_progress'], patch: { status: 'failed' } } });
      expect(late).toMatchObject({ ok: false, reason: 'conflict', inspection: { status: 'authorized' } });
      expect((await store.listSteps(id)).map((s) => [s.seq, s.endpoint])).toEqual([[1, 'GenerateAuthorizeToken'], [2, 'Authorize'], [3, 'A'], [4, 'B']]);
    });

    it('writes the caller’s audit event with a settlement, each field in its own column; kept, once, when the race is lost', async () => {
      const event = (n: number, targetId: string): NewAuditEvent => ({
        id: randomUUID(),
        at: new Date(Date.UTC(2029, 1, n, 3, 4, 5, 678)),
        actorType: 'user',
        actorId: `user-${n}`,
        actorEmail: `qa-${n}@example.test`,
        actorRole: 'qa',
        action: 'inspection.open',
        targetType: 'inspection',
        targetId,
        environment: `env-${n}`,
        reason: `ticket-${n}`,
        outcome: 'permitted',
        interface: 'web',
        requestId: `req-${n}`,
        ip: `10.0.0.${n}`,
        userAgent: `agent-${n}`,
        metadata: { mode: 'cached', result: 'authorized', n },
      });
      const i = await store.createInspection({ mode: 'cached', environment: 'x' });
      // With a status change and a step: the drizzle stores' one statement.
      const first = event(1, i.id);
      expect(await store.settle(i.id, { step: step(), transition: { from: ['in_progress'], patch: { status: 'authorized' } }, audit: first })).toMatchObject({ ok: true });
      expect(await auditsOf(store, i.id)).toEqual([first]);
      // Lost: the step and the event are kept, the status stays.
      const second = event(2, i.id);
      expect(await store.settle(i.id, { step: step(), transition: { from: ['in_progress'], patch: { status: 'failed' } }, audit: second })).toMatchObject({ ok: false, reason: 'conflict' });
      // Without a status change: the transaction.
      const third = { ...event(3, i.id), actorId: null, actorEmail: null, actorRole: null, actorType: 'system' as const, interface: 'system' as const, reason: null, metadata: null };
      expect(await store.settle(i.id, { step: step(), audit: third })).toMatchObject({ ok: true });
      expect(await auditsOf(store, i.id)).toEqual([first, second, third]);
      expect((await store.listSteps(i.id)).length).toBe(3);
      expect(await store.getInspection(i.id)).toMatchObject({ status: 'authorized' });
    });

    it('settles of one shape each write their own values (the kept statement holds no earlier call’s)', async () => {
      // Same steps, same changed columns, same round write: the drizzle store runs these through one
      // statement prepared on first use, with every value a placeholder.
      const settleOne = async (n: number) => {
        const i = await store.createInspection({ mode: 'live', environment: 'x' });
        const expiresAt = new Date(Date.UTC(2030, 0, n));
        const round = { authorizeToken: `sealed-${n}`, requestId: `req-${n}`, expiresAt, challenges: [{ type: 'QuestionAndAnswer', prompt: `Q${n}?`, iterables: [] }], round: n };
        const at = new Date(Date.UTC(2029, 5, n));
        const settled = await store.settle(i.id, {
          before: [step({ endpoint: `Token${n}`, durationMs: n, startedAt: at })],
          step: step({ endpoint: `Authorize${n}`, httpStatus: 200 + n, flinksCode: `CODE_${n}`, response: { n }, responseHeaders: { 'x-n': String(n) } }),
          transition: { from: ['in_progress'], patch: { status: 'mfa_pending', requestId: `req-${n}`, flinksCode: `CODE_${n}`, lastActivityAt: at } },
          continuation: { put: round },
        });
        return { i, n, at, round, settled };
      };
      for (const { i, n, at, round, settled } of [await settleOne(1), await settleOne(2), await settleOne(3)]) {
        expect(settled).toMatchObject({ ok: true, inspection: { id: i.id, status: 'mfa_pending', requestId: `req-${n}`, flinksCode: `CODE_${n}`, lastActivityAt: at } });
        expect(await store.getContinuation(i.id)).toEqual({ inspectionId: i.id, ...round, answeringUntil: null });
        const steps = await store.listSteps(i.id);
        expect(steps.map((s) => [s.seq, s.endpoint, s.durationMs, s.startedAt.toISOString()])).toEqual([
          [1, `Token${n}`, n, at.toISOString()],
          [2, `Authorize${n}`, 42, '2025-03-04T05:06:07.089Z'],
        ]);
        expect(steps[1]).toMatchObject({ httpStatus: 200 + n, flinksCode: `CODE_${n}`, response: { n }, responseHeaders: { 'x-n': String(n) } });
      }
    });

    it('sweeps: idle authorized sessions expire, stuck in_progress ones fail with a reason', async () => {
      const tag = `sweep-${randomUUID().slice(0, 8)}`;
      const [idle, active, stuck] = await make(3, { mode: 'live', environment: 'x', tag });
      const t = (iso: string) => new Date(iso);
      await store.transition(idle!.id, { from: ['in_progress'], patch: { status: 'authorized', lastActivityAt: t('2020-01-01T00:00:00.000Z') } });
      await store.transition(active!.id, { from: ['in_progress'], patch: { status: 'authorized', lastActivityAt: t('2999-01-01T00:00:00.000Z') } });
      const expired = await store.expireIdleSessions(t('2020-01-01T00:00:00.000Z'), 'idle');
      expect(expired).toContain(idle!.id);
      expect(expired).not.toContain(active!.id);
      expect(await store.getInspection(idle!.id)).toMatchObject({ status: 'expired', statusReason: 'idle' });
      expect(await store.getInspection(active!.id)).toMatchObject({ status: 'authorized' });
      const failed = await store.failStuckInProgress(new Date(stuck!.createdAt.getTime() + 1), 'stuck');
      expect(failed).toContain(stuck!.id);
      expect(failed).not.toContain(idle!.id);
      expect(await store.getInspection(stuck!.id)).toMatchObject({ status: 'failed', statusReason: 'stuck', flinksCode: null });
      expect(await all({ tag, status: 'expired' })).toEqual([idle!.id]);
    });

    it('a new round replaces one being answered afresh: its own values, nobody answering it', async () => {
      const i = await store.createInspection({ mode: 'live', environment: 'x' });
      const now = new Date('2029-01-01T00:00:00.000Z');
      const claimed = async () => expect(await store.claimAnswer(i.id, now, new Date(now.getTime() + 60_000))).not.toBeNull();
      const round = (n: number) => ({ authorizeToken: `sealed-${n}`, requestId: `req-${n}`, expiresAt: new Date(Date.UTC(2030, 0, n)), challenges: [{ type: 'QuestionAndAnswer', prompt: `Q${n}?`, iterables: [] }], round: n });
      await store.settle(i.id, { step: step(), transition: { from: ['in_progress'], patch: { status: 'mfa_pending' } }, continuation: { put: round(1) } });
      await claimed();
      // With a status change and a step: settle's one statement.
      await store.settle(i.id, { step: step(), transition: { from: ['mfa_pending'], patch: { status: 'mfa_pending' } }, continuation: { put: round(2) } });
      expect(await store.getContinuation(i.id)).toEqual({ inspectionId: i.id, ...round(2), answeringUntil: null });
      await claimed();
      // Without a status change: settle's transaction.
      await store.settle(i.id, { step: step(), continuation: { put: round(3) } });
      expect(await store.getContinuation(i.id)).toEqual({ inspectionId: i.id, ...round(3), answeringUntil: null });
      await claimed();
      await store.putContinuation({ inspectionId: i.id, ...round(4) });
      expect(await store.getContinuation(i.id)).toEqual({ inspectionId: i.id, ...round(4), answeringUntil: null });
    });

    it('stores, replaces, deletes and purges MFA continuations', async () => {
      const [a, b, c] = await make(3, { mode: 'live', environment: 'x' });
      const now = new Date('2025-06-01T12:00:00.000Z');
      const later = new Date(now.getTime() + 8 * 60_000);
      await store.putContinuation({ inspectionId: a!.id, authorizeToken: 'tok-1', requestId: 'r-1', expiresAt: later });
      await store.putContinuation({ inspectionId: a!.id, authorizeToken: 'tok-2', requestId: 'r-2', expiresAt: later });
      expect(await store.getContinuation(a!.id)).toEqual({ inspectionId: a!.id, authorizeToken: 'tok-2', requestId: 'r-2', expiresAt: later, challenges: null, round: 1, answeringUntil: null });
      await store.putContinuation({ inspectionId: b!.id, authorizeToken: 't', requestId: 'r', expiresAt: new Date(now.getTime() - 1) });
      await store.putContinuation({ inspectionId: c!.id, authorizeToken: 't', requestId: 'r', expiresAt: now });
      expect((await store.purgeExpiredContinuations(now)).sort()).toEqual([b!.id, c!.id].sort());
      expect(await store.getContinuation(b!.id)).toBeNull();
      expect(await store.getContinuation(a!.id)).not.toBeNull();
      await store.deleteContinuation(a!.id);
      await store.deleteContinuation(a!.id);
      expect(await store.getContinuation(a!.id)).toBeNull();
      expect(await store.purgeExpiredContinuations(later)).toEqual([]);
      await expect(store.putContinuation({ inspectionId: randomUUID(), authorizeToken: 't', requestId: 'r', expiresAt: later })).rejects.toThrow();
    });
  });
}
