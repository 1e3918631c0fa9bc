import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlinksClient, type FlinksClient } from '@/lib/flinks/client';
import { compactResponse } from '@/lib/inspector/compact-response';
import { maskPersonalData } from '@/lib/inspector/mask-personal-data';
import { MAX_BUNDLE_BYTES, parseSupportBundle, replayLoginId, SUPPORT_BUNDLE_FORMAT, type ReplayBundle } from '../replay/bundle';
import { MAX_REPLAYS } from '../replay/replays';
import { createSimulator } from '../handler';
import { SAMPLE_LOGIN_ID } from '../state';
import { bundleText, clientOf, inspectionOf, parsed, recordCachedSession, type Recorded } from '../testing/record-bundle';
import { startSimulatorServer, type SimulatorServer } from '../testing/serve';

/**
 * A support bundle recorded from one simulator, the way the dashboard records and exports it (the real
 * Flinks client, masked steps, buildSupportBundle), replayed by another simulator with other seeds:
 * whatever the replay answers therefore comes from the bundle, not from the second simulator's personas.
 */

const masked = <T>(value: T): unknown => maskPersonalData(compactResponse(value));
const withoutIds = (value: unknown) => JSON.parse(JSON.stringify(value, (k, v) => (k === 'RequestId' ? undefined : v)));

let source: SimulatorServer;
let sourceClient: FlinksClient;

beforeAll(async () => {
  source = await startSimulatorServer({ seed: 'replay-source', asyncPolls: 1 });
  sourceClient = clientOf(source);
});
afterAll(() => source.close());

describe('parseSupportBundle', () => {
  it('reads the file the dashboard downloads: its LoginId and what it will answer, in order', async () => {
    const { text, requestId } = await recordCachedSession(sourceClient);
    const bundle = parsed(text);
    expect(bundle.loginId).toBe(replayLoginId('11111111-2222-4333-8444-555555555555'));
    expect(bundle.loginId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(bundle.maskedLoginId).toBe(`${SAMPLE_LOGIN_ID.slice(0, 8)}…`);
    expect(bundle.recordedRequestIds).toContain(requestId);
    // GenerateAuthorizeToken is not replayed: the simulator issues its own tokens.
    expect(bundle.steps).toEqual([
      'Authorize 200',
      'GetAccountsSummary 200',
      'GetAccountsDetail 202 OPERATION_PENDING',
      'GetAccountsDetailAsync 202 OPERATION_PENDING',
      'GetAccountsDetailAsync 200',
      'GetStatements 200',
    ]);
  });

  it('says what is wrong with junk, the wrong shape, an oversize file, or a bundle without Authorize', () => {
    const problem = (input: string | Uint8Array) => {
      const r = parseSupportBundle(input);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.problem;
    };
    expect(problem('')).toMatch(/empty/);
    expect(problem('{"format": "flinks-session')).toMatch(/not JSON/);
    expect(problem('[1, 2]')).toMatch(/not a support bundle.*the file/);
    expect(problem(JSON.stringify({ format: 'something-else', inspection: { id: 'x' }, steps: [] }))).toMatch(new RegExp(`format must be "${SUPPORT_BUNDLE_FORMAT}"`));
    expect(problem(JSON.stringify({ format: SUPPORT_BUNDLE_FORMAT, inspection: { id: 'x' }, steps: [{ seq: 1, endpoint: 'Authorize', httpStatus: 'two hundred', outcome: 'ok', response: {} }] }))).toMatch(
      /steps\.0\.httpStatus/,
    );
    expect(problem(new Uint8Array(MAX_BUNDLE_BYTES + 1))).toMatch(/3\.0 MB at most/);
    const tokenOnly = { format: SUPPORT_BUNDLE_FORMAT, inspection: { id: 'x' }, steps: [{ seq: 1, endpoint: 'GenerateAuthorizeToken', httpStatus: 401, outcome: 'flinks_error', response: { FlinksCode: 'UNAUTHORIZED' } }] };
    expect(problem(JSON.stringify(tokenOnly))).toMatch(/no Authorize answer/);
  });
});

describe('replaying a bundle', () => {
  let recording: Awaited<ReturnType<typeof recordCachedSession>>;
  let replay: SimulatorServer;
  let client: FlinksClient;
  let bundle: ReplayBundle;
  beforeAll(async () => {
    recording = await recordCachedSession(sourceClient);
    bundle = parsed(recording.text);
    // Other seed, other async settings: nothing below can come from this simulator's own fixtures.
    replay = await startSimulatorServer({ seed: 'replay-target', asyncPolls: 5, replays: [bundle] });
    client = clientOf(replay);
  });
  afterAll(() => replay.close());

  async function open(loginId = bundle.loginId, c = client) {
    const token = await c.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('no token');
    return { token: token.token, auth: await c.authorize(token.token, { LoginId: loginId, MostRecentCached: true }) };
  }

  it('answers the recorded Authorize with a fresh RequestId and the replay LoginId', async () => {
    const { auth } = await open();
    expect(auth.kind).toBe('authorized');
    if (auth.kind !== 'authorized' || recording.auth.kind !== 'authorized') return;
    expect(auth.data.RequestId).not.toBe(recording.requestId);
    expect(auth.data.Login.Id).toBe(bundle.loginId);
    expect(withoutIds({ ...auth.data, Login: { ...auth.data.Login, Id: null } })).toEqual(withoutIds({ ...recording.auth.data, Login: { ...recording.auth.data.Login, Id: null } }));
  });

  it('serves the Links as recorded: same (masked) accounts and balances, the 202s then the 200, a stand-in PDF', async () => {
    const { auth } = await open();
    if (auth.kind !== 'authorized') throw new Error(auth.kind);
    const id = auth.data.RequestId;
    const summary = await client.getAccountsSummary(id);
    expect(summary.kind).toBe('ok');
    if (summary.kind !== 'ok' || recording.summary.kind !== 'ok') return;
    expect(summary.data.RequestId).toBe(id);
    expect(summary.data.Accounts).toEqual(masked(recording.summary.data.Accounts));
    expect(summary.data.Accounts.map((a) => a.Balance?.Current)).toEqual(recording.summary.data.Accounts.map((a) => a.Balance?.Current));

    const first = await client.getAccountsDetail({ RequestId: id });
    expect(first.kind).toBe('pending');
    if (first.kind === 'pending') expect(first.data.Links?.[0]?.example).toBe(`/GetAccountsDetailAsync/${id}`);
    const kinds = [first.kind];
    let last = first;
    while (last.kind === 'pending' && kinds.length < 10) {
      last = await client.getAccountsDetailAsync(id);
      kinds.push(last.kind);
    }
    expect(kinds).toEqual(recording.detail.map((d) => d.kind));
    const recordedDone = recording.detail.at(-1)!;
    if (last.kind !== 'ok' || recordedDone.kind !== 'ok') throw new Error('detail did not complete');
    expect(last.data.Accounts).toEqual(masked(recordedDone.data.Accounts));
    // Once the recording runs out, its last answer repeats.
    expect((await client.getAccountsDetailAsync(id)).kind).toBe('ok');

    const statements = await client.getStatements({ RequestId: id });
    if (statements.kind !== 'ok') throw new Error(statements.kind);
    const pdf = Buffer.from(statements.data.StatementsByAccount[0]!.Statements[0]!.Base64Bytes, 'base64').toString('latin1');
    expect(pdf.startsWith('%PDF-1.4')).toBe(true);
    expect(pdf).toContain('replayed from a support bundle');
  });

  it('every new session starts the recording from its beginning', async () => {
    const a = await open();
    const b = await open();
    if (a.auth.kind !== 'authorized' || b.auth.kind !== 'authorized') throw new Error('not authorized');
    expect(a.auth.data.RequestId).not.toBe(b.auth.data.RequestId);
    expect((await client.getAccountsDetail({ RequestId: a.auth.data.RequestId })).kind).toBe('pending');
    expect((await client.getAccountsDetailAsync(a.auth.data.RequestId)).kind).toBe('pending');
    expect((await client.getAccountsDetail({ RequestId: b.auth.data.RequestId })).kind).toBe('pending');
  });

  it('checks tokens (D1, D2) and x-api-key (D12) like any session', async () => {
    const { token, auth } = await open();
    if (auth.kind !== 'authorized') throw new Error(auth.kind);
    // The spent token cannot open a second replay session.
    const again = await client.authorize(token, { LoginId: bundle.loginId, MostRecentCached: true });
    expect(again.kind === 'flinks_error' && again.error.FlinksCode).toBe('UNAUTHORIZED');
    const keyless = createFlinksClient({ baseUrl: replay.baseUrl, ...replay.credentials, apiKey: 'wrong', timeoutMs: 5000 });
    const refused = await keyless.getAccountsSummary(auth.data.RequestId);
    expect(refused.kind === 'flinks_error' && refused.error.FlinksCode).toBe('UNAUTHORIZED');
  });

  it('leaves other LoginIds to the normal simulator', async () => {
    const { auth } = await open(SAMPLE_LOGIN_ID);
    expect(auth.kind).toBe('authorized');
    if (auth.kind !== 'authorized') return;
    expect(auth.data.Login.Id).toBe(SAMPLE_LOGIN_ID);
    // The normal simulator's own D11: the first detail call is a 202 whatever the replay recorded.
    expect((await client.getAccountsDetail({ RequestId: auth.data.RequestId })).kind).toBe('pending');
    const unknown = await open('00000000-0000-4000-8000-000000000000');
    expect(unknown.auth.kind === 'flinks_error' && unknown.auth.error.FlinksCode).toBe('INVALID_LOGIN');
  });

  it('survives /_control/reset (imports are configuration), replay sessions do not', async () => {
    const { auth } = await open();
    if (auth.kind !== 'authorized') throw new Error(auth.kind);
    replay.sim.reset();
    const gone = await client.getAccountsSummary(auth.data.RequestId);
    expect(gone.kind === 'flinks_error' && gone.error.FlinksCode).toBe('SESSION_NONEXISTENT');
    expect((await open()).auth.kind).toBe('authorized');
  });

  it('a session idle for 8 minutes ends, as any other (D3)', async () => {
    const { auth } = await open();
    if (auth.kind !== 'authorized') throw new Error(auth.kind);
    replay.sim.advanceClock(8 * 60_000 + 1);
    const gone = await client.getAccountsSummary(auth.data.RequestId);
    expect(gone.kind === 'flinks_error' && gone.error.FlinksCode).toBe('SESSION_NONEXISTENT');
  });
});

describe('replaying failures and MFA', () => {
  let replay: SimulatorServer;
  afterAll(() => replay?.close());

  it('a session that failed with a FlinksCode fails the same way; a Link it never reached is not available', async () => {
    // A live login the bank refused: recorded from the source simulator's test_disabled_account.
    const token = await sourceClient.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('no token');
    const failed = await sourceClient.authorize(token.token, { Institution: 'FlinksCapital', Username: 'test_disabled_account', Password: 'Everyday', MostRecentCached: false, Save: true });
    expect(failed.kind === 'flinks_error' && failed.error.FlinksCode).toBe('DISABLED_LOGIN');
    const text = bundleText(inspectionOf({ id: '22222222-2222-4333-8444-555555555555', mode: 'live', username: 'test_disabled_account', loginId: null, status: 'failed', flinksCode: 'DISABLED_LOGIN' }), [token as Recorded, failed as Recorded]);
    const bundle = parsed(text);
    replay = await startSimulatorServer({ seed: 'replay-failure', replays: [bundle] });
    const c = clientOf(replay);
    const t = await c.generateAuthorizeToken();
    if (t.kind !== 'ok') throw new Error('no token');
    const again = await c.authorize(t.token, { LoginId: bundle.loginId, MostRecentCached: true });
    expect(again.kind).toBe('flinks_error');
    if (again.kind !== 'flinks_error' || failed.kind !== 'flinks_error') return;
    expect(again.error.FlinksCode).toBe('DISABLED_LOGIN');
    expect(again.error.Message).toBe(failed.error.Message);
    expect(again.exchange.httpStatus).toBe(failed.exchange.httpStatus);
    if (again.error.RequestId) {
      // Its session never opened: the Links are refused as on Flinks.
      const data = await c.getAccountsSummary(again.error.RequestId);
      expect(data.kind === 'flinks_error' && data.error.FlinksCode).toBe('UNAUTHORIZED');
    }
  });

  it('a live session with MFA replays its rounds: the 203 with the same prompt, then the recorded 200 whatever is answered', async () => {
    const token = await sourceClient.generateAuthorizeToken();
    if (token.kind !== 'ok') throw new Error('no token');
    const mfa = await sourceClient.authorize(token.token, { Institution: 'FlinksCapital', Username: 'sim_choice', Password: 'Everyday', MostRecentCached: false, Save: true });
    if (mfa.kind !== 'mfa_required') throw new Error(mfa.kind);
    const prompt = mfa.data.SecurityChallenges[0]!.Prompt;
    const done = await sourceClient.authorize(token.token, { RequestId: mfa.data.RequestId, SecurityResponses: { [prompt]: ['Blue'] } });
    if (done.kind !== 'authorized') throw new Error(done.kind);
    const summary = await sourceClient.getAccountsSummary(done.data.RequestId);
    const bundle = parsed(bundleText(inspectionOf({ id: '33333333-2222-4333-8444-555555555555', mode: 'live', username: 'sim_choice', loginId: done.data.Login.Id, requestId: done.data.RequestId }), [token as Recorded, mfa, done, summary]));
    expect(bundle.steps).toEqual(['Authorize 203', 'Authorize 200', 'GetAccountsSummary 200']);

    const srv = await startSimulatorServer({ seed: 'replay-mfa', replays: [bundle] });
    try {
      const c = clientOf(srv);
      const t = await c.generateAuthorizeToken();
      if (t.kind !== 'ok') throw new Error('no token');
      const round = await c.authorize(t.token, { LoginId: bundle.loginId, MostRecentCached: true });
      if (round.kind !== 'mfa_required') throw new Error(round.kind);
      expect(round.data.SecurityChallenges).toEqual(mfa.data.SecurityChallenges);
      const early = await c.getAccountsSummary(round.data.RequestId);
      expect(early.kind === 'flinks_error' && early.error.FlinksCode).toBe('UNAUTHORIZED');
      // Another token cannot answer this session's round (D2).
      const other = await c.generateAuthorizeToken();
      if (other.kind !== 'ok') throw new Error('no token');
      const stolen = await c.authorize(other.token, { RequestId: round.data.RequestId, SecurityResponses: { [prompt]: ['Red'] } });
      expect(stolen.kind === 'flinks_error' && stolen.error.FlinksCode).toBe('UNAUTHORIZED');
      const answered = await c.authorize(t.token, { RequestId: round.data.RequestId, SecurityResponses: { [prompt]: ['Red'] } });
      if (answered.kind !== 'authorized') throw new Error(answered.kind);
      expect(answered.data.RequestId).toBe(round.data.RequestId);
      expect(answered.data.Login.Id).toBe(bundle.loginId);
      const replayed = await c.getAccountsSummary(answered.data.RequestId);
      if (replayed.kind !== 'ok' || summary.kind !== 'ok') throw new Error(replayed.kind);
      expect(replayed.data.Accounts).toEqual(masked(summary.data.Accounts));
      // Only the summary was recorded.
      const detail = await c.getAccountsDetail({ RequestId: answered.data.RequestId });
      expect(detail.kind === 'flinks_error' && detail.error.FlinksCode).toBe('METHOD_NOT_AVAILABLE');
    } finally {
      await srv.close();
    }
  });
});

describe('the imports a simulator holds', () => {
  it('the same bundle again replaces its replay; beyond the limit the oldest goes', async () => {
    const base = parsed((await recordCachedSession(sourceClient)).text);
    const sim = createSimulator({ seed: 'replay-limits' });
    expect(sim.importBundle(base).loginId).toBe(base.loginId);
    expect(sim.importBundle(base).loginId).toBe(base.loginId);
    expect(sim.replays()).toHaveLength(1);
    const others = Array.from({ length: MAX_REPLAYS }, (_, n) => ({ ...base, sourceInspectionId: `source-${n}`, loginId: replayLoginId(`source-${n}`) }));
    for (const b of others) sim.importBundle(b);
    const held = sim.replays().map((r) => r.loginId);
    expect(held).toHaveLength(MAX_REPLAYS);
    expect(held).not.toContain(base.loginId);
    expect(held).toEqual(others.map((b) => b.loginId));
  });
});
