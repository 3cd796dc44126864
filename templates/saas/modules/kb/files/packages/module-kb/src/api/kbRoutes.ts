import type { Db } from "@{{ project.name }}/db";
import type { KbDocument, KbDocumentInput, KbDocumentList, KbSearchResponse } from "@{{ project.name }}/shared-types";
import { type Context, Hono, type MiddlewareHandler } from "hono";
{%- if module.access %}
import { type AccessVariables, requireUser } from "@{{ project.name }}/module-access/api";
{%- endif %}
import { deleteDocument, getDocument, insertDocument, listDocuments, searchDocuments, updateDocument } from "./documents.js";
import { fail } from "./fail.js";

export interface KbDeps {
  db: Db;
}
{% if module.access %}
type KbEnv = { Variables: AccessVariables };

/** Writes need a signed-in user: the access module is part of this project. */
function writeGuard(db: Db): MiddlewareHandler<KbEnv> {
  return requireUser({ db });
}

function author(c: Context<KbEnv>): string | null {
  return c.var.user.id;
}

/** Only the author or an admin may change or delete a document. */
function mayChange(c: Context<KbEnv>, document: KbDocument): boolean {
  return c.var.user.roles.includes("admin") || document.createdBy === c.var.user.id;
}
{%- else %}
type KbEnv = { Variables: object };

/** No access module in this project, so anyone may write; add `access` to require a login. */
function writeGuard(_db: Db): MiddlewareHandler<KbEnv> {
  return async (_c, next) => {
    await next();
  };
}

function author(_c: Context<KbEnv>): string | null {
  return null;
}

function mayChange(_c: Context<KbEnv>, _document: KbDocument): boolean {
  return true;
}
{%- endif %}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MAX_TITLE = 500;
const MAX_TAGS = 20;

function maxDocumentBytes(): number {
  const bytes = Number(process.env.KB_MAX_DOCUMENT_BYTES || {{ moduleSettings.kb.maxDocumentBytes }});
  return Number.isFinite(bytes) && bytes > 0 ? bytes : {{ moduleSettings.kb.maxDocumentBytes }};
}

function intParam(value: string | undefined, fallback: number, max: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
}

type Parsed = { ok: true; input: Required<KbDocumentInput> } | { ok: false; status: 400 | 413; code: string; message: string };

async function readDocument(request: Request): Promise<Parsed> {
  const body: unknown = await request.json().catch(() => undefined);
  const { title, body: text = "", tags = [] } = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof title !== "string" || !title.trim() || title.length > MAX_TITLE) {
    return { ok: false, status: 400, code: "invalid_input", message: `title must be 1–${MAX_TITLE} characters` };
  }
  if (typeof text !== "string") return { ok: false, status: 400, code: "invalid_input", message: "body must be a string" };
  if (!Array.isArray(tags) || tags.length > MAX_TAGS || !tags.every((tag) => typeof tag === "string")) {
    return { ok: false, status: 400, code: "invalid_input", message: `tags must be at most ${MAX_TAGS} strings` };
  }
  const limit = maxDocumentBytes();
  if (Buffer.byteLength(text) > limit) {
    return { ok: false, status: 413, code: "payload_too_large", message: `body is larger than ${limit} bytes` };
  }
  return { ok: true, input: { title: title.trim(), body: text, tags: tags.map((tag: string) => tag.trim()).filter(Boolean) } };
}

/**
 * Routes of the kb module, mounted at `/api/kb`: `GET/POST /documents`,
 * `GET/PUT/DELETE /documents/:id`, `GET /search?q=`.
 */
export function kbRoutes({ db }: KbDeps) {
  const app = new Hono<KbEnv>();
  const canWrite = writeGuard(db);
  const notFound = (c: Context) => fail(c, 404, "not_found", "No such document");
  const forbidden = (c: Context) => fail(c, 403, "forbidden", "Only the author or an admin can change this document");

  app.get("/documents", async (c) => {
    const limit = intParam(c.req.query("limit"), 50, 200);
    const offset = intParam(c.req.query("offset"), 0, Number.MAX_SAFE_INTEGER);
    return c.json<KbDocumentList>(await listDocuments(db, limit, offset));
  });

  app.get("/documents/:id", async (c) => {
    const id = c.req.param("id");
    const document = UUID.test(id) ? await getDocument(db, id) : undefined;
    return document ? c.json(document) : notFound(c);
  });

  app.post("/documents", canWrite, async (c) => {
    const parsed = await readDocument(c.req.raw);
    if (!parsed.ok) return fail(c, parsed.status, parsed.code, parsed.message);
    return c.json(await insertDocument(db, parsed.input, author(c)), 201);
  });

  app.put("/documents/:id", canWrite, async (c) => {
    const id = c.req.param("id");
    const existing = UUID.test(id) ? await getDocument(db, id) : undefined;
    if (!existing) return notFound(c);
    if (!mayChange(c, existing)) return forbidden(c);
    const parsed = await readDocument(c.req.raw);
    if (!parsed.ok) return fail(c, parsed.status, parsed.code, parsed.message);
    const document = await updateDocument(db, id, parsed.input);
    return document ? c.json(document) : notFound(c);
  });

  app.delete("/documents/:id", canWrite, async (c) => {
    const id = c.req.param("id");
    const existing = UUID.test(id) ? await getDocument(db, id) : undefined;
    if (!existing) return notFound(c);
    if (!mayChange(c, existing)) return forbidden(c);
    return (await deleteDocument(db, id)) ? c.body(null, 204) : notFound(c);
  });

  app.get("/search", async (c) => {
    const query = (c.req.query("q") ?? "").trim();
    if (!query) return fail(c, 400, "invalid_input", "q is required");
    const results = await searchDocuments(db, query, intParam(c.req.query("limit"), 20, 100));
    return c.json<KbSearchResponse>({ query, results });
  });

  return app;
}
