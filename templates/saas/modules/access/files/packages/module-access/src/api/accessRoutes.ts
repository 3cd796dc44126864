import type { Db } from "@{{ project.name }}/db";
import type { MeResponse, SessionResponse, UserListResponse, UserResponse } from "@{{ project.name }}/shared-types";
import { Hono } from "hono";
import { fail } from "./fail.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { requireRole, requireUser, type AccessVariables } from "./requireUser.js";
import { createSession, deleteSession } from "./sessions.js";
import { createUser, findUserByEmail, listRoleNames, listUsers, setUserRoles } from "./users.js";

export interface AccessDeps {
  db: Db;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MIN_PASSWORD = 8;

interface Credentials {
  email: string;
  password: string;
  displayName: string;
}

async function readCredentials(request: Request): Promise<Credentials | undefined> {
  const body: unknown = await request.json().catch(() => undefined);
  if (typeof body !== "object" || body === null) return undefined;
  const { email, password, displayName } = body as Record<string, unknown>;
  if (typeof email !== "string" || typeof password !== "string") return undefined;
  return { email: email.trim(), password, displayName: typeof displayName === "string" ? displayName.trim() : "" };
}

function signupAllowed(): boolean {
  return (process.env.ACCESS_ALLOW_SIGNUP || "{{ moduleSettings.access.allowSignup }}") !== "false";
}

/**
 * Routes of the access module, mounted at `/api/access`:
 * `POST /signup`, `POST /login`, `POST /logout`, `GET /me`, and for admins `GET /users`
 * and `PUT /users/:id/roles`.
 */
export function accessRoutes({ db }: AccessDeps) {
  const app = new Hono<{ Variables: AccessVariables }>();
  const signedIn = requireUser({ db });

  app.post("/signup", async (c) => {
    if (!signupAllowed()) return fail(c, 403, "signup_disabled", "Signup is disabled; ask an admin for an account");
    const input = await readCredentials(c.req.raw);
    if (!input || !EMAIL.test(input.email)) return fail(c, 400, "invalid_input", "A valid email and password are required");
    if (input.password.length < MIN_PASSWORD) {
      return fail(c, 400, "weak_password", `Passwords need at least ${MIN_PASSWORD} characters`);
    }
    const user = await createUser(db, {
      email: input.email,
      displayName: input.displayName || input.email.split("@")[0] || input.email,
      passwordHash: await hashPassword(input.password),
    });
    if (!user) return fail(c, 409, "email_taken", "An account with this email already exists");
    const session = await createSession(db, user.id);
    return c.json<SessionResponse>({ user, ...session }, 201);
  });

  app.post("/login", async (c) => {
    const input = await readCredentials(c.req.raw);
    if (!input) return fail(c, 400, "invalid_input", "Email and password are required");
    const found = await findUserByEmail(db, input.email);
    // Same answer for an unknown email and a wrong password.
    if (!found || !(await verifyPassword(input.password, found.passwordHash))) {
      return fail(c, 401, "invalid_credentials", "Wrong email or password");
    }
    const session = await createSession(db, found.user.id);
    return c.json<SessionResponse>({ user: found.user, ...session });
  });

  app.post("/logout", signedIn, async (c) => {
    await deleteSession(db, c.var.token);
    return c.body(null, 204);
  });

  app.get("/me", signedIn, (c) => c.json<MeResponse>({ user: c.var.user }));

  app.get("/users", signedIn, requireRole("admin"), async (c) => c.json<UserListResponse>({ users: await listUsers(db) }));

  app.put("/users/:id/roles", signedIn, requireRole("admin"), async (c) => {
    const id = c.req.param("id");
    const body: unknown = await c.req.json().catch(() => undefined);
    const roles = (body as { roles?: unknown } | undefined)?.roles;
    if (!Array.isArray(roles) || !roles.every((role) => typeof role === "string")) {
      return fail(c, 400, "invalid_input", "roles must be an array of role names");
    }
    const known = await listRoleNames(db);
    const unknown = roles.filter((role) => !known.includes(role));
    if (unknown.length > 0) return fail(c, 400, "unknown_role", `Unknown role(s): ${unknown.join(", ")}`);
    // An admin cannot lock themselves out; another admin has to do it.
    if (id === c.var.user.id && !roles.includes("admin")) {
      return fail(c, 400, "last_admin_guard", "You cannot remove your own admin role");
    }
    const user = UUID.test(id) ? await setUserRoles(db, id, roles) : undefined;
    return user ? c.json<UserResponse>({ user }) : fail(c, 404, "not_found", "No such user");
  });

  return app;
}
