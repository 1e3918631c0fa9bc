import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDatabase } from '@/lib/store';
import { user as users } from '@/lib/store/schema-auth';
import { isRole, type Role } from './permissions';
import { userStatus, type UserStatus } from './user-admin-rules';

/** A row of the Users page. Read straight from staff_users: last_sign_in_at is ours, not Better Auth's. */
export type StaffUser = {
  id: string;
  email: string;
  name: string;
  role: Role | null;
  status: UserStatus;
  lastSignInAt: Date | null;
  createdAt: Date;
};

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  banned: users.banned,
  banExpires: users.banExpires,
  lastSignInAt: users.lastSignInAt,
  createdAt: users.createdAt,
};

type Row = { id: string; email: string; name: string; role: string | null; banned: boolean | null; banExpires: Date | null; lastSignInAt: Date | null; createdAt: Date };

function toStaffUser(r: Row): StaffUser {
  return {
    id: r.id,
    email: r.email,
    name: r.name,
    role: isRole(r.role) ? r.role : null,
    status: userStatus({ banned: r.banned, banExpires: r.banExpires }),
    lastSignInAt: r.lastSignInAt,
    createdAt: r.createdAt,
  };
}

/** Every staff account, by email. A staff list is tens of rows, not thousands: no paging. */
export async function listStaffUsers(): Promise<StaffUser[]> {
  const { db } = await getDatabase();
  const rows = await db.select(columns).from(users).orderBy(asc(users.email));
  return rows.map(toStaffUser);
}

export async function findStaffUser(id: string): Promise<StaffUser | null> {
  const { db } = await getDatabase();
  const [row] = await db.select(columns).from(users).where(eq(users.id, id));
  return row ? toStaffUser(row) : null;
}
