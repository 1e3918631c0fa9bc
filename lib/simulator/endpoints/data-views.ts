import type { Account } from '@/lib/flinks/schemas';
import { accountsFor, type BaseAccount } from '../fixtures/accounts';
import { statementsFor } from '../fixtures/statements';
import { generateTransactions } from '../fixtures/transactions';
import type { Session } from '../state';
import type { DataInput } from './data-body';

/** Applies the §8.2 / §8.4 request flags to a login's fixtures. Flags default to true when absent. */

type Flags = Omit<DataInput, 'RequestId'>;

function filtered(seed: string, session: Session, flags: Flags): BaseAccount[] {
  const all = accountsFor(seed, session.loginId);
  if (!flags.AccountsFilter || flags.AccountsFilter.length === 0) return all;
  const wanted = new Set(flags.AccountsFilter.map((id) => id.trim().toLowerCase()));
  return all.filter((a) => wanted.has(a.Id.toLowerCase()));
}

function shaped(a: BaseAccount, flags: Flags): Account {
  return {
    ...a,
    ...(flags.WithAccountIdentity === false ? { AccountNumber: null, TransitNumber: null, InstitutionNumber: null } : {}),
    ...(flags.WithKYC === false ? { Holder: null } : {}),
    ...(flags.WithBalance === false ? { Balance: { Available: null, Current: null, Limit: null } } : {}),
  };
}

export function summaryAccounts(seed: string, session: Session, flags: Flags): Account[] {
  // §8.1: the summary has no transactions and no transit/institution numbers.
  return filtered(seed, session, flags).map((a) => {
    const account = shaped(a, flags);
    delete account.TransitNumber;
    delete account.InstitutionNumber;
    delete account.OverdraftLimit;
    return account;
  });
}

export function detailAccounts(seed: string, session: Session, flags: Flags, now: number): Account[] {
  const days = flags.DaysOfTransactions === 'Days365' ? 365 : 90;
  return filtered(seed, session, flags).map((a) => ({
    ...shaped(a, flags),
    Transactions:
      flags.WithTransactions === false ? [] : generateTransactions(seed, a.Id, a.Balance?.Current ?? 0, days, now),
  }));
}

export function statementsByAccount(seed: string, session: Session, flags: Flags, now: number) {
  const range = flags.NumberOfStatements ?? 'MostRecent';
  return filtered(seed, session, flags).map((a) => ({
    AccountNumber: a.AccountNumber,
    Statements: statementsFor(seed, a, range, now),
  }));
}
