import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseLegs } from '@/test/database-legs';

// The PostgreSQL leg only (TEST_DATABASE_URL, always set under `npm run test:unit`): what
// open-database.ts does to node-postgres's connections (pg-named-statements.ts).
const leg = databaseLegs().find((l) => l.name === 'postgres');

describe.runIf(leg)('PostgreSQL statements used again', () => {
  afterAll(async () => leg?.dispose());

  it('are prepared once per connection under a name, answer as before, and one-off or parameterless ones are not', async () => {
    const database = await leg!.open();
    try {
      const twice = (n: number) => sql`select ${n}::int * 2 as twice, ${`n${n}`}::text as label`;
      const answers = [];
      // More uses than connections (the pool has 2): each connection prepares the text for itself.
      for (let n = 0; n < 6; n += 1) answers.push(await database.rows<{ twice: number; label: string }>(twice(n)));
      expect(answers).toEqual(Array.from({ length: 6 }, (_, n) => [{ twice: n * 2, label: `n${n}` }]));
      for (let n = 0; n < 3; n += 1) await database.rows(sql`select 41 + 1 as plain`);
      await database.rows(sql`select ${'once'}::text as only_once`);
      const prepared = await Promise.all(
        [0, 1].map(async () => database.rows<{ statement: string }>(sql`select statement from pg_prepared_statements where ${'x'}::text is not null`)),
      );
      const statements = prepared.flat().map((r) => r.statement);
      expect(statements).toContain('select $1::int * 2 as twice, $2::text as label');
      expect(statements.some((s) => s.includes('41 + 1'))).toBe(false);
      expect(statements.some((s) => s.includes('only_once'))).toBe(false);
      // An error in a named statement is the caller's, and the connection goes on serving it.
      const bad = (v: string) => sql`select ${v}::int as n`;
      await database.rows(bad('1'));
      await expect(database.rows(bad('not a number'))).rejects.toThrow();
      expect(await database.rows(bad('7'))).toEqual([{ n: 7 }]);
    } finally {
      await database.close();
    }
  });
});
