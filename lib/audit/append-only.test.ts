import { randomUUID } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '@/lib/store/open-database';
import { auditEvents } from '@/lib/store/schema-audit';
import { databaseLegs } from '@/test/database-legs';

/**
 * The trail's promise is made by the database (drizzle/0002_audit_append_only.sql), not by our
 * code, so it is tested against the database: after the migrations, a row goes in, and nothing
 * (drizzle or raw SQL) can change or remove it. Without the triggers every `rejects` below fails.
 */

const row = (id = randomUUID()) => ({
  id,
  at: new Date(),
  actorType: 'user' as const,
  actorEmail: 'tamper@example.test',
  action: 'pii.reveal',
  outcome: 'permitted' as const,
  interface: 'web' as const,
});

/**
 * What the database said, whatever wraps it: drizzle reports "Failed query: …" and keeps the
 * driver's error as `cause`. The trigger's message and SQLSTATE (insufficient_privilege) are what
 * tell its refusal apart from any other failure.
 */
async function refusal(attempt: Promise<unknown>): Promise<{ message: string; code: unknown }> {
  try {
    await attempt;
  } catch (error) {
    let e: unknown = error;
    while (e instanceof Error && e.cause instanceof Error) e = e.cause;
    return { message: e instanceof Error ? e.message : String(e), code: (e as { code?: unknown }).code };
  }
  throw new Error('the statement went through: audit_events is not append-only');
}

const REFUSED = { message: expect.stringMatching(/audit_events is append-only: (UPDATE|DELETE|TRUNCATE) refused/), code: '42501' };

for (const leg of databaseLegs()) {
  describe(`audit_events is append-only: ${leg.name}`, () => {
    let database: OpenDatabase;
    const id = randomUUID();
    beforeAll(async () => {
      database = await leg.open();
    }, 60_000);
    afterAll(async () => {
      await database?.close();
      await leg.dispose();
    });

    const count = async () => (await database.db.select({ id: auditEvents.id }).from(auditEvents).where(eq(auditEvents.id, id))).length;

    it('accepts an INSERT', async () => {
      await database.db.insert(auditEvents).values(row(id));
      expect(await count()).toBe(1);
    });

    it('refuses an UPDATE of a recorded row', async () => {
      expect(await refusal(database.db.update(auditEvents).set({ outcome: 'denied' }).where(eq(auditEvents.id, id)))).toEqual(REFUSED);
      expect(await refusal(database.db.execute(sql`update audit_events set actor_email = 'someone@else.test'`))).toEqual(REFUSED);
      const [kept] = await database.db.select().from(auditEvents).where(eq(auditEvents.id, id));
      expect(kept).toMatchObject({ outcome: 'permitted', actorEmail: 'tamper@example.test' });
    });

    it('refuses a DELETE of a recorded row', async () => {
      expect(await refusal(database.db.delete(auditEvents).where(eq(auditEvents.id, id)))).toEqual(REFUSED);
      expect(await refusal(database.db.execute(sql`delete from audit_events`))).toEqual(REFUSED);
      expect(await count()).toBe(1);
    });

    it('refuses a TRUNCATE', async () => {
      expect(await refusal(database.db.execute(sql`truncate audit_events`))).toEqual(REFUSED);
      expect(await count()).toBe(1);
    });

    it('still accepts INSERTs after the refusals', async () => {
      await database.db.insert(auditEvents).values(row());
      expect(await count()).toBe(1);
    });
  });
}

if (!process.env.TEST_DATABASE_URL) {
  describe('audit_events is append-only: postgres', () => {
    it.skip('skipped: TEST_DATABASE_URL is not set (npm run test:unit sets it)', () => {});
  });
}
