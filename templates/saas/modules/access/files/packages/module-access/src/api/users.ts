import type { Db } from "@{{ project.name }}/db";
import type { AccessUser } from "@{{ project.name }}/shared-types";

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  created_at: Date | string;
  roles: string[] | null;
  password_hash: string;
}

const SELECT_USERS = `
SELECT u.id, u.email, u.display_name, u.created_at, u.password_hash,
       coalesce(array_agg(r.role ORDER BY r.role) FILTER (WHERE r.role IS NOT NULL), '{}') AS roles
FROM access_users u
LEFT JOIN access_user_roles r ON r.user_id = u.id`;

function toUser(row: UserRow): AccessUser {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles ?? [],
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function findUserById(db: Db, id: string): Promise<AccessUser | undefined> {
  const result = await db.query<UserRow>(`${SELECT_USERS} WHERE u.id = $1 GROUP BY u.id`, [id]);
  return result.rows[0] && toUser(result.rows[0]);
}

/** The user and their password hash, for login. */
export async function findUserByEmail(db: Db, email: string): Promise<{ user: AccessUser; passwordHash: string } | undefined> {
  const result = await db.query<UserRow>(`${SELECT_USERS} WHERE lower(u.email) = lower($1) GROUP BY u.id`, [email]);
  const row = result.rows[0];
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function listUsers(db: Db): Promise<AccessUser[]> {
  const result = await db.query<UserRow>(`${SELECT_USERS} GROUP BY u.id ORDER BY u.created_at, u.email`);
  return result.rows.map(toUser);
}

/** Creates a member; undefined when the email is taken. */
export async function createUser(
  db: Db,
  input: { email: string; displayName: string; passwordHash: string },
): Promise<AccessUser | undefined> {
  return db.transaction(async (tx) => {
    const inserted = await tx.query<{ id: string }>(
      `INSERT INTO access_users (email, display_name, password_hash) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING id`,
      [input.email, input.displayName, input.passwordHash],
    );
    const id = inserted.rows[0]?.id;
    if (!id) return undefined;
    await tx.query("INSERT INTO access_roles (name) VALUES ('member') ON CONFLICT DO NOTHING");
    await tx.query("INSERT INTO access_user_roles (user_id, role) VALUES ($1, 'member')", [id]);
    return findUserById(tx, id);
  });
}

/**
 * Replaces the roles of a user; undefined when the user does not exist.
 * Unknown role names are refused by the foreign key, so callers check them first.
 */
export async function setUserRoles(db: Db, id: string, roles: readonly string[]): Promise<AccessUser | undefined> {
  return db.transaction(async (tx) => {
    const exists = await tx.query("SELECT 1 FROM access_users WHERE id = $1", [id]);
    if (exists.rows.length === 0) return undefined;
    await tx.query("DELETE FROM access_user_roles WHERE user_id = $1", [id]);
    for (const role of new Set(roles)) {
      await tx.query("INSERT INTO access_user_roles (user_id, role) VALUES ($1, $2) ON CONFLICT DO NOTHING", [id, role]);
    }
    return findUserById(tx, id);
  });
}

export async function listRoleNames(db: Db): Promise<string[]> {
  const result = await db.query<{ name: string }>("SELECT name FROM access_roles ORDER BY name");
  return result.rows.map((row) => row.name);
}
