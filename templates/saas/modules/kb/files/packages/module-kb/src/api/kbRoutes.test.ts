import { fileURLToPath } from "node:url";
import { applySqlDir, createDb, type Db } from "@{{ project.name }}/db";
{%- if module.access %}
import { accessRoutes } from "@{{ project.name }}/module-access/api";
{%- endif %}
import type { KbDocument, KbDocumentList, KbSearchResponse } from "@{{ project.name }}/shared-types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kbRoutes } from "./kbRoutes.js";

const dbDir = fileURLToPath(new URL("../../../../db/", import.meta.url));

describe("kb routes", () => {
  let db: Db;
  let app: ReturnType<typeof kbRoutes>;
  let headers: Record<string, string>;

  beforeAll(async () => {
    db = await createDb();
    await applySqlDir(db, { dir: `${dbDir}migrations`, kind: "migration" });
    await applySqlDir(db, { dir: `${dbDir}seeds`, kind: "seed" });
    app = kbRoutes({ db });
    headers = { "content-type": "application/json" };
{%- if module.access %}
    const login = await accessRoutes({ db }).request("/login", {
      method: "POST",
      headers,
      body: JSON.stringify({ email: "admin@example.com", password: "admin-password-change-me" }),
    });
    const { token } = (await login.json()) as { token: string };
    headers = { ...headers, authorization: `Bearer ${token}` };
{%- endif %}
  });

  afterAll(async () => {
    await db.close();
  });

  const send = (method: string, path: string, body?: unknown) =>
    app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

  it("creates, reads, updates and deletes a document", async () => {
    const created = await send("POST", "/documents", { title: "Onboarding", body: "Laptops are ordered on day one.", tags: ["hr"] });
    expect(created.status).toBe(201);
    const document = (await created.json()) as KbDocument;
    expect(document).toMatchObject({ title: "Onboarding", tags: ["hr"] });

    expect(((await (await send("GET", `/documents/${document.id}`)).json()) as KbDocument).body).toContain("Laptops");

    const updated = await send("PUT", `/documents/${document.id}`, { title: "Onboarding v2", body: "Bring your passport." });
    expect(((await updated.json()) as KbDocument).title).toBe("Onboarding v2");

    expect((await send("DELETE", `/documents/${document.id}`)).status).toBe(204);
    expect((await send("GET", `/documents/${document.id}`)).status).toBe(404);
  });

  it("lists documents, newest first, with the seeded ones", async () => {
    const list = (await (await send("GET", "/documents?limit=10")).json()) as KbDocumentList;
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.documents.map((d) => d.title)).toContain("Welcome to the knowledge base");
  });

  it("finds documents by stemmed full-text search, titles first", async () => {
    await send("POST", "/documents", { title: "Deploying the service", body: "We deploy with App Runner." });
    const response = await send("GET", `/search?q=${encodeURIComponent("deployment")}`);
    const { results } = (await response.json()) as KbSearchResponse;
    expect(results[0]?.document.title).toBe("Deploying the service");

    const none = (await (await send("GET", "/search?q=zebra")).json()) as KbSearchResponse;
    expect(none.results).toEqual([]);
  });

  it("rejects invalid documents and unknown ids", async () => {
    expect((await send("POST", "/documents", { body: "no title" })).status).toBe(400);
    expect((await send("GET", "/documents/not-a-uuid")).status).toBe(404);
    expect((await send("GET", "/search")).status).toBe(400);
  });
{%- if module.access %}

  it("lets only the author or an admin change a document", async () => {
    const signup = await accessRoutes({ db }).request("/signup", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "member@example.com", password: "member-password" }),
    });
    const { token } = (await signup.json()) as { token: string };
    const asMember = { "content-type": "application/json", authorization: `Bearer ${token}` };
    const seeded = "00000000-0000-4000-8000-000000000001";

    const refused = await app.request(`/documents/${seeded}`, { method: "DELETE", headers: asMember });
    expect(refused.status).toBe(403);

    const own = await app.request("/documents", { method: "POST", headers: asMember, body: JSON.stringify({ title: "Mine" }) });
    const { id } = (await own.json()) as KbDocument;
    expect((await app.request(`/documents/${id}`, { method: "DELETE", headers: asMember })).status).toBe(204);
  });

  it("refuses writes without a session", async () => {
    const response = await app.request("/documents", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ title: "anonymous" }),
    });
    expect(response.status).toBe(401);
  });
{%- endif %}
});
