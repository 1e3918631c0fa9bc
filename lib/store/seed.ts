import { sql } from 'drizzle-orm';
import type { OpenDatabase } from './open-database';

/**
 * A synthetic history for scale work (scripts/seed-history.ts, scripts/bench-history.ts).
 * Postgres generates the rows itself — one statement per batch inserts the inspections and, via
 * a data-modifying CTE, their steps — so nothing crosses the driver but the batch bounds.
 * Row i is deterministic (seedValues) so a benchmark can aim at values that exist.
 */

/** environment of seeded rows: lets the seeder resume and never confuses them with real ones. */
export const SEED_MARK = 'seed';
export const SEED_STEPS = 10;
export const SEED_INSTITUTIONS = [
  'FlinksCapital', 'RBC Royal Bank', 'TD Canada Trust', 'BMO', 'Scotiabank', 'CIBC',
  'Desjardins', 'National Bank', 'Tangerine', 'Simplii', 'Laurentian Bank', 'ATB Financial',
] as const;
/** Newest seeded row; row i is i * SEED_SPACING_MS older (100k rows span about 180 days). */
export const SEED_NEWEST = new Date('2026-01-01T00:00:00.000Z');
export const SEED_SPACING_MS = 155_520;
export const SEED_TAGS = 2_000;

/** The lookup keys of seeded row i, as the SQL below computes them. */
export function seedValues(i: number) {
  return { loginId: `login-${i}`, requestId: `request-${i}`, tag: `tag-${i % SEED_TAGS}` };
}

const ENDPOINTS = ['Authorize', 'Authorize', 'GetAccountsSummary', 'GetAccountsDetail', 'GetAccountsDetail',
  'GetAccountsDetailAsync', 'GetAccountsDetailAsync', 'GetStatements', 'GetAccountsSummary', 'DeleteCard'];

export function seedBatch(lo: number, hi: number) {
  const institutions = sql.raw(`array[${SEED_INSTITUTIONS.map((n) => `'${n}'`).join(',')}]`);
  const endpoints = sql.raw(`array[${ENDPOINTS.map((n) => `'${n}'`).join(',')}]`);
  // hashint4 scatters the attributes so institution, mode and status are independent of each other.
  return sql`
    with src as (
      select i, ${SEED_NEWEST.toISOString()}::timestamptz - (i::bigint * ${SEED_SPACING_MS}) * interval '1 millisecond' as at
      from generate_series(${lo}::int, ${hi}::int) as i
    ), ins as (
      insert into inspections (id, created_at, updated_at, last_activity_at, mode, environment, institution,
        username, login_id, request_id, tag, language, status, flinks_code, parent_id, step_count)
      select gen_random_uuid(), at, at + interval '40 seconds', at + interval '35 seconds',
        case when abs(hashint4(i * 31)) % 3 = 0 then 'live' else 'cached' end,
        ${SEED_MARK},
        (${institutions})[1 + abs(hashint4(i)) % ${SEED_INSTITUTIONS.length}],
        'user' || (i % 5000), 'login-' || i, 'request-' || i, 'tag-' || (i % ${SEED_TAGS}), 'en',
        (array['authorized','authorized','authorized','failed','mfa_pending','in_progress'])[1 + abs(hashint4(i * 7)) % 6],
        null, null, ${SEED_STEPS}
      from src
      returning id, created_at, request_id
    )
    insert into steps (id, inspection_id, seq, endpoint, method, url, started_at, duration_ms, http_status,
      flinks_code, outcome, request, response, error)
    select gen_random_uuid(), ins.id, s, (${endpoints})[s], 'POST',
      'https://toolbox-api.private.fin.ag/v3/43387ca6-0391-4c82-857d-70d95f087ecb/BankingServices/' || (${endpoints})[s],
      ins.created_at + s * interval '3 seconds', 80 + (s * 97) % 900, 200, null, 'ok',
      jsonb_build_object('headers', jsonb_build_object('content-type', 'application/json'),
        'body', jsonb_build_object('RequestId', ins.request_id, 'MostRecentCached', true)),
      jsonb_build_object('HttpStatusCode', 200, 'RequestId', ins.request_id,
        'Accounts', jsonb_build_array(jsonb_build_object('Id', ins.id, 'Title', 'Chequing',
          'Balance', jsonb_build_object('Available', 1234.56, 'Current', 1234.56)))),
      null
    from ins cross join generate_series(1, ${SEED_STEPS}) as s`;
}

/** How many seeded inspections the database holds. */
export async function seededCount(open: OpenDatabase): Promise<number> {
  const [row] = await open.rows<{ n: number | string }>(
    sql`select count(*)::int as n from inspections where environment = ${SEED_MARK}`,
  );
  return Number(row?.n ?? 0);
}

/** Seeds up to `target` inspections, resuming after the ones already there. */
export async function seedHistory(open: OpenDatabase, target: number, log: (line: string) => void) {
  const have = await seededCount(open);
  if (have >= target) return { added: 0, seconds: 0 };
  const started = Date.now();
  const batch = 5_000;
  for (let lo = have + 1; lo <= target; lo += batch) {
    const hi = Math.min(lo + batch - 1, target);
    await open.db.execute(seedBatch(lo, hi));
    log(`${hi}/${target} inspections, ${hi * SEED_STEPS} steps, ${((Date.now() - started) / 1000).toFixed(1)}s`);
  }
  // Fresh statistics, or the planner guesses on tables that just grew from nothing.
  await open.db.execute(sql`analyze inspections`);
  await open.db.execute(sql`analyze steps`);
  return { added: target - have, seconds: (Date.now() - started) / 1000 };
}
