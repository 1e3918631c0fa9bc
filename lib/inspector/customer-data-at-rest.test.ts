import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testKeyring } from '@/lib/crypto/testing';
import { createFlinksClient } from '@/lib/flinks/client';
import { HOLDERS } from '@/lib/simulator/fixtures/holders';
import { startSimulatorServer, type SimulatorServer } from '@/lib/simulator/testing/serve';
import { DrizzleStore } from '@/lib/store/drizzle-store';
import { openDatabase, type DatabaseConfig, type OpenDatabase } from '@/lib/store/open-database';
import { answerMfa } from './answer-mfa';
import { buildCurl } from './copy-as-curl';
import type { InspectorDeps } from './deps';
import { followLink } from './follow-link';
import { parseAuthorizeForm } from './form-schema';
import { pollAccountsDetail } from './poll-accounts-detail';
import { revealHolderData } from './reveal-holder-data';
import { startInspection } from './start-inspection';
import { buildSupportBundle } from './support-bundle';

/**
 * "Customer data protected at rest" against real databases (PGlite, and PostgreSQL when
 * TEST_DATABASE_URL is set): a live MFA session (wrong answer, then the right one) and a cached one
 * follow every Link; then every row of every table is read back as text and searched for what
 * identifies the holder (the simulator's fixture holders, the full account and transit numbers it
 * sent), the authorize tokens, the keys (Flinks' and the data key), the password and the answers.
 * The reveal use case must still give the clear values back.
 */
const SECRET = 'sentinel-secret-7f3a0c55';
const API_KEY = 'sentinel-apikey-1e9b6d42';
const PASSWORD = 'Everyday';
const SAMPLE = '5e115eac-1209-4f19-641c-08d6d484e2fe';
const ANSWERS: Record<string, string> = {
  'What city were you born in?': 'Montreal',
  'What is the best country on earth?': 'Canada',
  'What shape do people like most?': 'Triangle',
};

const HOLDER_SENTINELS = HOLDERS.flatMap((h) => [h.Name!, h.Email!, h.PhoneNumber!, h.Address!.CivicAddress!, h.Address!.PostalCode!]);

let srv: SimulatorServer;
beforeAll(async () => {
  srv = await startSimulatorServer({ seed: 'pii-at-rest', secretKey: SECRET, apiKeys: [API_KEY], asyncPolls: 1 });
});
afterAll(() => srv.close());

const adminUrl = process.env.TEST_DATABASE_URL;
const pgDb = `inspector_pii_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
const pgUrl = adminUrl ? Object.assign(new URL(adminUrl), { pathname: `/${pgDb}` }).toString() : '';
const admin = async (query: string) => {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
};

const backends: { name: string; config: () => Promise<DatabaseConfig> }[] = [
  { name: 'pglite', config: async () => ({ kind: 'pglite' }) },
  ...(adminUrl
    ? [{ name: 'postgres', config: async (): Promise<DatabaseConfig> => (await admin(`create database ${pgDb}`), { kind: 'postgres', url: pgUrl }) }]
    : []),
];
afterAll(async () => {
  if (adminUrl) await admin(`drop database if exists ${pgDb} with (force)`);
});

describe.each(backends)('customer data at rest: $name', ({ config }) => {
  let database: OpenDatabase;
  let deps: InspectorDeps;
  const issuedTokens: string[] = [];
  const accountNumbers = new Set<string>();
  const transitNumbers = new Set<string>();
  const holderNamesSent = new Set<string>();

  beforeAll(async () => {
    database = await openDatabase(await config());
    const base = createFlinksClient({ baseUrl: srv.baseUrl, customerId: srv.credentials.customerId, secretKey: SECRET, apiKey: API_KEY, timeoutMs: 5000 });
    // Remember every token and every account the simulator sends, to look for them afterwards.
    const remember = <R extends { kind: string; data?: unknown }>(r: R): R => {
      if (r.kind === 'ok') {
        for (const a of (r.data as { Accounts?: { AccountNumber?: string | null; TransitNumber?: string | null; Holder?: { Name?: string | null } | null }[] }).Accounts ?? []) {
          if (a.AccountNumber) accountNumbers.add(a.AccountNumber);
          if (a.TransitNumber) transitNumbers.add(a.TransitNumber);
          if (a.Holder?.Name) holderNamesSent.add(a.Holder.Name);
        }
      }
      return r;
    };
    const client = {
      ...base,
      async generateAuthorizeToken() {
        const r = await base.generateAuthorizeToken();
        if (r.kind === 'ok') issuedTokens.push(r.token);
        return r;
      },
      getAccountsSummary: async (...a: Parameters<typeof base.getAccountsSummary>) => remember(await base.getAccountsSummary(...a)),
      getAccountsDetail: async (...a: Parameters<typeof base.getAccountsDetail>) => remember(await base.getAccountsDetail(...a)),
      getAccountsDetailAsync: async (...a: Parameters<typeof base.getAccountsDetailAsync>) => remember(await base.getAccountsDetailAsync(...a)),
    };
    deps = { client, store: new DrizzleStore(database.db, async () => {}, {}), environment: 'simulator', now: () => new Date(), keyring: testKeyring() };
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  async function followEverything(id: string) {
    expect((await followLink(deps, id, 'summary')).kind).toBe('accounts');
    expect((await followLink(deps, id, 'detail')).kind).toBe('pending');
    expect((await pollAccountsDetail(deps, id)).kind).toBe('pending');
    const detail = await pollAccountsDetail(deps, id);
    expect(detail.kind).toBe('accounts');
    expect((await followLink(deps, id, 'statements')).kind).toBe('statements');
    return detail;
  }

  async function allRowsAsText(): Promise<string> {
    const tables = await database.rows<{ table_schema: string; table_name: string }>(
      sql`select table_schema, table_name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema') and table_type = 'BASE TABLE'`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(expect.arrayContaining(['inspections', 'steps', 'mfa_continuations']));
    const dumps = await Promise.all(tables.map((t) => database.rows(sql`select * from ${sql.identifier(t.table_schema)}.${sql.identifier(t.table_name)}`)));
    return JSON.stringify(dumps);
  }

  it('keeps no holder data, token, key, password or answer in clear, and reveals the holder on request', async () => {
    const form = (p: Record<string, unknown>) => {
      const parsed = parseAuthorizeForm(p);
      if (!parsed.ok) throw new Error('form');
      return parsed.input;
    };
    // Live, with MFA: a wrong answer first, then the right one; the round is open in between.
    const first = await startInspection(form({ mode: 'live', institution: 'FlinksCapital', username: 'Greatday', password: PASSWORD, language: 'en', save: true }), deps);
    if (first.kind !== 'mfa') throw new Error(first.kind);
    const wrong = await answerMfa({ inspectionId: first.inspectionId, responses: { [first.challenges[0]!.prompt]: ['Atlantis'] } }, deps);
    if (wrong.kind !== 'mfa') throw new Error(wrong.kind);
    const openRound = await allRowsAsText();
    for (const t of issuedTokens) expect(openRound, 'token while the MFA round is open').not.toContain(t);
    const prompt = wrong.challenges[0]!.prompt;
    expect((await answerMfa({ inspectionId: first.inspectionId, responses: { [prompt]: [ANSWERS[prompt]!] } }, deps)).kind).toBe('authorized');
    const liveDetail = await followEverything(first.inspectionId);

    // Cached: another login, so two holders' data went through.
    const cached = await startInspection(form({ mode: 'cached', loginId: SAMPLE }), deps);
    if (cached.kind !== 'authorized') throw new Error(cached.kind);
    await followEverything(cached.inspectionId);

    expect(issuedTokens).toHaveLength(2);
    expect(accountNumbers.size).toBeGreaterThanOrEqual(3);
    expect(holderNamesSent.size).toBeGreaterThanOrEqual(1);

    const everything = await allRowsAsText();
    const key = deps.keyring.current.key;
    const sentinels = [
      ...HOLDER_SENTINELS,
      ...accountNumbers,
      ...transitNumbers,
      ...issuedTokens,
      SECRET,
      API_KEY,
      key.toString('base64'),
      key.toString('hex'),
      key.toString('base64url'),
      PASSWORD,
      'Atlantis',
      ANSWERS[prompt]!,
    ];
    expect(sentinels.filter((s) => everything.includes(s))).toEqual([]);
    // What is shown and exported from the steps is no clearer than what is stored.
    const steps = [...(await deps.store.listSteps(first.inspectionId)), ...(await deps.store.listSteps(cached.inspectionId))];
    const shown = JSON.stringify([
      steps.map((s) => buildCurl(s)),
      buildSupportBundle({ inspection: (await deps.store.getInspection(first.inspectionId))!, steps, environment: 'simulator', generatedAt: new Date() }),
      liveDetail,
    ]);
    expect(sentinels.filter((s) => shown.includes(s))).toEqual([]);
    // The evidence is still there, masked.
    expect(everything).toContain('$PASSWORD');
    expect(everything).toContain('$FLINKS_AUTHORIZE_TOKEN');
    expect(everything).toMatch(/"Name":"\p{L}•••/u);
    expect(everything).toContain('sealed_response');

    // Reveal: the clear values, and the names of the fields revealed.
    const revealed = await revealHolderData(deps, first.inspectionId);
    if (revealed.kind !== 'revealed') throw new Error(JSON.stringify(revealed));
    expect(revealed.fields).toEqual(['holder.name', 'holder.email', 'holder.phone', 'holder.address', 'account.number', 'account.transit']);
    const holder = HOLDERS.find((h) => h.Name === revealed.accounts[0]!.holder?.name);
    expect(holder).toBeDefined();
    expect(revealed.accounts[0]!.holder).toMatchObject({ email: holder!.Email, phone: holder!.PhoneNumber });
    expect(revealed.accounts[0]!.holder!.address).toContain(holder!.Address!.CivicAddress);
    for (const a of revealed.accounts) expect(accountNumbers).toContain(a.accountNumber);
    expect(JSON.stringify(revealed.fields)).not.toContain(holder!.Name!);
  });

  it('reveals nothing with another key, and says so', async () => {
    const cachedInput = { mode: 'cached', loginId: SAMPLE, tag: undefined } as const;
    const r = await startInspection(cachedInput, deps);
    if (r.kind !== 'authorized') throw new Error(r.kind);
    await followLink(deps, r.inspectionId, 'summary');
    const other = await revealHolderData({ ...deps, keyring: testKeyring() }, r.inspectionId);
    expect(other).toMatchObject({ kind: 'error', error: { kind: 'app', message: expect.stringMatching(/cannot be opened.*does not hold/) } });
    expect(await revealHolderData(deps, randomUUID())).toMatchObject({ kind: 'error' });
    const fresh = await startInspection(cachedInput, deps);
    expect(await revealHolderData(deps, fresh.kind === 'authorized' ? fresh.inspectionId : '')).toMatchObject({ kind: 'error', error: { message: expect.stringMatching(/no holder details/) } });
  });
});
