'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { recordAudit } from '@/lib/audit/record';
import { getAuth } from '@/lib/auth/auth';
import { actorOf, currentRequestMeta, requireViewer } from '@/lib/auth/viewer';

/** Ends this browser's session (recorded), then back to the sign-in page. */
export async function signOutAction(): Promise<void> {
  const viewer = await requireViewer('account:self');
  await recordAudit({ action: 'auth.sign_out', actor: actorOf(viewer), outcome: 'permitted', target: { type: 'user', id: viewer.id }, request: await currentRequestMeta(), metadata: { scope: 'this_session' } });
  await (await getAuth()).api.signOut({ headers: await headers() });
  redirect('/sign-in');
}

/** Ends every session of this user, on every device (a lost laptop, a shared screen). */
export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await requireViewer('account:self');
  await recordAudit({ action: 'auth.sign_out', actor: actorOf(viewer), outcome: 'permitted', target: { type: 'user', id: viewer.id }, request: await currentRequestMeta(), metadata: { scope: 'everywhere' } });
  const auth = await getAuth();
  const h = await headers();
  await auth.api.revokeSessions({ headers: h });
  await auth.api.signOut({ headers: h }).catch(() => undefined);
  redirect('/sign-in');
}
