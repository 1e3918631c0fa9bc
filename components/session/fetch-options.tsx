'use client';

import { useId } from 'react';
import type { AccountView } from '@/lib/inspector/data-views';
import { DAYS_OF_TRANSACTIONS, DEFAULT_FOLLOW_OPTIONS, describeFollowOptions, NUMBER_OF_STATEMENTS, type FollowOptions } from '@/lib/inspector/follow-options';
import { accountLabel } from '@/lib/inspector/transaction-filters';

/**
 * The window to ask Flinks for, chosen before following Accounts detail or Statements
 * (docs/flinks-api.md §8.2, §8.4). Each field names the Flinks field it sets; the defaults are what
 * the dashboard always asked. Accounts can be chosen once they are known (from Accounts summary).
 */

const DAYS_LABEL: Record<FollowOptions['daysOfTransactions'], string> = { Days90: 'Days90: the last 90 days', Days365: 'Days365: the last 365 days' };
const STATEMENTS_LABEL: Record<FollowOptions['numberOfStatements'], string> = {
  MostRecent: 'MostRecent: the latest statement',
  Months3: 'Months3: the last 3 months',
  Months12: 'Months12: the last 12 months',
};
const FLAGS: { key: 'withTransactions' | 'withBalance' | 'withAccountIdentity' | 'withKYC'; label: string; flinks: string; what: string }[] = [
  { key: 'withTransactions', label: 'With transactions', flinks: 'WithTransactions', what: 'the transactions' },
  { key: 'withBalance', label: 'With balance', flinks: 'WithBalance', what: 'Current, Available and Limit' },
  { key: 'withAccountIdentity', label: 'With account identity', flinks: 'WithAccountIdentity', what: 'transit, institution and account numbers' },
  { key: 'withKYC', label: 'With KYC', flinks: 'WithKYC', what: 'the holder' },
];

export function FetchOptions({ value, onChange, accounts, disabled = false }: { value: FollowOptions; onChange: (next: FollowOptions) => void; accounts: AccountView[]; disabled?: boolean }) {
  const id = useId();
  const set = <K extends keyof FollowOptions>(key: K, v: FollowOptions[K]) => onChange({ ...value, [key]: v });
  const toggleAccount = (accountId: string, on: boolean) =>
    set('accountsFilter', on ? [...value.accountsFilter.filter((a) => a !== accountId), accountId] : value.accountsFilter.filter((a) => a !== accountId));
  const field = 'mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm';
  const hint = 'text-xs text-slate-500';

  return (
    <details className="rounded-md border border-slate-200 bg-slate-50 text-sm" data-testid="fetch-options">
      <summary className="cursor-pointer px-3 py-2 font-medium text-slate-800">
        Fetch options <span className="font-normal text-slate-600">({describeFollowOptions(value)})</span>
      </summary>
      <fieldset disabled={disabled} className="grid gap-4 border-t border-slate-200 px-3 py-3 sm:grid-cols-2">
        <legend className="sr-only">Fetch options</legend>
        <div>
          <label htmlFor={`${id}-days`} className="block text-xs font-medium text-slate-700">Days of transactions</label>
          <select id={`${id}-days`} value={value.daysOfTransactions} onChange={(e) => set('daysOfTransactions', e.target.value as FollowOptions['daysOfTransactions'])} aria-describedby={`${id}-days-hint`} className={field}>
            {DAYS_OF_TRANSACTIONS.map((d) => (
              <option key={d} value={d}>{DAYS_LABEL[d]}</option>
            ))}
          </select>
          <p id={`${id}-days-hint`} className={hint}>Accounts detail: <code>DaysOfTransactions</code>.</p>
        </div>
        <div>
          <label htmlFor={`${id}-statements`} className="block text-xs font-medium text-slate-700">Number of statements</label>
          <select id={`${id}-statements`} value={value.numberOfStatements} onChange={(e) => set('numberOfStatements', e.target.value as FollowOptions['numberOfStatements'])} aria-describedby={`${id}-statements-hint`} className={field}>
            {NUMBER_OF_STATEMENTS.map((n) => (
              <option key={n} value={n}>{STATEMENTS_LABEL[n]}</option>
            ))}
          </select>
          <p id={`${id}-statements-hint`} className={hint}>Statements: <code>NumberOfStatements</code>.</p>
        </div>
        <fieldset className="min-w-0" aria-describedby={`${id}-accounts-hint`}>
          <legend className="text-xs font-medium text-slate-700">Accounts to fetch</legend>
          {accounts.length > 0 ? (
            <ul className="mt-1 space-y-1">
              {accounts.map((a) => (
                <li key={a.id}>
                  <label className="inline-flex items-center gap-2">
                    <input type="checkbox" checked={value.accountsFilter.includes(a.id)} onChange={(e) => toggleAccount(a.id, e.target.checked)} className="h-4 w-4" />
                    {accountLabel(a)}
                  </label>
                </li>
              ))}
            </ul>
          ) : null}
          <p id={`${id}-accounts-hint`} className={hint}>
            <code>AccountsFilter</code>, for Accounts detail and Statements.{' '}
            {accounts.length > 0 ? 'None ticked: every account.' : 'Follow Accounts summary to choose accounts; until then every account is fetched.'}
          </p>
        </fieldset>
        <fieldset className="min-w-0">
          <legend className="text-xs font-medium text-slate-700">Include (Accounts detail)</legend>
          <ul className="mt-1 space-y-1">
            {FLAGS.map((f) => (
              <li key={f.key}>
                <label className="inline-flex items-center gap-2">
                  <input type="checkbox" checked={value[f.key]} onChange={(e) => set(f.key, e.target.checked)} aria-describedby={`${id}-${f.key}`} className="h-4 w-4" />
                  {f.label}
                </label>
                <span id={`${id}-${f.key}`} className={`${hint} ml-6 block`}>
                  <code>{f.flinks}</code>: {f.what}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="sm:col-span-2">
          <button type="button" onClick={() => onChange(DEFAULT_FOLLOW_OPTIONS)} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-xs font-medium text-slate-800 hover:bg-slate-50">
            Reset fetch options
          </button>
        </div>
      </fieldset>
    </details>
  );
}
