import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { safeNextPath } from '@/lib/auth/safe-next';
import { getViewer, publicPage } from '@/lib/auth/viewer';
import { getEnv } from '@/lib/env';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in · Flinks Session Inspector' };

const SSO_ERRORS: Record<string, string> = {
  sso: 'Single sign-on did not complete. Try again, or ask an administrator.',
};

/** Public by design: the one page (with /setup) a signed-out visitor can see. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  publicPage();
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await getViewer()) redirect(next);
  const oidc = getEnv().auth.oidc;
  const errorKey = typeof params.error === 'string' ? params.error : null;
  const initialError = errorKey ? (Object.hasOwn(SSO_ERRORS, errorKey) ? SSO_ERRORS[errorKey]! : 'Sign-in did not complete. Try again.') : null;
  return (
    <div className="mx-auto max-w-sm space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Staff access to Flinks sessions. Every action is recorded.</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <SignInForm next={next} sso={oidc ? { label: oidc.label } : null} initialError={initialError} />
      </div>
    </div>
  );
}
