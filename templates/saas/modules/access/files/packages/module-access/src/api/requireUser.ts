import type { Db } from "@{{ project.name }}/db";
import type { AccessUser } from "@{{ project.name }}/shared-types";
import type { MiddlewareHandler } from "hono";
import { fail } from "./fail.js";
import { findSessionUser } from "./sessions.js";

export interface AccessVariables {
  user: AccessUser;
  token: string;
}

function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}

/**
 * Lets the request through only with a valid session token (`Authorization: Bearer …`)
 * and puts the user on `c.var.user`. Other modules use it to protect their routes.
 */
export function requireUser(deps: { db: Db }): MiddlewareHandler<{ Variables: AccessVariables }> {
  return async (c, next) => {
    const token = bearerToken(c.req.header("authorization"));
    const user = token ? await findSessionUser(deps.db, token) : undefined;
    if (!token || !user) return fail(c, 401, "unauthorized", "Sign in first");
    c.set("user", user);
    c.set("token", token);
    await next();
    return undefined;
  };
}

/** After {@link requireUser}: lets the request through only when the user has `role`. */
export function requireRole(role: string): MiddlewareHandler<{ Variables: AccessVariables }> {
  return async (c, next) => {
    if (!c.var.user.roles.includes(role)) return fail(c, 403, "forbidden", `Needs the ${role} role`);
    await next();
    return undefined;
  };
}
