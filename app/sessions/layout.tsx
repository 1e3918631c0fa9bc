import type { ReactNode } from 'react';

/** Session and history pages hold wide tables: break out of the root layout's narrow column. */
export default function SessionsLayout({ children }: { children: ReactNode }) {
  return <div className="relative left-1/2 w-[min(72rem,calc(100vw-2rem))] -translate-x-1/2">{children}</div>;
}
