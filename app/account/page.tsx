import type { Metadata } from 'next';
import { signOutEverywhereAction } from '@/app/actions/auth';
import { ApiTokens } from '@/components/account/api-tokens';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { toTokenItem } from '@/lib/auth/api-token-schemas';
import { listApiTokens } from '@/lib/auth/api-tokens';
import { requireViewer } from '@/lib/auth/viewer';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Your account · Flinks Session Inspector' };

const card = 'rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6';

/** Everyone signed in: who they are, their password, their sessions and their API tokens. */
export default async function AccountPage() {
  const viewer = await requireViewer('account:self', { page: '/account' });
  const tokens = (await listApiTokens(viewer.id)).map((t) => toTokenItem(t));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Your account</h1>

      <section aria-labelledby="profile-heading" className={card}>
        <h2 id="profile-heading" className="mb-3 text-lg font-semibold">Profile</h2>
        <dl className="grid grid-cols-[5rem_1fr] gap-x-4 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium text-slate-600">Email</dt>
          <dd className="break-all">{viewer.email}</dd>
          <dt className="font-medium text-slate-600">Name</dt>
          <dd>{viewer.name}</dd>
          <dt className="font-medium text-slate-600">Role</dt>
          <dd>{viewer.role ?? 'none (ask an administrator for one)'}</dd>
        </dl>
      </section>

      <section aria-labelledby="change-password-heading" className={card}>
        <h2 id="change-password-heading" className="mb-1 text-lg font-semibold">Change password</h2>
        <p className="mb-4 text-sm text-slate-600">Your other sessions are signed out when it changes; this one stays.</p>
        <ChangePasswordForm email={viewer.email} />
      </section>

      <section aria-labelledby="sessions-heading" className={card}>
        <h2 id="sessions-heading" className="mb-1 text-lg font-semibold">Sessions</h2>
        <p className="mb-4 text-sm text-slate-600">Lost a laptop, or signed in on a shared screen? End every session of your account, this one included.</p>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="rounded-md border border-red-300 bg-white px-4 py-2 text-sm font-medium text-red-800 hover:bg-red-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600">
            Sign out everywhere
          </button>
        </form>
      </section>

      <section id="api-tokens" aria-labelledby="api-tokens-heading" className={card}>
        <h2 id="api-tokens-heading" className="mb-1 text-lg font-semibold">API tokens</h2>
        <ApiTokens tokens={tokens} />
      </section>
    </div>
  );
}
