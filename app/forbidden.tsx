import Link from 'next/link';
import { PERMISSION_LABELS } from '@/lib/auth/permissions';
import { deniedPermission } from '@/lib/auth/viewer';

/** HTTP 403: signed in, but the role does not allow this. Says what is missing and who can grant it. */
export default async function Forbidden() {
  const denied = deniedPermission();
  // Next may render this while the page is still being checked: wait for the guard's decision
  // (requireViewer makes one in every guarded request, at once). Pages without the guard (sign-in,
  // setup, 404) never decide, so the wait is bounded; the page then says it generically.
  const decided = denied.permission ?? (await Promise.race([denied.decided, new Promise<null>((r) => setTimeout(() => r(null), 1500))]));
  // A shared operation refused after the guard let the caller in (forbidWith) names its permission later.
  const permission = decided ?? denied.permission;
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Not allowed</h1>
      <p className="text-sm text-slate-700">
        {permission ? (
          <>
            Your role does not include the permission <code className="rounded bg-slate-100 px-1">{permission}</code> (to{' '}
            {PERMISSION_LABELS[permission]}).
          </>
        ) : (
          'Your role does not allow this.'
        )}{' '}
        An administrator can change your role on the Users page. This refusal was recorded.
      </p>
      <p className="text-sm">
        <Link prefetch={false} href="/" className="text-indigo-700 hover:underline">Back to the start page</Link>
      </p>
    </div>
  );
}
