import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { getViewer } from '@/lib/auth/viewer';
import { getEnv } from '@/lib/env';
import { EnvironmentBadge } from '@/components/environment-badge';
import { UserMenu } from '@/components/auth/user-menu';
import { HeaderSearch } from '@/components/header-search';
import './globals.css';

export const metadata: Metadata = {
  title: 'Flinks Session Inspector',
  description: 'Open Flinks sessions, answer MFA, and see what Flinks returns.',
};

// The environment badge reflects the running server's configuration, not the build's; every page
// is per-viewer and carries a per-request CSP nonce.
export const dynamic = 'force-dynamic';

const navLink = 'text-slate-700 hover:text-slate-900 hover:underline';

export default async function RootLayout({ children }: { children: ReactNode }) {
  const { environment, usesEmbeddedSimulator } = getEnv().flinks;
  // The layout only decides what to show; each page checks its own permission (requireViewer).
  const viewer = await getViewer();
  const can = (p: Parameters<NonNullable<typeof viewer>['permissions']['has']>[0]) => viewer?.permissions.has(p) ?? false;
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* First focusable element of every page: keyboard users skip the header's links and search. */}
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-700 focus:shadow focus:outline-2 focus:outline-indigo-600"
        >
          Skip to main content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-3">
            <Link prefetch={false} href="/" className="shrink-0 font-semibold text-slate-900">
              Flinks Session Inspector
            </Link>
            {viewer ? (
              <nav aria-label="Main" className="ml-auto flex flex-wrap items-center gap-4 text-sm">
                {can('inspection:open_cached') ? <Link prefetch={false} href="/" className={navLink}>New session</Link> : null}
                {can('inspection:view') ? <Link prefetch={false} href="/sessions" className={navLink}>History</Link> : null}
                {can('users:manage') ? <Link prefetch={false} href="/admin/users" className={navLink}>Users</Link> : null}
                {can('audit:view') ? <Link prefetch={false} href="/audit" className={navLink}>Audit</Link> : null}
                {/* A simulator tool: only while the embedded simulator is the upstream, like /simulator itself. */}
                {usesEmbeddedSimulator && can('simulator:import') ? <Link prefetch={false} href="/tools/import-bundle" className={navLink}>Import bundle</Link> : null}
              </nav>
            ) : null}
            {can('inspection:view') ? <HeaderSearch /> : null}
            <EnvironmentBadge environment={environment} />
            {viewer ? <UserMenu email={viewer.email} /> : null}
          </div>
        </header>
        {/* tabIndex -1: the skip link moves focus here, not only the scroll position. */}
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none">{children}</main>
      </body>
    </html>
  );
}
