import { sql } from 'drizzle-orm';
import { testKeyring } from '@/lib/crypto/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlinksClient } from '@/lib/flinks/client';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { DrizzleStore } from '@/lib/store/drizzle-store';
import { openDatabase, type OpenDatabase } from '@/lib/store/open-database';
import { answerMfa } from './answer-mfa';
import { followLink } from './follow-link';
import { parseAuthorizeForm } from './form-schema';
import { pollAccountsDetail } from './poll-accounts-detail';
import { startInspection } from './start-inspection';

/**
 * "Secrets stay secret" against a real database: a live MFA session with a wrong answer, a right
 * one and every Link followed, with sentinel keys; then every row of every table is read back
 * and searched for the secret key, the API key, each authorize token issued, the password and
 * each MFA answer given.
 */
const SECRET = 'sentinel-secret-4c1d9e77';
const API_KEY = 'sentinel-apikey-93b2f0aa';
const PASSWORD = 'Everyday';
const ANSWERS: Record<string, string> = {
  'What city were you born in?': 'Montreal',
  'What is the best country on earth?': 'Canada',
  'What shape do people like most?': 'Triangle',
};

let srv: SimulatorServer;
let database: OpenDatabase;
const issuedTokens: string[] = [];

beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'no-secrets', secretKey: SECRET, apiKeys: [API_KEY], asyncPolls: 1 });
  database = await openDatabase({ kind: 'pglite' });
  // PGlite's first open takes seconds, more on 2 cores beside the other PGlite suites.
}, 60_000);
afterAll(async () => {
  await database.close();
  await srv.close();
});

async function allRowsAsText(): Promise<string> {
  const tables = await database.rows<{ table_name: string }>(
    sql`select table_name from information_schema.tables where table_schema = 'public'`,
  );
  expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['inspections', 'steps']));
  const dumps = await Promise.all(tables.map((t) => database.rows(sql`select * from ${sql.identifier(t.table_name)}`)));
  return JSON.stringify(dumps);
}

describe('what the store keeps', () => {
  it('holds no key, token, password or MFA answer once a session is done', async () => {
    const store = new DrizzleStore(database.db, async () => {}, {});
    const base = createFlinksClient({ baseUrl: srv.baseUrl, customerId: srv.credentials.customerId, secretKey: SECRET, apiKey: API_KEY, timeoutMs: 5000 });
    // Remember every token the client is given, to look for it afterwards.
    const client = {
      ...base,
      async generateAuthorizeToken() {
        const r = await base.generateAuthorizeToken();
        if (r.kind === 'ok') issuedTokens.push(r.token);
        return r;
      },
    };
    const deps = { client, store, environment: 'simulator' as const, now: () => new Date(), keyring: testKeyring() };
    const parsed = parseAuthorizeForm({ mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: PASSWORD, language: 'en', save: true, tag: 'no-secrets' });
    if (!parsed.ok) throw new Error('form');

    const first = await startInspection(parsed.input, deps);
    if (first.kind !== 'mfa') throw new Error(first.kind);
    const wrong = await answerMfa({ inspectionId: first.inspectionId, responses: { [first.challenges[0]!.prompt]: ['Atlantis'] } }, deps);
    if (wrong.kind !== 'mfa') throw new Error(wrong.kind);
    const prompt = wrong.challenges[0]!.prompt;
    const done = await answerMfa({ inspectionId: first.inspectionId, responses: { [prompt]: [ANSWERS[prompt]!] } }, deps);
    expect(done.kind).toBe('authorized');

    expect((await followLink(deps, first.inspectionId, 'summary')).kind).toBe('accounts');
    expect((await followLink(deps, first.inspectionId, 'detail')).kind).toBe('pending');
    expect((await pollAccountsDetail(deps, first.inspectionId)).kind).toBe('pending');
    expect((await pollAccountsDetail(deps, first.inspectionId)).kind).toBe('accounts');
    expect((await followLink(deps, first.inspectionId, 'statements')).kind).toBe('statements');

    const steps = await store.listSteps(first.inspectionId);
    expect(steps.length).toBeGreaterThanOrEqual(9);
    expect(issuedTokens).toHaveLength(1);

    const everything = await allRowsAsText();
    // Answers are searched as stored values (`["Canada"]`): the fixtures' merchants include "Bell Canada".
    const answers = ['Atlantis', ANSWERS[prompt]!].map((a) => JSON.stringify([a]));
    const found = [SECRET, API_KEY, ...issuedTokens, JSON.stringify(PASSWORD), 'Atlantis', ...answers].filter((s) => everything.includes(s));
    expect(found).toEqual([]);
    // The evidence is still there: the prompts and the placeholders.
    expect(everything).toContain(prompt);
    expect(everything).toContain('$FLINKS_AUTHORIZE_TOKEN');
    expect(everything).toContain('$PASSWORD');
  });
});
