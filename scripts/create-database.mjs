// node scripts/create-database.mjs <admin postgres URL> <name>: creates the database unless it exists
// (e2e's two-instance project gives each run a fresh one).
import pg from 'pg';

const [adminUrl, name] = process.argv.slice(2);
if (!adminUrl || !name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: create-database.mjs <admin url> <name: a-z 0-9 _>');
  process.exit(2);
}
const client = new pg.Client({ connectionString: adminUrl });
await client.connect();
const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
if (!rowCount) await client.query(`create database ${name}`);
await client.end();
