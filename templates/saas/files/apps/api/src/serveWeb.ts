import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { Handler } from "hono";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

async function isFile(file: string): Promise<boolean> {
  return stat(file).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Serves the built single-page app from `root`: existing files as they are (hashed
 * assets cached for a year), every other path as index.html so client routing works.
 */
export function serveWeb(root: string): Handler {
  const base = path.resolve(root);
  return async (c) => {
    const requested = path.resolve(base, `.${decodeURIComponent(c.req.path)}`);
    const inside = requested === base || requested.startsWith(base + path.sep);
    const file = inside && (await isFile(requested)) ? requested : path.join(base, "index.html");
    if (!(await isFile(file))) return c.notFound();
    const type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    return c.body(await readFile(file), 200, {
      "content-type": type,
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
    });
  };
}
