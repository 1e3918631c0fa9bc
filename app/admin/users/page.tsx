import type { Metadata } from 'next';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { UsersTable } from '@/components/admin/users-table';
import { listStaffUsers } from '@/lib/auth/staff-users';
import { requireViewer } from '@/lib/auth/viewer';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Users · Flinks Session Inspector' };

export default async function UsersPage() {
  const viewer = await requireViewer('users:manage', { page: '/admin/users' });
  const users = await listStaffUsers();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-slate-600">Staff accounts and their roles. Every change here is recorded in the audit trail.</p>
      </div>
      <section aria-labelledby="create-user-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
        <h2 id="create-user-heading" className="mb-4 text-lg font-semibold">Create a user</h2>
        <CreateUserForm />
      </section>
      <section aria-label="Staff users" className="space-y-2">
        <p className="text-sm text-slate-600">
          {users.length} user{users.length === 1 ? '' : 's'}. Deactivated users cannot sign in; their sessions ended when they were deactivated.
        </p>
        <UsersTable users={users} viewerId={viewer.id} />
      </section>
    </div>
  );
}
