import { createAccessApi, type PageProps } from "@{{ project.name }}/api-client";
import type { AccessUser } from "@{{ project.name }}/shared-types";
import { type FormEvent, useCallback, useEffect, useMemo, useState } from "react";

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function SignInForm(props: { onSubmit: (mode: "login" | "signup", email: string, password: string) => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = (mode: "login" | "signup") => (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(mode, email, password);
  };
  return (
    <form onSubmit={submit("login")}>
      <input type="email" placeholder="Email" value={email} onChange={(e) => setEmail(e.target.value)} required />
      <input
        type="password"
        placeholder="Password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        required
      />
      <button type="submit">Log in</button>
      <button type="button" onClick={submit("signup")}>
        Sign up
      </button>
    </form>
  );
}

function toggled(roles: string[], role: string): string[] {
  return roles.includes(role) ? roles.filter((r) => r !== role) : [...roles, role];
}

function UserTable(props: { users: AccessUser[]; me: AccessUser; onSetRoles: (user: AccessUser, roles: string[]) => void }) {
  return (
    <table>
      <thead>
        <tr>
          <th>Email</th>
          <th>Name</th>
          <th>Roles</th>
          <th>Since</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {props.users.map((user) => (
          <tr key={user.id}>
            <td>{user.email}</td>
            <td>{user.displayName}</td>
            <td>{user.roles.join(", ")}</td>
            <td>{new Date(user.createdAt).toLocaleDateString()}</td>
            <td>
              <button
                type="button"
                disabled={user.id === props.me.id}
                onClick={() => props.onSetRoles(user, toggled(user.roles, "admin"))}
              >
                {user.roles.includes("admin") ? "Remove admin" : "Make admin"}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Log in, sign up, see who you are, log out; admins also see every user. */
export function AccessPage({ http }: PageProps) {
  const api = useMemo(() => createAccessApi(http), [http]);
  const [user, setUser] = useState<AccessUser | null>(null);
  const [users, setUsers] = useState<AccessUser[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (!http.tokens?.get()) return;
    try {
      const me = await api.me();
      setUser(me.user);
      setUsers(me.user.roles.includes("admin") ? (await api.listUsers()).users : []);
    } catch {
      http.tokens?.set(null);
      setUser(null);
    }
  }, [api, http]);

  useEffect(() => {
    void load();
  }, [load]);

  const signIn = (mode: "login" | "signup", email: string, password: string) => {
    setError(null);
    api[mode]({ email, password }).then(load, (e: unknown) => setError(errorText(e)));
  };
  const logout = () => {
    void api.logout().finally(() => {
      setUser(null);
      setUsers([]);
    });
  };

  return (
    <section>
      <h1>Account</h1>
      {error && <p className="error">{error}</p>}
      {user ? (
        <>
          <p>
            Signed in as <strong>{user.displayName}</strong> ({user.email}) — roles: {user.roles.join(", ")}{" "}
            <button type="button" onClick={logout}>
              Log out
            </button>
          </p>
          {users.length > 0 && (
            <>
              <h2>Users</h2>
              <UserTable
                users={users}
                me={user}
                onSetRoles={(target, roles) => {
                  setError(null);
                  api.setRoles(target.id, roles).then(load, (e: unknown) => setError(errorText(e)));
                }}
              />
            </>
          )}
        </>
      ) : (
        <SignInForm onSubmit={signIn} />
      )}
    </section>
  );
}
