'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { pollAccountsDetailAction } from '@/app/sessions/actions';
import type { FollowResult } from '@/lib/inspector/follow-link';
import { formatDuration } from './format';

export type Polling = { intervalMs: number; giveUpMs: number };

type Snapshot = { result: FollowResult; poll: number };

/**
 * Polls GetAccountsDetailAsync after a 202 (docs/flinks-api.md §8.3) with TanStack Query's
 * refetchInterval. The first poll waits one interval (the 202 is the initial data), each poll is a
 * server action that records a step; polling ends on a non-202, on "Stop polling", or at the give-up limit.
 */
export function DetailPoller({
  inspectionId,
  polling,
  startedAt,
  onSettled,
}: {
  inspectionId: string;
  polling: Polling;
  startedAt: number;
  onSettled: (result: FollowResult) => void;
}) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const count = useRef(0);
  const [stopped, setStopped] = useState(false);
  const [now, setNow] = useState(startedAt);
  const gaveUp = now - startedAt >= polling.giveUpMs;

  const queryKey = ['accounts-detail-poll', inspectionId, startedAt];
  const query = useQuery<Snapshot>({
    queryKey,
    queryFn: async ({ signal }) => {
      const result = await pollAccountsDetailAction({ inspectionId });
      // Stopped while this poll was on its way: its step is recorded, but the count is final.
      if (signal.aborted) throw new DOMException('Polling stopped', 'AbortError');
      count.current += 1;
      return { result, poll: count.current };
    },
    initialData: { result: { kind: 'pending', flinksCode: 'OPERATION_PENDING', message: null }, poll: 0 },
    initialDataUpdatedAt: startedAt,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    enabled: !stopped && !gaveUp,
    refetchInterval: (q) => {
      if (q.state.data && q.state.data.result.kind !== 'pending') return false;
      return Date.now() - startedAt >= polling.giveUpMs ? false : polling.intervalMs;
    },
  });

  const { result, poll } = query.data;
  useEffect(() => {
    if (poll === 0) return;
    router.refresh();
    if (result.kind !== 'pending') onSettled(result);
  }, [poll, result, router, onSettled]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 200);
    return () => clearInterval(t);
  }, []);

  const nextIn = Math.max(0, query.dataUpdatedAt + polling.intervalMs - now);
  const status = stopped
    ? `Polling stopped after ${poll} poll${poll === 1 ? '' : 's'}.`
    : gaveUp
      ? `Gave up after ${formatDuration(polling.giveUpMs)}: Flinks is still processing.`
      : query.isFetching
        ? `Polling GetAccountsDetailAsync… (poll ${poll + 1})`
        : `Flinks is still collecting the data (${result.kind === 'pending' ? result.flinksCode : ''}). Next poll in ${(nextIn / 1000).toFixed(1)} s.`;

  return (
    <div data-testid="detail-polling" className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">
      <div>
        <p className="font-semibold">
          Polls: <span data-testid="poll-count">{poll}</span>
        </p>
        <p role="status" aria-live="polite">{status}</p>
      </div>
      {stopped || gaveUp ? (
        <button type="button" onClick={() => { setStopped(false); setNow(Date.now()); void query.refetch(); }} className="rounded border border-sky-300 bg-white px-3 py-1.5 text-xs font-medium">
          Poll again
        </button>
      ) : (
        <button
          type="button"
          onClick={() => {
            setStopped(true);
            void queryClient.cancelQueries({ queryKey });
          }}
          className="rounded border border-sky-300 bg-white px-3 py-1.5 text-xs font-medium"
        >
          Stop polling
        </button>
      )}
    </div>
  );
}
