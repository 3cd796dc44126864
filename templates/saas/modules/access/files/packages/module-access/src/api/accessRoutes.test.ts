import { fileURLToPath } from "node:url";
import { applySqlDir, createDb, type Db } from "@{{ project.name }}/db";
import type { SessionResponse, UserListResponse } from "@{{ project.name }}/shared-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessRoutes } from "./accessRoutes.js";

const dbDir = fileURLToPath(new URL("../../../../db/", import.meta.url));

describe("access routes", () => {
  let db: Db;
  let app: ReturnType<typeof accessRoutes>;

  beforeAll(async () => {
    db = await createDb();
    await applySqlDir(db, { dir: `${dbDir}migrations`, kind: "migration" });
    await applySqlDir(db, { dir: `${dbDir}seeds`, kind: "seed" });
    app = accessRoutes({ db });
  });

  afterAll(async () => {
    await db.close();
  });

  const post = (path: string, body: unknown, token?: string) =>
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const get = (path: string, token?: string) =>
    app.request(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  it("signs up a member, who can read /me but not the user list", async () => {
    const signup = await post("/signup", { email: "ada@example.com", password: "correct horse", displayName: "Ada" });
    expect(signup.status).toBe(201);
    const { token, user } = (await signup.json()) as SessionResponse;
    expect(user).toMatchObject({ email: "ada@example.com", displayName: "Ada", roles: ["member"] });

    expect((await get("/me", token)).status).toBe(200);
    expect((await get("/users", token)).status).toBe(403);
  });

  it("refuses a taken email, a weak password and a wrong password", async () => {
    expect((await post("/signup", { email: "ADA@example.com", password: "another pass" })).status).toBe(409);
    expect((await post("/signup", { email: "bob@example.com", password: "short" })).status).toBe(400);
    const wrong = await post("/login", { email: "ada@example.com", password: "wrong horse" });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: "invalid_credentials", message: "Wrong email or password" } });
  });

  it("logs the seeded admin in, lists users, and logs out", async () => {
    const login = await post("/login", { email: "admin@example.com", password: "admin-password-change-me" });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as SessionResponse;

    const list = (await (await get("/users", token)).json()) as UserListResponse;
    expect(list.users.map((u) => u.email)).toEqual(expect.arrayContaining(["admin@example.com", "ada@example.com"]));

    expect((await post("/logout", {}, token)).status).toBe(204);
    expect((await get("/me", token)).status).toBe(401);
  });

  it("lets an admin change roles, but not remove their own admin role", async () => {
    const admin = (await (await post("/login", { email: "admin@example.com", password: "admin-password-change-me" })).json()) as SessionResponse;
    const member = (await (await post("/login", { email: "ada@example.com", password: "correct horse" })).json()) as SessionResponse;
    const put = (path: string, body: unknown, token: string) =>
      app.request(path, {
        method: "PUT",
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify(body),
      });

    expect((await put(`/users/${admin.user.id}/roles`, { roles: ["member"] }, member.token)).status).toBe(403);
    expect((await put(`/users/${admin.user.id}/roles`, { roles: ["member"] }, admin.token)).status).toBe(400);
    expect((await put(`/users/${member.user.id}/roles`, { roles: ["owner"] }, admin.token)).status).toBe(400);

    const promoted = await put(`/users/${member.user.id}/roles`, { roles: ["admin", "member"] }, admin.token);
    expect(((await promoted.json()) as { user: { roles: string[] } }).user.roles).toEqual(["admin", "member"]);
    expect((await get("/users", member.token)).status).toBe(200);
  });

  it("stores session tokens only as hashes", async () => {
    const login = await post("/login", { email: "ada@example.com", password: "correct horse" });
    const { token } = (await login.json()) as SessionResponse;
    const stored = await db.query("SELECT 1 FROM access_sessions WHERE token_hash = $1", [token]);
    expect(stored.rows).toHaveLength(0);
  });
});
