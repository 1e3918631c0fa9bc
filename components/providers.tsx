'use client';

import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';

/** TanStack Query for the session page only (app/sessions/[id]/layout.tsx): no other page polls (issue 10). */
export function Providers({ children }: { children: ReactNode }) {
  // Server actions talk to Flinks: a failed mutation must not be retried behind the user's back.
  const [client] = useState(() => new QueryClient({ defaultOptions: { mutations: { retry: false } } }));
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
