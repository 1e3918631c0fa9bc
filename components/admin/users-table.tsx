import Link from 'next/link';
import type { StaffUser } from '@/lib/auth/staff-users';
import { lastSignInLabel } from '@/lib/auth/user-admin-rules';
import { UserRowActions } from './user-row-actions';

const COLUMNS = ['Email', 'Name', 'Role', 'Status', 'Last sign-in', 'Actions'] as const;

const STATUS_LOOK = {
  active: 'bg-emerald-50 text-emerald-800 border-emerald-200',
  deactivated: 'bg-slate-100 text-slate-700 border-slate-300',
} as const;

// Below md each row is a card: cells stack, each labelled by its column through CSS generated content
// (data-label), which stays out of the cells' text. From md up it is an ordinary table.
const cell = 'px-3 md:py-2 md:table-cell';
const labelled = `${cell} grid grid-cols-[7rem_1fr] gap-2 py-0.5 before:font-medium before:text-slate-500 before:content-[attr(data-label)] md:before:content-none`;

/** Staff accounts with their controls. The viewer's own row has none: nobody demotes or deactivates themself. */
export function UsersTable({ users, viewerId }: { users: StaffUser[]; viewerId: string }) {
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="block w-full text-sm md:table" data-testid="users-table">
        <caption className="block px-3 py-2 text-left text-sm font-semibold text-slate-800 md:table-caption">Staff users</caption>
        <thead className="hidden bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-500 md:table-header-group">
          <tr>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className="whitespace-nowrap px-3 py-2">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="block divide-y divide-slate-200 md:table-row-group md:divide-slate-100">
          {users.map((u) => (
            <tr key={u.id} data-testid="user-row" className="block py-2 align-top md:table-row md:py-0">
              <td className={`${cell} block break-all py-1 font-medium md:break-normal md:whitespace-nowrap`}>{u.email}</td>
              <td data-label="Name" className={labelled}>{u.name}</td>
              <td data-label="Role" className={labelled}>{u.role ?? 'none'}</td>
              <td data-label="Status" className={labelled}>
                <span className={`inline-flex w-fit rounded-full border px-2 py-0.5 text-xs font-medium ${STATUS_LOOK[u.status]}`}>{u.status}</span>
              </td>
              <td data-label="Last sign-in" className={`${labelled} md:whitespace-nowrap`}>{lastSignInLabel(u.lastSignInAt)}</td>
              <td className={`${cell} block pt-2 md:pt-2`}>
                {u.id === viewerId ? (
                  <p className="text-sm text-slate-600 md:max-w-72">
                    This is you. Another administrator can change your role or deactivate you; change your password on{' '}
                    <Link prefetch={false} href="/account" className="text-indigo-700 underline">your account page</Link>.
                  </p>
                ) : (
                  <UserRowActions user={u} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
