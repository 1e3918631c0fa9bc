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
    expect(screen.getByText(/1 transaction matching/)).toBeInTheDocument();
  });
});

describe('StatementsList', () => {
  it('offers each statement as a PDF download', () => {
    render(<StatementsList statements={toStatementViews(statementsSchema.parse(statements200))} />);
    const link = screen.getByRole('link', { name: /^Download statement ••••1000/ });
    expect(link).toHaveAttribute('href', 'data:application/pdf;base64,JVBERi0xLjQK');
    expect(link.getAttribute('download')).toMatch(/\.pdf$/);
  });
});
