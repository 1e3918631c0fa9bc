import { z } from 'zod';
import { accountSchema, type Account } from '@/lib/flinks/schemas';
import { holderView, type HolderView } from './data-views';
import type { InspectorDeps } from './deps';
import { openResponse } from './sealed';
import type { AppErrorView } from './views';

/**
 * The one way to see who the customer is: opens the sealed original responses of an inspection's
 * steps and returns the clear holder details per account, with the names (never the values) of the
 * fields revealed, for the audit trail. Callers decide who may call it and record that they did.
 */

export type RevealedAccount = {
  accountId: string;
  title: string | null;
  lastFour: string | null;
  accountNumber: string | null;
  transitNumber: string | null;
  holder: HolderView | null;
};

/** Field names as the audit trail records them. */
export type RevealedField = 'holder.name' | 'holder.email' | 'holder.phone' | 'holder.address' | 'account.number' | 'account.transit';

export type RevealHolderDataResult =
  | { kind: 'revealed'; accounts: RevealedAccount[]; fields: RevealedField[] }
  | { kind: 'error'; error: AppErrorView }
  | { kind: 'invalid'; message: string; fieldErrors: { reason?: string } };

const withAccounts = z.looseObject({ Accounts: z.array(z.unknown()) });

function revealedOf(a: Account): RevealedAccount {
  const digits = (v: string | null | undefined) => v?.replace(/[^0-9A-Za-z]/g, '') || null;
  return {
    accountId: a.Id,
    title: a.Title ?? null,
    lastFour: a.LastFourDigits?.slice(-4) ?? digits(a.AccountNumber)?.slice(-4) ?? null,
    accountNumber: a.AccountNumber ?? null,
    transitNumber: a.TransitNumber ?? null,
    holder: holderView(a.Holder),
  };
}

/** Later steps win, but a summary without a holder never erases the detail's. */
function merge(before: RevealedAccount | undefined, after: RevealedAccount): RevealedAccount {
  if (!before) return after;
  const holder = before.holder || after.holder
    ? {
        name: after.holder?.name ?? before.holder?.name ?? null,
        email: after.holder?.email ?? before.holder?.email ?? null,
        phone: after.holder?.phone ?? before.holder?.phone ?? null,
        address: after.holder?.address ?? before.holder?.address ?? null,
      }
    : null;
  return {
    accountId: after.accountId,
    title: after.title ?? before.title,
    lastFour: after.lastFour ?? before.lastFour,
    accountNumber: after.accountNumber ?? before.accountNumber,
    transitNumber: after.transitNumber ?? before.transitNumber,
    holder,
  };
}

function fieldsOf(accounts: readonly RevealedAccount[]): RevealedField[] {
  const has: [RevealedField, (a: RevealedAccount) => unknown][] = [
    ['holder.name', (a) => a.holder?.name],
    ['holder.email', (a) => a.holder?.email],
    ['holder.phone', (a) => a.holder?.phone],
    ['holder.address', (a) => a.holder?.address],
    ['account.number', (a) => a.accountNumber],
    ['account.transit', (a) => a.transitNumber],
  ];
  return has.filter(([, get]) => accounts.some((a) => get(a) != null)).map(([field]) => field);
}

export async function revealHolderData(deps: Pick<InspectorDeps, 'store' | 'keyring'>, inspectionId: string): Promise<RevealHolderDataResult> {
  const inspection = await deps.store.getInspection(inspectionId);
  if (!inspection) return { kind: 'error', error: { kind: 'app', message: 'This session is unknown.' } };
  const byId = new Map<string, RevealedAccount>();
  let unreadable: string | null = null;
  for (const step of await deps.store.listSteps(inspection.id)) {
    if (!step.sealedResponse) continue;
    const opened = openResponse(deps.keyring, step.sealedResponse);
    if (!opened.ok) {
      unreadable = opened.message;
      continue;
    }
    const body = withAccounts.safeParse(opened.body);
    if (!body.success) continue;
    for (const raw of body.data.Accounts) {
      const account = accountSchema.safeParse(raw);
      if (account.success) byId.set(account.data.Id, merge(byId.get(account.data.Id), revealedOf(account.data)));
    }
  }
  const accounts = [...byId.values()];
  if (accounts.length === 0) {
    const message = unreadable
      ? `The holder details of this session cannot be opened: ${unreadable}`
      : 'This session has no holder details to reveal yet: follow Accounts summary or Accounts detail first.';
    return { kind: 'error', error: { kind: 'app', message } };
  }
  return { kind: 'revealed', accounts, fields: fieldsOf(accounts) };
}
