import { signOutAction } from '@/app/actions/auth';

/** Signed in: who you are, and the way out. A plain form, so it works before hydration. */
export function UserMenu({ email }: { email: string }) {
  return (
    <div className="flex items-center gap-3 text-sm">
      <a href="/account" className="max-w-[9rem] truncate text-slate-700 hover:underline sm:max-w-[16rem]" title="Your account">
        {email}
      </a>
      <form action={signOutAction}>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-2.5 py-1 font-medium text-slate-800 hover:bg-slate-50">
          Sign out
        </button>
      </form>
    </div>
  );
}
