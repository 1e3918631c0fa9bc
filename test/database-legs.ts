import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type OpenDatabase } from '@/lib/store/open-database';

/**
 * The databases a suite runs against: an in-memory PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set (always, under `npm run test:unit`). Each PostgreSQL leg gets its own
 * throwaway database, as in lib/store/store.test.ts, so parallel files and leftovers cannot meet.
 */
export type DatabaseLeg = {
  name: string;
  open(): Promise<OpenDatabase>;
  dispose(): Promise<void>;
  /** PostgreSQL only: the leg's database, for a second pool (a second instance) after open(). */
  url?: string;
};

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export function databaseLegs(): DatabaseLeg[] {
  const legs: DatabaseLeg[] = [
    { name: 'pglite', open: () => openDatabase({ kind: 'pglite' }), dispose: async () => {} },
  ];
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const dbName = `inspector_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const url = new URL(adminUrl);
    url.pathname = `/${dbName}`;
    legs.push({
      name: 'postgres',
      url: url.toString(),
      open: async () => {
        await withAdmin(adminUrl, (c) => c.query(`create database ${dbName}`));
        return openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 2 });
      },
      dispose: () => withAdmin(adminUrl, (c) => c.query(`drop database if exists ${dbName} with (force)`)).then(() => {}),
    });
  }
  return legs;
}
