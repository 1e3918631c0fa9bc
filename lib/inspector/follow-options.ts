import type { AccountsDetailBody, StatementsBody } from '@/lib/flinks/schemas';

/**
 * What to ask Flinks for when following the Links (docs/flinks-api.md §8.2, §8.4), chosen before
 * fetching. Zod-free on purpose: the session page's options form imports the defaults, and client
 * modules never ship zod (the server parses with followOptionsSchema in session-action-schema.ts).
 * The defaults are what the dashboard always asked: 90 days, every account, every flag, the most
 * recent statement.
 */

export const DAYS_OF_TRANSACTIONS = ['Days90', 'Days365'] as const;
export const NUMBER_OF_STATEMENTS = ['MostRecent', 'Months3', 'Months12'] as const;

export type FollowOptions = {
  daysOfTransactions: (typeof DAYS_OF_TRANSACTIONS)[number];
  /** Account Ids; empty means every account (no AccountsFilter is sent). */
  accountsFilter: string[];
  withAccountIdentity: boolean;
  withKYC: boolean;
  withTransactions: boolean;
  withBalance: boolean;
  numberOfStatements: (typeof NUMBER_OF_STATEMENTS)[number];
};

export const DEFAULT_FOLLOW_OPTIONS: FollowOptions = {
  daysOfTransactions: 'Days90',
  accountsFilter: [],
  withAccountIdentity: true,
  withKYC: true,
  withTransactions: true,
  withBalance: true,
  numberOfStatements: 'MostRecent',
};

/** Options as parsed (any field may be missing) → complete options, the defaults filling the gaps. */
export function withFollowDefaults(given: Partial<FollowOptions> | undefined): FollowOptions {
  const set = Object.fromEntries(Object.entries(given ?? {}).filter(([, v]) => v !== undefined)) as Partial<FollowOptions>;
  return { ...DEFAULT_FOLLOW_OPTIONS, ...set };
}

/**
 * GetAccountsDetail's body: every flag explicitly, since Flinks' defaults are not documented
 * consistently (§8.2). AccountsFilter only when accounts were chosen: an empty list could mean "none".
 */
export function detailBody(RequestId: string, o: FollowOptions = DEFAULT_FOLLOW_OPTIONS): AccountsDetailBody {
  return {
    RequestId,
    WithAccountIdentity: o.withAccountIdentity,
    WithKYC: o.withKYC,
    WithTransactions: o.withTransactions,
    WithBalance: o.withBalance,
    DaysOfTransactions: o.daysOfTransactions,
    ...(o.accountsFilter.length > 0 ? { AccountsFilter: o.accountsFilter } : {}),
  };
}

export function statementsBody(RequestId: string, o: FollowOptions = DEFAULT_FOLLOW_OPTIONS): StatementsBody {
  return {
    RequestId,
    NumberOfStatements: o.numberOfStatements,
    ...(o.accountsFilter.length > 0 ? { AccountsFilter: o.accountsFilter } : {}),
  };
}

/** The options in a few words, for the audit trail and the form's summary ("Days365, 1 account"). */
export function describeFollowOptions(o: FollowOptions): string {
  const off = (
    [
      ['WithTransactions', o.withTransactions],
      ['WithBalance', o.withBalance],
      ['WithAccountIdentity', o.withAccountIdentity],
      ['WithKYC', o.withKYC],
    ] as const
  )
    .filter(([, on]) => !on)
    .map(([name]) => `${name} off`);
  const accounts = o.accountsFilter.length === 0 ? 'all accounts' : `${o.accountsFilter.length} account${o.accountsFilter.length === 1 ? '' : 's'}`;
  return [o.daysOfTransactions, accounts, ...off, `${o.numberOfStatements} statements`].join(', ');
}
