/**
 * Fills a database with a synthetic history for scale work: N inspections, 10 steps each.
 *
 *   npm run seed:history -- --postgres postgres://postgres@127.0.0.1:54329/inspector_bench
 *   npm run seed:history -- --pglite .data/bench-pglite --inspections 100000
 *
 * Resumable: rerunning continues after the seeded rows already there. See lib/store/seed.ts.
 */
import { openDatabase, type DatabaseConfig } from '../lib/store/open-database';
import { seedHistory } from '../lib/store/seed';

function parseArgs(argv: string[]): { db: DatabaseConfig; inspections: number } {
  const get = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const postgres = get('--postgres');
  const inspections = Number(get('--inspections') ?? 100_000);
  if (!Number.isInteger(inspections) || inspections < 1) throw new Error('--inspections must be a positive integer');
  const db: DatabaseConfig = postgres
    ? { kind: 'postgres', url: postgres }
    : { kind: 'pglite', dataDir: get('--pglite') ?? '.data/bench-pglite' };
  return { db, inspections };
}

const { db, inspections } = parseArgs(process.argv.slice(2));
const label = db.kind === 'pglite' ? `pglite ${db.dataDir}` : 'postgres';
const open = await openDatabase(db);
try {
  const { added, seconds } = await seedHistory(open, inspections, (line) => process.stdout.write(`\r${label}: ${line}`));
  process.stdout.write('\n');
  console.log(added ? `${label}: added ${added} inspections in ${seconds.toFixed(1)}s` : `${label}: already seeded`);
} finally {
  await open.close();
}
