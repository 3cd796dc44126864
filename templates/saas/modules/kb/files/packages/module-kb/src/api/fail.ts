import type { ApiErrorBody } from "@{{ project.name }}/shared-types";
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The API's one error shape: `{ error: { code, message } }`. */
export function fail(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  const body: ApiErrorBody = { error: { code, message } };
  return c.json(body, status);
}
