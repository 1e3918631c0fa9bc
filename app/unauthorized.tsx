import Link from 'next/link';

/** HTTP 401 for a signed-out caller of something that is not a page (pages redirect to sign-in instead). */
export default function Unauthorized() {
  return (
    <div className="mx-auto max-w-xl space-y-3">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in required</h1>
      <p className="text-sm text-slate-700">Your session ended or you are not signed in.</p>
      <p className="text-sm">
        <Link prefetch={false} href="/sign-in" className="text-indigo-700 hover:underline">Sign in</Link>
      </p>
    </div>
  );
}
