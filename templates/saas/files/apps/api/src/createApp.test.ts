import { createDb, type Db } from "@{{ project.name }}/db";
import type { HealthResponse } from "@{{ project.name }}/shared-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./createApp.js";
import { routes } from "./routes.js";

describe("api", () => {
  let db: Db;

  beforeAll(async () => {
    db = await createDb();
  });

  afterAll(async () => {
    await db.close();
  });

  it("answers GET /api/health with the database state", async () => {
    const app = createApp({ db, version: "1.2.3" });
    const response = await app.request("/api/health");

    expect(response.status).toBe(200);
    const body = (await response.json()) as HealthResponse;
    expect(body).toEqual({ status: "ok", db: "up", driver: "pglite", version: "1.2.3" });
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("allows any origin by default and only the listed ones when configured", async () => {
    const open = await createApp({ db, version: "1" }).request("/api/health", { headers: { origin: "https://a.example" } });
    expect(open.headers.get("access-control-allow-origin")).toBe("*");

    const strict = createApp({ db, version: "1", corsOrigins: ["https://app.example"] });
    const allowed = await strict.request("/api/health", { headers: { origin: "https://app.example" } });
    const denied = await strict.request("/api/health", { headers: { origin: "https://evil.example" } });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(denied.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers unknown API paths with a JSON 404", async () => {
    const app = createApp({ db, version: "1.2.3" });
    const response = await app.request("/api/nope");

    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
  });

  it("mounts every module route under its own path", () => {
    const paths = routes.map((route) => route.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const path of paths) expect(path.startsWith("/api/")).toBe(true);
  });
});
