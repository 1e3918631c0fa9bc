import Link from 'next/link';
import { publicPage } from '@/lib/auth/viewer';

/** HTTP 404: an unknown page or session. */
export default function NotFound() {
  publicPage();
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Not found</h1>
      <p className="text-sm text-slate-700">There is no such page or session. A session link may have a typo, or the session belongs to another database.</p>
      <p className="text-sm">
        <Link prefetch={false} href="/sessions" className="text-indigo-700 hover:underline">Go to History</Link>
      </p>
    </div>
  );
}
