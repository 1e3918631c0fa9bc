// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { accountsDetailSchema, statementsSchema } from '@/lib/flinks/schemas';
import { toAccountViews, toStatementViews, type AccountView } from '@/lib/inspector/data-views';
import { accountsDetail200, statements200 } from '@/test/fixtures/flinks-doc-examples';
import { AccountsTable } from './accounts-table';
import type { RevealHolderDataResult } from '@/lib/inspector/reveal-holder-data';
import { HolderDetails, REVEAL_SECONDS } from './holder-details';
import { StatementsList } from './statements-list';
import { TRANSACTIONS_PAGE_SIZE, TransactionsTable } from './transactions-table';

afterEach(cleanup);

const accounts = toAccountViews(accountsDetailSchema.parse(accountsDetail200));

describe('AccountsTable', () => {
  it('shows balances and only the last four digits', () => {
    render(<AccountsTable accounts={accounts} caption="Accounts detail" />);
    const table = screen.getByRole('table', { name: 'Accounts detail' });
    const row = within(table).getByRole('row', { name: /Chequing Account/ });
    expect(row).toHaveTextContent('Operations');
    expect(row).toHaveTextContent('$49,993.96');
    expect(row).toHaveTextContent('••••0200');
    expect(table).not.toHaveTextContent('CO020200');
  });
});

describe('HolderDetails', () => {
  const detail = accountsDetail200.Accounts[0]!;
  const name = detail.Holder!.Name!;
  const clear: RevealHolderDataResult = {
    kind: 'revealed',
    fields: ['holder.name', 'account.number'],
    accounts: [{ accountId: detail.Id, title: detail.Title ?? null, lastFour: '0200', accountNumber: detail.AccountNumber ?? null, transitNumber: null, holder: { name, email: null, phone: null, address: null } }],
  };

  it('arrives masked and never holds the clear name before a reveal', () => {
    render(<HolderDetails inspectionId="i" accounts={accounts} reveal={vi.fn()} />);
    expect(screen.getByTestId('holder-table')).not.toHaveTextContent(name);
    expect(screen.getByTestId('holder-table')).toHaveTextContent(/\w•••/);
  });

  it('asks for a reason, reveals for a limited time, then masks again', async () => {
    vi.useFakeTimers();
    try {
      const reveal = vi.fn(async (input: { reason: string }) =>
        input.reason.trim().length < 3 ? ({ kind: 'invalid', message: 'Enter a reason of at least 3 characters.', fieldErrors: {} } as const) : clear,
      );
      render(<HolderDetails inspectionId="insp-1" accounts={accounts} reveal={reveal} />);
      fireEvent.click(screen.getByRole('button', { name: 'Reveal holder details' }));
      const dialog = screen.getByRole('dialog', { name: 'Reveal holder details' });
      expect(dialog).toHaveAttribute('aria-modal', 'true');
      await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Reveal' })));
      expect(within(dialog).getByRole('alert')).toHaveTextContent('at least 3 characters');

      fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'TICKET-1' } });
      await act(async () => fireEvent.click(within(dialog).getByRole('button', { name: 'Reveal' })));
      expect(reveal).toHaveBeenLastCalledWith({ inspectionId: 'insp-1', reason: 'TICKET-1' });
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(screen.getByTestId('holder-table')).toHaveTextContent(name);
      expect(screen.getByTestId('reveal-countdown')).toHaveTextContent('60 s');

      act(() => vi.advanceTimersByTime(REVEAL_SECONDS * 1000 + 1000));
      expect(screen.getByTestId('holder-table')).not.toHaveTextContent(name);
      expect(screen.getByRole('button', { name: 'Reveal holder details' })).toBeVisible();
    } finally {
      vi.useRealTimers();
    }
  });

  it('hides on request, can be cancelled, and puts focus back', async () => {
    render(<HolderDetails inspectionId="i" accounts={accounts} reveal={async () => clear} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reveal holder details' }));
    expect(screen.getByLabelText('Reason')).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Reveal holder details' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal holder details' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Reveal holder details' }));
    fireEvent.change(screen.getByLabelText('Reason'), { target: { value: 'TICKET-1' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Reveal' })));
    expect(screen.getByRole('button', { name: 'Hide holder details' })).toHaveFocus();
    fireEvent.click(screen.getByRole('button', { name: 'Hide holder details' }));
    expect(screen.getByTestId('holder-table')).not.toHaveTextContent(name);
  });
});

describe('TransactionsTable', () => {
  const many: AccountView[] = [
    {
      ...accounts[0]!,
      transactions: Array.from({ length: TRANSACTIONS_PAGE_SIZE + 5 }, (_, i) => ({
        id: `t${i}`,
        date: `2026-01-${String(28 - (i % 28)).padStart(2, '0')}`,
        description: i === 3 ? 'Tim Hortons #0981' : `Purchase ${i}`,
        code: null,
        debit: 10 + i,
        credit: null,
        balance: 100,
      })),
    },
  ];

  it('pages and filters', () => {
    render(<TransactionsTable accounts={many} />);
    const body = () => screen.getByTestId('transactions-table').querySelectorAll('tbody tr');
    expect(body()).toHaveLength(TRANSACTIONS_PAGE_SIZE);
    expect(screen.getByText(/page 1 of 2/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(body()).toHaveLength(5);
    fireEvent.change(screen.getByLabelText('Filter transactions'), { target: { value: 'hortons' } });
    expect(body()).toHaveLength(1);
    expect(body()[0]).toHaveTextContent('Tim Hortons #0981');
    expect(screen.getByText(/1 of 20 transactions match the filters/)).toBeInTheDocument();
  });

  it('From/To, Min amount and the text filter apply across every page; totals follow the filtered rows', () => {
    render(<TransactionsTable accounts={many} />);
    const body = () => [...screen.getByTestId('transactions-table').querySelectorAll('tbody tr')];
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-01-20' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-01-28' } });
    // Days 20-28 of January: i = 0..8 (dates 28..20), debits 10..18.
    expect(body()).toHaveLength(9);
    const totals = screen.getByTestId('transaction-totals');
    expect(totals).toHaveTextContent('Totals of the 9 filtered transactions');
    expect(totals).toHaveTextContent('Debits$126.00');
    expect(totals).toHaveTextContent('Net-$126.00');
    fireEvent.change(screen.getByLabelText('Min amount'), { target: { value: '17' } });
    expect(body()).toHaveLength(2);
    fireEvent.change(screen.getByLabelText('Min amount'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Filter transactions'), { target: { value: 'January 21, 2026' } });
    expect(body()).toHaveLength(1);
    expect(body()[0]).toHaveTextContent('2026-01-21');
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(body()).toHaveLength(TRANSACTIONS_PAGE_SIZE);
    expect(screen.getByTestId('transaction-totals')).toHaveTextContent('Totals of the 20 transactions');
  });

  it('sorts by clicking a column header, aria-sort telling which way', () => {
    render(<TransactionsTable accounts={many} />);
    const header = (name: string) => screen.getByRole('button', { name }).closest('th')!;
    expect(header('Date')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Debit')).toHaveAttribute('aria-sort', 'none');
    fireEvent.click(screen.getByRole('button', { name: 'Debit' }));
    expect(header('Debit')).toHaveAttribute('aria-sort', 'descending');
    expect(header('Date')).toHaveAttribute('aria-sort', 'none');
    const first = () => screen.getByTestId('transactions-table').querySelector('tbody tr')!;
    expect(first()).toHaveTextContent('$29.00');
    fireEvent.click(screen.getByRole('button', { name: 'Debit' }));
    expect(header('Debit')).toHaveAttribute('aria-sort', 'ascending');
    expect(first()).toHaveTextContent('$10.00');
  });

  it('Export CSV downloads the filtered rows, masked as shown, every page of them', async () => {
    const blobs: Blob[] = [];
    const create = vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blobs.push(b as Blob);
      return 'blob:test';
    });
    const revoke = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      render(<TransactionsTable accounts={many} />);
      fireEvent.change(screen.getByLabelText('Max amount'), { target: { value: '27' } });
      fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
      expect(click).toHaveBeenCalledTimes(1);
      const csv = (await blobs[0]!.text()).replace(/^\uFEFF/, '');
      const lines = csv.trimEnd().split('\r\n');
      expect(lines[0]).toBe('Date,Account,Description,Code,Debit,Credit,Balance,Currency');
      expect(lines).toHaveLength(1 + 18);
      expect(lines.slice(1).every((l) => l.includes('••••0200'))).toBe(true);
    } finally {
      create.mockRestore();
      revoke.mockRestore();
      click.mockRestore();
    }
  });
});

describe('AccountsTable: Available − Current', () => {
  it('explains the difference by the limit Flinks gives', () => {
    const chequing: AccountView = { ...accounts[0]!, title: 'Chequing CAD', type: 'Chequing', category: 'Operations', currency: 'CAD', current: 1000, available: 6000, limit: 5000, overdraftLimit: 5000, lastFour: '1234' };
    render(<AccountsTable accounts={[chequing]} caption="Accounts detail" />);
    expect(screen.getByTestId('balance-notes')).toHaveTextContent('Chequing CAD ••••1234: Available exceeds current by $5,000.00: the overdraft limit of $5,000.00.');
  });
});

describe('StatementsList', () => {
  it('offers each statement as a PDF download', () => {
    render(<StatementsList statements={toStatementViews(statementsSchema.parse(statements200))} />);
    const link = screen.getByRole('link', { name: /^Download statement ••••1000/ });
    expect(link).toHaveAttribute('href', 'data:application/pdf;base64,JVBERi0xLjQK');
    expect(link.getAttribute('download')).toMatch(/\.pdf$/);
    expect(screen.getByRole('table', { name: 'Statements' })).toHaveTextContent('Not stated by Flinks');
  });

  it('names the account (title when known) and the period each statement covers', () => {
    const views = toStatementViews(statementsSchema.parse({ ...statements200, StatementsByAccount: statements200.StatementsByAccount.map((g) => ({ ...g, Statements: g.Statements.map((st) => ({ ...st, StartDate: '2026-10-01', EndDate: '2026-10-31' })) })) }));
    const known: AccountView = { ...accounts[0]!, title: 'Chequing CAD', lastFour: views[0]!.accountLastFour };
    render(<StatementsList statements={views} accounts={[known]} />);
    const row = screen.getByRole('table', { name: 'Statements' }).querySelector('tbody tr')!;
    expect(row).toHaveTextContent(`Chequing CAD ••••${views[0]!.accountLastFour}`);
    expect(row).toHaveTextContent('October 2026 (2026-10-01 to 2026-10-31)');
    expect(screen.getAllByRole('link', { name: /^Download statement ••••\d{4} 2026-10-01$/ }).length).toBeGreaterThan(0);
  });
});
