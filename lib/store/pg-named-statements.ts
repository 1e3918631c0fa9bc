import type { PoolClient } from 'pg';

/** How many statement texts get a name (texts past it, such as long `in (…)` lists, stay unnamed). */
const NAMED_TEXTS = 1_000;

type QueryConfig = { text: string; name?: string };

/**
 * Names the statements drizzle sends to PostgreSQL, so each connection parses and plans a text
 * once and then only binds and executes it (issue 10: settle's CTE, the inspection INSERT and the
 * reads were parsed and planned afresh on every use; drizzle names only what is .prepare()d). A
 * text is named on its second use with parameters, so one-off statements (migrations) and the
 * parameterless BEGIN/COMMIT keep the simple protocol. node-postgres remembers per connection
 * what it has parsed and sends Parse on a connection that has not seen the name yet.
 *
 * Like drizzle's own .prepare(), named statements need a direct connection or a pooler that keeps
 * them (PgBouncer 1.21+ with max_prepared_statements), which README's deployment notes say.
 */
export function nameRepeatedStatements(): (client: PoolClient) => void {
  const seen = new Map<string, number>();
  const names = new Map<string, string>();
  const nameFor = (text: string): string | undefined => {
    const known = names.get(text);
    if (known) return known;
    const uses = (seen.get(text) ?? 0) + 1;
    if (uses < 2) {
      if (seen.size < NAMED_TEXTS) seen.set(text, uses);
      return undefined;
    }
    if (names.size >= NAMED_TEXTS) return undefined;
    const name = `inspector_${names.size}`;
    names.set(text, name);
    seen.delete(text);
    return name;
  };
  return (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      const [config, values] = args;
      if (isUnnamed(config) && Array.isArray(values) && values.length > 0) {
        const name = nameFor(config.text);
        if (name) return query({ ...config, name }, ...args.slice(1));
      }
      return query(...args);
    };
  };
}

function isUnnamed(config: unknown): config is QueryConfig {
  return typeof config === 'object' && config !== null && typeof (config as QueryConfig).text === 'string' && !(config as QueryConfig).name;
}
