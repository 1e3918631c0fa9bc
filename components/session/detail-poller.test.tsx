// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { FollowResult } from '@/lib/inspector/follow-link';

const poll = vi.fn<() => Promise<FollowResult>>();
vi.mock('@/app/sessions/actions', () => ({ pollAccountsDetailAction: () => poll() }));
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: vi.fn() }) }));

const { DetailPoller } = await import('./detail-poller');

const pending: FollowResult = { kind: 'pending', flinksCode: 'OPERATION_PENDING', message: null };
const done: FollowResult = { kind: 'accounts', link: 'detail', accounts: [] };

function renderPoller(polling: { intervalMs: number; giveUpMs: number }, onSettled = vi.fn()) {
  const client = new QueryClient();
  render(
    <QueryClientProvider client={client}>
      <DetailPoller inspectionId="11111111-2222-4333-8444-555555555555" polling={polling} startedAt={Date.now()} onSettled={onSettled} />
    </QueryClientProvider>,
  );
  return onSettled;
}

beforeEach(() => poll.mockReset());
afterEach(cleanup);

describe('DetailPoller', () => {
  it('waits one interval, polls through 202s, and hands over the 200', async () => {
    poll.mockResolvedValueOnce(pending).mockResolvedValueOnce(pending).mockResolvedValueOnce(done);
    const onSettled = renderPoller({ intervalMs: 40, giveUpMs: 10_000 });
    expect(poll).not.toHaveBeenCalled();
    expect(screen.getByTestId('poll-count')).toHaveTextContent('0');
    await waitFor(() => expect(onSettled).toHaveBeenCalledWith(done));
    expect(poll).toHaveBeenCalledTimes(3);
  });

  it('stops when asked, and gives up at the limit', async () => {
    poll.mockResolvedValue(pending);
    renderPoller({ intervalMs: 40, giveUpMs: 10_000 });
    await waitFor(() => expect(screen.getByTestId('poll-count')).toHaveTextContent('1'));
    fireEvent.click(screen.getByRole('button', { name: 'Stop polling' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Polling stopped after \d+ poll/));
    const count = poll.mock.calls.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(poll.mock.calls.length).toBe(count);
    cleanup();

    poll.mockClear();
    renderPoller({ intervalMs: 40, giveUpMs: 200 });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Gave up after 0.2 s'), { timeout: 2000 });
    const atGiveUp = poll.mock.calls.length;
    expect(atGiveUp).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 150));
    expect(poll.mock.calls.length).toBe(atGiveUp);
    expect(screen.getByRole('button', { name: 'Poll again' })).toBeVisible();
  });
});
