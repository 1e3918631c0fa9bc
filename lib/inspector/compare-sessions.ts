import { accountsDetailSchema, accountsSummarySchema, authorizeSuccessSchema } from '@/lib/flinks/schemas';
import type { Inspection, Step, StepOutcome } from '@/lib/store/types';
import { toAccountViews, type AccountView, type TransactionView } from './data-views';
import { personaOf } from './problem-label';
import { displayStatus } from './session-expiry';

/**
 * Two sessions side by side (/compare): "why does this customer's second session look different?"
 * Pure: it reads the stored, already masked step responses (the loaders mask them again on read), so
 * what it shows is exactly as masked as the session page. Unit-tested in compare-sessions.test.ts.
 */

export type CompareStep = { seq: number; endpoint: string; httpStatus: number | null; outcome: StepOutcome; flinksCode: string | null };

/** One session as the comparison sees it. */
export type SessionSnapshot = {
  id: string;
  fields: { label: string; value: string | null }[];
  /** The newest accounts answer (detail preferred, it has transactions); null when the Links were not followed. */
  accounts: AccountView[] | null;
  accountsSource: string | null;
  steps: CompareStep[];
};

const ACCOUNT_ENDPOINTS = ['GetAccountsDetail', 'GetAccountsDetailAsync', 'GetAccountsSummary'];

function latestAccounts(steps: readonly Pick<Step, 'endpoint' | 'outcome' | 'response'>[]): { accounts: AccountView[]; source: string } | null {
  const ok = steps.filter((s) => s.outcome === 'ok' && ACCOUNT_ENDPOINTS.includes(s.endpoint));
  // Detail carries transactions, so it wins over a later summary; within a kind, the newest wins.
  const detail = ok.filter((s) => s.endpoint !== 'GetAccountsSummary').at(-1);
  const pick = detail ?? ok.at(-1);
  if (!pick) return null;
  const parsed = (pick.endpoint === 'GetAccountsSummary' ? accountsSummarySchema : accountsDetailSchema).safeParse(pick.response);
  return parsed.success ? { accounts: toAccountViews(parsed.data), source: pick.endpoint.replace(/Async$/, '') } : null;
}

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));

export function snapshotOf(inspection: Inspection, steps: readonly Step[], now: Date): SessionSnapshot {
  const authorized = steps
    .filter((s) => s.endpoint === 'Authorize' && s.outcome === 'ok')
    .map((s) => authorizeSuccessSchema.safeParse(s.response))
    .filter((r) => r.success)
    .at(-1)?.data;
  const login = authorized?.Login;
  const fields: SessionSnapshot['fields'] = [
    { label: 'Status', value: displayStatus(inspection, now) },
    { label: 'Mode', value: inspection.mode },
    { label: 'Started', value: inspection.createdAt.toISOString() },
    { label: 'Login ID', value: inspection.loginId ?? text(login?.Id) },
    { label: 'Request ID', value: inspection.requestId },
    { label: 'Tag', value: inspection.tag },
    { label: 'Language', value: inspection.language },
    { label: 'Persona', value: personaOf(inspection.username) },
    { label: 'Login type', value: text(login?.Type) },
    { label: 'Last refresh', value: text(login?.LastRefresh) },
    { label: 'Scheduled refresh', value: login?.IsScheduledRefresh == null ? null : login.IsScheduledRefresh ? 'yes' : 'no' },
    { label: 'Institution', value: inspection.institution ?? text(authorized?.Institution) },
    { label: 'Institution name', value: text(authorized?.InstitutionName) },
    { label: 'Institution ID', value: text(authorized?.InstitutionId) },
    { label: 'FlinksCode', value: inspection.flinksCode },
  ];
  const found = latestAccounts(steps);
  return {
    id: inspection.id,
    fields,
    accounts: found?.accounts ?? null,
    accountsSource: found?.source ?? null,
    steps: steps.map((s) => ({ seq: s.seq, endpoint: s.endpoint, httpStatus: s.httpStatus, outcome: s.outcome, flinksCode: s.flinksCode })),
  };
}

export type FieldRow = { label: string; a: string | null; b: string | null; differs: boolean };

export type AccountSide = { title: string | null; currency: string | null; current: number | null; available: number | null; transactionCount: number };

export type AccountRow = {
  id: string;
  title: string | null;
  /** null: this session has no such account (or did not fetch accounts: see accountsA/B). */
  a: AccountSide | null;
  b: AccountSide | null;
  /** b − a, rounded to cents; null when either side lacks the number. */
  currentDiff: number | null;
  availableDiff: number | null;
  onlyInA: TransactionView[];
  onlyInB: TransactionView[];
  differs: boolean;
};

export type StepRow = { index: number; a: CompareStep | null; b: CompareStep | null; differs: boolean };

export type Comparison = {
  a: { id: string; accountsSource: string | null };
  b: { id: string; accountsSource: string | null };
  fields: FieldRow[];
  /** False when neither session fetched accounts: there is nothing to line up. */
  accountsCompared: boolean;
  accounts: AccountRow[];
  steps: StepRow[];
  differences: number;
};

/** Fields that always differ between two attempts and say nothing about the customer's data. */
const EXPECTED_TO_DIFFER = new Set(['Started', 'Request ID']);

const cents = (x: number) => Math.round(x * 100) / 100;
const diff = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : cents(b - a));

function side(acc: AccountView | undefined): AccountSide | null {
  return acc ? { title: acc.title, currency: acc.currency, current: acc.current, available: acc.available, transactionCount: acc.transactions.length } : null;
}

function compareAccounts(a: AccountView[] | null, b: AccountView[] | null): AccountRow[] {
  const byIdA = new Map((a ?? []).map((x) => [x.id, x]));
  const byIdB = new Map((b ?? []).map((x) => [x.id, x]));
  const ids = [...new Set([...byIdA.keys(), ...byIdB.keys()])];
  return ids.map((id) => {
    const x = byIdA.get(id);
    const y = byIdB.get(id);
    const txA = new Set((x?.transactions ?? []).map((t) => t.id));
    const txB = new Set((y?.transactions ?? []).map((t) => t.id));
    // Only when both have the account: otherwise "missing account" already says it all.
    const onlyInA = x && y ? x.transactions.filter((t) => !txB.has(t.id)) : [];
    const onlyInB = x && y ? y.transactions.filter((t) => !txA.has(t.id)) : [];
    const currentDiff = diff(x?.current, y?.current);
    const availableDiff = diff(x?.available, y?.available);
    const differs = !x || !y || Boolean(currentDiff) || Boolean(availableDiff) || onlyInA.length > 0 || onlyInB.length > 0 || x.transactions.length !== y.transactions.length;
    return { id, title: x?.title ?? y?.title ?? null, a: side(x), b: side(y), currentDiff, availableDiff, onlyInA, onlyInB, differs };
  });
}

function sameStep(x: CompareStep | null, y: CompareStep | null): boolean {
  return x !== null && y !== null && x.endpoint === y.endpoint && x.outcome === y.outcome && x.flinksCode === y.flinksCode && x.httpStatus === y.httpStatus;
}

export function compareSessions(a: SessionSnapshot, b: SessionSnapshot): Comparison {
  const fields = a.fields.map((f, i) => {
    const other = b.fields[i]?.value ?? null;
    return { label: f.label, a: f.value, b: other, differs: !EXPECTED_TO_DIFFER.has(f.label) && f.value !== other };
  });
  const accounts = compareAccounts(a.accounts, b.accounts);
  const n = Math.max(a.steps.length, b.steps.length);
  const steps = Array.from({ length: n }, (_, index) => {
    const x = a.steps[index] ?? null;
    const y = b.steps[index] ?? null;
    return { index, a: x, b: y, differs: !sameStep(x, y) };
  });
  const accountsCompared = a.accounts !== null || b.accounts !== null;
  const differences =
    fields.filter((f) => f.differs).length + accounts.filter((r) => r.differs).length + steps.filter((s) => s.differs).length + (a.accountsSource !== b.accountsSource ? 1 : 0);
  return {
    a: { id: a.id, accountsSource: a.accountsSource },
    b: { id: b.id, accountsSource: b.accountsSource },
    fields,
    accountsCompared,
    accounts,
    steps,
    differences,
  };
}
