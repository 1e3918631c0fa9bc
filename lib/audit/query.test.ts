import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/store/open-database';
import { auditEvents } from '@/lib/store/schema-audit';
import { databaseLegs } from '@/test/database-legs';
import { iterateAuditEvents, listAuditEvents, type AuditFilter } from './query';
import type { AuditAction } from './types';

/**
 * The audit query on each database. One database per leg for the whole file; rows are spaced one
 * second apart from a fixed start, and two share an instant so the id tie-break is exercised.
 */

const T0 = Date.UTC(2026, 0, 21, 9, 0, 0);
const at = (s: number) => new Date(T0 + s * 1000);

type Seed = { s: number; email: string | null; action: AuditAction; target?: string; system?: boolean };
const SEEDS: Seed[] = [
  { s: 0, email: 'alice@example.test', action: 'auth.sign_in' },
  { s: 1, email: 'alice@example.test', action: 'inspection.open', target: 'login-1' },
  { s: 2, email: 'Bob@Example.test', action: 'pii.reveal', target: 'login-1' },
  { s: 3, email: 'bob@example.test', action: 'statement.download', target: 'login-2' },
  { s: 4, email: 'al_ice@example.test', action: 'auth.sign_in' },
  { s: 5, email: null, action: 'inspection.open', target: 'login-2', system: true },
  { s: 6, email: 'carol@example.test', action: 'access.denied', target: '/audit' },
  { s: 6, email: 'carol@example.test', action: 'access.denied', target: '/audit' },
  { s: 7, email: 'alice@example.test', action: 'auth.sign_out' },
];

for (const leg of databaseLegs()) {
  describe(`audit query: ${leg.name}`, () => {
    let database: OpenDatabase;
    beforeAll(async () => {
      database = await leg.open();
      await database.db.insert(auditEvents).values(
        SEEDS.map((r) => ({
          id: randomUUID(),
          at: at(r.s),
          actorType: r.system ? ('system' as const) : ('user' as const),
          actorEmail: r.email,
          actorRole: r.system ? null : 'admin',
          action: r.action,
          targetType: r.target ? 'login' : null,
          targetId: r.target ?? null,
          outcome: r.action === 'access.denied' ? ('denied' as const) : ('permitted' as const),
          interface: r.system ? ('system' as const) : ('web' as const),
          metadata: { seed: r.s },
        })),
      );
    }, 60_000);
    afterAll(async () => {
      await database?.close();
      await leg.dispose();
    });

    const seconds = async (filter: AuditFilter) =>
      (await listAuditEvents(database.db, filter, { limit: 100 })).items.map((e) => (e.at.getTime() - T0) / 1000);

    it('lists newest first, ties broken by id descending', async () => {
      const { items, nextCursor } = await listAuditEvents(database.db, {}, { limit: 100 });
      expect(items.map((e) => (e.at.getTime() - T0) / 1000)).toEqual([7, 6, 6, 5, 4, 3, 2, 1, 0]);
      expect(items[1]!.id > items[2]!.id).toBe(true);
      expect(nextCursor).toBeNull();
      expect(items[0]).toMatchObject({ action: 'auth.sign_out', outcome: 'permitted', interface: 'web', metadata: { seed: 7 } });
    });

    it('matches the actor by email prefix, in any case, with LIKE wildcards taken literally', async () => {
      expect(await seconds({ actor: 'bob@example.test' })).toEqual([3, 2]);
      expect(await seconds({ actor: 'BOB' })).toEqual([3, 2]);
      expect(await seconds({ actor: 'alice@' })).toEqual([7, 1, 0]);
      expect(await seconds({ actor: 'al_' })).toEqual([4]);
      expect(await seconds({ actor: '%' })).toEqual([]);
    });

    it('filters by action, exact target and inclusive time bounds, combined', async () => {
      expect(await seconds({ action: 'inspection.open' })).toEqual([5, 1]);
      expect(await seconds({ target: 'login-1' })).toEqual([2, 1]);
      expect(await seconds({ target: 'login' })).toEqual([]);
      expect(await seconds({ from: at(2), to: at(4) })).toEqual([4, 3, 2]);
      expect(await seconds({ actor: 'alice', action: 'inspection.open', target: 'login-1', from: at(1), to: at(1) })).toEqual([1]);
    });

    it('pages with a cursor without gaps or repeats, even across rows sharing an instant', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: Awaited<ReturnType<typeof listAuditEvents>> = await listAuditEvents(database.db, {}, { cursor, limit: 2 });
        seen.push(...page.items.map((e) => e.id));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      const all = (await listAuditEvents(database.db, {}, { limit: 100 })).items.map((e) => e.id);
      expect(seen).toEqual(all);
      expect(pages).toBe(5);
    });

    it('treats a cursor it did not issue as the first page', async () => {
      const page = await listAuditEvents(database.db, {}, { cursor: 'not-a-cursor', limit: 3 });
      expect(page.items.map((e) => (e.at.getTime() - T0) / 1000)).toEqual([7, 6, 6]);
    });

    it('iterates every matching row across pages, for the export', async () => {
      const rows: number[] = [];
      for await (const e of iterateAuditEvents(database.db, { actor: 'alice' }, 1)) rows.push((e.at.getTime() - T0) / 1000);
      expect(rows).toEqual([7, 1, 0]);
      const everything: string[] = [];
      for await (const e of iterateAuditEvents(database.db, {}, 4)) everything.push(e.id);
      expect(everything).toHaveLength(SEEDS.length);
    });
  });
}
