import type { AccountView } from './data-views';
import type { Money } from './transaction-filters';

/**
 * Why Available and Current differ, in one sentence, from Flinks' own fields (§8.1, §8.2):
 * Balance.Limit (or the detail's OverdraftLimit) is what a bank adds to the current balance to
 * give what can be spent. The ticket "balance looks wrong" is usually that: Available > Current.
 */

const round2 = (n: number) => Math.round(n * 100) / 100;

export function explainBalance(a: AccountView, money: Money): string | null {
  if (a.available === null || a.current === null) return null;
  const m = (n: number) => money(n, a.currency);
  const diff = round2(a.available - a.current);
  const kind = a.category === 'Credits' || /credit/i.test(a.type ?? '') ? 'credit limit' : 'overdraft limit';
  const limit = a.limit ?? (a.overdraftLimit ? a.overdraftLimit : null);
  if (diff === 0) return 'Available equals current: no overdraft or credit limit adds to it.';
  if (diff < 0) return `Available is ${m(-diff)} below current: funds on hold or pending transactions (Flinks does not say which).`;
  if (limit !== null && round2(limit) === diff) return `Available exceeds current by ${m(diff)}: the ${kind} of ${m(limit)}.`;
  if (limit !== null && limit > 0) {
    return `Available exceeds current by ${m(diff)}: the ${kind} of ${m(limit)} explains ${m(Math.min(limit, diff))}; Flinks' fields do not explain the other ${m(round2(Math.abs(diff - limit)))}.`;
  }
  return `Available exceeds current by ${m(diff)}, and Flinks gives no limit that explains it.`;
}
