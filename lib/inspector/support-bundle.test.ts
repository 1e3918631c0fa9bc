import { describe, expect, it } from 'vitest';
import type { Inspection, Step } from '@/lib/store/types';
import { buildSupportBundle, bundleFileName, maskLoginId } from './support-bundle';

const LOGIN = '5e115eac-1209-4f19-641c-08d6d484e2fe';
const SECRET = 'sentinel-secret-aaaa-bbbb';
const API = 'sentinel-api-cccc-dddd';

const t = new Date('2026-01-21T20:00:00Z');
const inspection: Inspection = {
  id: '11111111-2222-4333-8444-555555555555',
  createdAt: t,
  updatedAt: t,
  lastActivityAt: t,
  mode: 'cached',
  environment: 'simulator',
  institution: 'FlinksCapital',
  username: 'Greatday',
  loginId: LOGIN,
  requestId: 'req-1',
  tag: 'ticket-1',
  language: null,
  status: 'authorized',
  flinksCode: 'SESSION_NONEXISTENT',
  statusReason: null,
  parentId: null,
  openedById: null,
  openedByEmail: null,
};

const step = (seq: number, over: Partial<Step>): Step => ({
  id: `s${seq}`,
  inspectionId: inspection.id,
  seq,
  endpoint: 'Authorize',
  method: 'POST',
  url: 'http://127.0.0.1/simulator/v3/c/BankingServices/Authorize',
  startedAt: t,
  durationMs: 12,
  httpStatus: 200,
  flinksCode: null,
  outcome: 'ok',
  request: { headers: { 'flinks-auth-key': '$FLINKS_AUTHORIZE_TOKEN' }, body: { LoginId: LOGIN, MostRecentCached: true } },
  response: { HttpStatusCode: 200, Login: { Id: LOGIN }, RequestId: 'req-1' },
  sealedResponse: null,
  error: null,
  ...over,
});

const steps: Step[] = [
  step(1, { endpoint: 'GenerateAuthorizeToken', request: { headers: { 'flinks-auth-key': SECRET, 'x-api-key': API }, body: null }, response: { HttpStatusCode: 200, Token: 'tok-zzzz-9999' } }),
  step(2, {}),
  step(3, { endpoint: 'GetStatements', response: { StatementsByAccount: [{ AccountNumber: '••••1000', Statements: [{ UniqueId: 'u', FileType: 'PDF', Base64Bytes: 'JVBERi0xLjQK' }] }] } }),
  step(5, { endpoint: 'GetAccountsDetail', response: { Accounts: [{ Holder: { Name: 'J••• D•••' } }] }, sealedResponse: 'v1.0a1b2c3d.sealed-original-response' }),
  step(4, { endpoint: 'GetAccountsSummary', httpStatus: 400, flinksCode: 'SESSION_NONEXISTENT', outcome: 'flinks_error', response: { FlinksCode: 'SESSION_NONEXISTENT' } }),
];

describe('buildSupportBundle', () => {
  const bundle = buildSupportBundle({
    inspection,
    steps,
    environment: 'simulator',
    generatedAt: new Date('2026-01-21T20:05:00Z'),
    secrets: [{ value: SECRET, placeholder: '$FLINKS_SECRET_KEY' }, { value: API, placeholder: '$FLINKS_API_KEY' }],
  });
  const text = JSON.stringify(bundle);

  it('carries the environment, times, RequestId and FlinksCodes', () => {
    expect(bundle.environment).toBe('simulator');
    expect(bundle.generatedAt).toBe('2026-01-21T20:05:00.000Z');
    expect(bundle.inspection.requestId).toBe('req-1');
    expect(bundle.inspection.createdAt).toBe('2026-01-21T20:00:00.000Z');
    expect(bundle.flinksCodes.map((c) => c.code)).toEqual(['SESSION_NONEXISTENT']);
    expect(bundle.flinksCodes[0]!.explanation).toMatch(/8 minutes/);
    expect(bundle.steps.map((s) => s.endpoint)).toEqual(['GenerateAuthorizeToken', 'Authorize', 'GetStatements', 'GetAccountsDetail', 'GetAccountsSummary']);
  });

  it('masks the LoginId everywhere, including inside step bodies', () => {
    expect(bundle.inspection.loginId).toBe('5e115eac…');
    expect(text).not.toContain(LOGIN);
    expect(text).not.toContain('08d6d484e2fe');
  });

  it('contains no secret, token or PDF bytes', () => {
    for (const s of [SECRET, API, 'tok-zzzz-9999', 'JVBERi0xLjQK']) expect(text).not.toContain(s);
    expect(text).toContain('$FLINKS_SECRET_KEY');
    expect(text).toMatch(/9 bytes of PDF not stored/);
  });

  it('carries the masked responses only, never the sealed originals', () => {
    expect(text).toContain('J••• D•••');
    expect(text).not.toContain('sealed-original-response');
  });
});

describe('helpers', () => {
  it('masks short and missing LoginIds safely', () => {
    expect(maskLoginId(null)).toBeNull();
    expect(maskLoginId('abc')).toBe('…');
  });
  it('names the file by date and id', () => {
    expect(bundleFileName(inspection)).toBe('flinks-session-2026-01-21-11111111.json');
  });
});
