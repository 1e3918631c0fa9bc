import { publicPage } from '@/lib/auth/viewer';
import type { Metadata } from 'next';
import Link from 'next/link';
import { SetupForm } from '@/components/auth/setup-form';
import { setupTokenValid } from '@/lib/auth/first-admin';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'First administrator · Flinks Session Inspector' };

/** Public, guarded by the one-time token the server printed to its console. */
export default async function SetupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  publicPage();
  const token = (await searchParams).token;
  const valid = typeof token === 'string' && token.length <= 200 && (await setupTokenValid(token));
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Create the first administrator</h1>
        <p className="mt-1 text-sm text-slate-600">This link was printed on the server’s console and works once.</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        {valid ? (
          <SetupForm token={token} />
        ) : (
          <p role="alert" className="text-sm text-slate-800">
            This setup link is not valid: it was used already, it expired, or it is mistyped. If nobody has an account yet,
            restart the server to print a new link; otherwise <Link prefetch={false} href="/sign-in" className="text-indigo-700 underline">sign in</Link>.
          </p>
        )}
      </div>
    </div>
  );
}
