import { describe, expect, it } from 'vitest';
import { formatMoney } from '@/components/session/format';
import { explainBalance } from './balance-note';
import type { AccountView } from './data-views';

const base: AccountView = {
  id: 'a', title: 'Chequing CAD', type: 'Chequing', category: 'Operations', accountType: 'Personal', currency: 'CAD',
  current: 1200, available: 6200, limit: 5000, overdraftLimit: 5000, lastFour: '1234', transitNumber: null, holder: null, transactions: [],
};
const say = (over: Partial<AccountView>) => explainBalance({ ...base, ...over }, formatMoney);

describe('Available − Current explained', () => {
  it('by the overdraft limit of a chequing account, or the credit limit of a card', () => {
    expect(say({})).toBe('Available exceeds current by $5,000.00: the overdraft limit of $5,000.00.');
    expect(say({ type: 'CreditCard', category: 'Credits', current: -2500, available: 7500, limit: 10_000, overdraftLimit: 0 })).toBe(
      'Available exceeds current by $10,000.00: the credit limit of $10,000.00.',
    );
  });

  it('OverdraftLimit stands in when Balance.Limit is missing', () => {
    expect(say({ limit: null })).toBe('Available exceeds current by $5,000.00: the overdraft limit of $5,000.00.');
  });

  it('says what the limit does not explain, and when there is no limit at all', () => {
    expect(say({ available: 6500 })).toBe("Available exceeds current by $5,300.00: the overdraft limit of $5,000.00 explains $5,000.00; Flinks' fields do not explain the other $300.00.");
    expect(say({ limit: null, overdraftLimit: null })).toBe('Available exceeds current by $5,000.00, and Flinks gives no limit that explains it.');
  });

  it('equal balances, a lower Available, and balances not asked for', () => {
    expect(say({ available: 1200 })).toBe('Available equals current: no overdraft or credit limit adds to it.');
    expect(say({ available: 1100 })).toBe('Available is $100.00 below current: funds on hold or pending transactions (Flinks does not say which).');
    expect(say({ available: null, current: null })).toBeNull();
  });
});
