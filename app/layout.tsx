import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getEnv } from '@/lib/env';
import { EnvironmentBadge } from '@/components/environment-badge';
import './globals.css';

export const metadata: Metadata = {
  title: 'Flinks Session Inspector',
  description: 'Open Flinks sessions, answer MFA, and see what Flinks returns.',
};

// The environment badge reflects the running server's configuration, not the build's.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  const { environment } = getEnv().flinks;
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3">
            <Link href="/" className="shrink-0 font-semibold text-slate-900">
              Flinks Session Inspector
            </Link>
            <nav aria-label="Main" className="ml-auto flex items-center gap-4 text-sm">
              <Link href="/" className="text-slate-700 hover:text-slate-900 hover:underline">New session</Link>
              <Link href="/sessions" className="text-slate-700 hover:text-slate-900 hover:underline">History</Link>
            </nav>
            <EnvironmentBadge environment={environment} />
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
