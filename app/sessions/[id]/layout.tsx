import type { ReactNode } from 'react';
import { Providers } from '@/components/providers';

// Only the session page polls (DetailPoller): TanStack Query ships with it, not with every page (issue 10).
export default function SessionLayout({ children }: { children: ReactNode }) {
  return <Providers>{children}</Providers>;
}
