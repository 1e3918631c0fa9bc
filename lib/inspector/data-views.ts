import type { Account, AccountsDetail, AccountsSummary, Statements } from '@/lib/flinks/schemas';
import { base64ByteLength } from './compact-response';
import { maskPersonalData } from './mask-personal-data';

/**
 * Data results as the session page shows them. The support agent needs the data itself, so these
 * go to the browser, masked of what identifies the holder (holder, account and transit numbers,
 * transaction descriptions: mask-personal-data.ts); balances, amounts and dates stay in clear.
 * Clear holder details only ever travel in revealHolderData's answer. Statements carry their PDF
 * bytes only in the action's answer, never in the store.
 */

export type HolderView = {
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
};

export type TransactionView = {
  id: string;
  date: string;
  description: string;
  code: string | null;
  debit: number | null;
  credit: number | null;
  balance: number | null;
};

export type AccountView = {
  id: string;
  title: string | null;
  type: string | null;
  category: string | null;
  accountType: string | null;
  currency: string | null;
  current: number | null;
  available: number | null;
  /** Balance.Limit: the credit or overdraft limit Flinks gives with the balances (§8.1). */
  limit: number | null;
  /** OverdraftLimit, GetAccountsDetail only (§8.2). */
  overdraftLimit: number | null;
  lastFour: string | null;
  /** Masked ("••••" + last 4). */
  transitNumber: string | null;
  holder: HolderView | null;
  transactions: TransactionView[];
};

export type StatementView = {
  uniqueId: string;
  accountLastFour: string | null;
  /** The period the statement covers (YYYY-MM-DD), when Flinks says it (StartDate/EndDate, §8.4); null otherwise. */
  periodStart: string | null;
  periodEnd: string | null;
  fileType: string;
  bytes: number;
  base64: string;
};

function lastFourOf(a: Pick<Account, 'LastFourDigits' | 'AccountNumber'>): string | null {
  if (a.LastFourDigits) return a.LastFourDigits.slice(-4);
  const digits = a.AccountNumber?.replace(/[^0-9A-Za-z]/g, '');
  return digits ? digits.slice(-4) : null;
}

/** Formats a holder as it is given: masked for the tables, clear for the reveal. */
export function holderView(h: Account['Holder']): HolderView | null {
  if (!h) return null;
  const a = h.Address;
  const address = a ? [a.CivicAddress, a.City, a.Province, a.PostalCode, a.Country].filter(Boolean).join(', ') || null : null;
  return { name: h.Name ?? null, email: h.Email ?? null, phone: h.PhoneNumber ?? null, address };
}

export function toAccountView(clear: Account): AccountView {
  const a = maskPersonalData(clear) as Account;
  return {
    id: a.Id,
    title: a.Title ?? null,
    type: a.Type ?? null,
    category: a.Category ?? null,
    accountType: a.AccountType ?? null,
    currency: a.Currency ?? null,
    current: a.Balance?.Current ?? null,
    available: a.Balance?.Available ?? null,
    limit: a.Balance?.Limit ?? null,
    overdraftLimit: a.OverdraftLimit ?? null,
    lastFour: lastFourOf(a),
    transitNumber: a.TransitNumber ?? null,
    holder: holderView(a.Holder),
    transactions: (a.Transactions ?? []).map((t) => ({
      id: t.Id,
      date: t.Date,
      description: t.Description,
      code: t.Code ?? null,
      debit: t.Debit ?? null,
      credit: t.Credit ?? null,
      balance: t.Balance ?? null,
    })),
  };
}

export function toAccountViews(data: AccountsSummary | AccountsDetail): AccountView[] {
  return data.Accounts.map(toAccountView);
}

/** A day (YYYY-MM-DD) from a loose date field, or null: a statement's period is not part of Flinks' schema. */
function dayOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(value.trim())?.[1];
  return day && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) ? day : null;
}

export function toStatementViews(data: Statements): StatementView[] {
  return data.StatementsByAccount.flatMap((group) =>
    group.Statements.map((s) => ({
      uniqueId: s.UniqueId,
      accountLastFour: group.AccountNumber ? group.AccountNumber.replace(/[^0-9A-Za-z]/g, '').slice(-4) || null : null,
      periodStart: dayOf(s.StartDate),
      periodEnd: dayOf(s.EndDate),
      fileType: s.FileType,
      bytes: base64ByteLength(s.Base64Bytes),
      base64: s.Base64Bytes.replace(/\s+/g, ''),
    })),
  );
}
