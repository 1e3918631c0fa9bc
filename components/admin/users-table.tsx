import Link from 'next/link';
import { DataTable, type Column } from '@/components/ui/data-table';
import type { StaffUser } from '@/lib/auth/staff-users';
import { lastSignInLabel } from '@/lib/auth/user-admin-rules';
import { UserRowActions } from './user-row-actions';

const COLUMNS: Column[] = [{ label: 'Email' }, { label: 'Name' }, { label: 'Role' }, { label: 'Status' }, { label: 'Last sign-in' }, { label: 'Actions' }];

const STATUS_LOOK = {
  active: 'bg-emerald-50 text-emerald-800 border-emerald-200',
  deactivated: 'bg-slate-100 text-slate-700 border-slate-300',
} as const;

/** Staff accounts with their controls. The viewer's own row has none: nobody demotes or deactivates themself. */
export function UsersTable({ users, viewerId }: { users: StaffUser[]; viewerId: string }) {
  return (
    <DataTable columns={COLUMNS} caption="Staff users" testId="users-table">
      {users.map((u) => (
        <tr key={u.id} data-testid="user-row" className="align-top">
          <td className="whitespace-nowrap px-3 py-2 font-medium">{u.email}</td>
          <td className="px-3 py-2">{u.name}</td>
          <td className="px-3 py-2">{u.role ?? 'none'}</td>
          <td className="px-3 py-2">
            <span className={`inline-flex rounded-full border px-2 py-0.5 text-xs font-medium ${STATUS_LOOK[u.status]}`}>{u.status}</span>
          </td>
          <td className="whitespace-nowrap px-3 py-2">{lastSignInLabel(u.lastSignInAt)}</td>
          <td className="px-3 py-2">
            {u.id === viewerId ? (
              <p className="max-w-72 text-sm text-slate-600">
                This is you. Another administrator can change your role or deactivate you; change your password on{' '}
                <Link href="/account" className="text-indigo-700 underline">your account page</Link>.
              </p>
            ) : (
              <UserRowActions user={u} />
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
