import type { Db } from "@{{ project.name }}/db";
import type { ApiErrorBody, HealthResponse } from "@{{ project.name }}/shared-types";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { routes as moduleRoutes, type ApiRoute } from "./routes.js";
import { serveWeb } from "./serveWeb.js";

export interface CreateAppOptions {
  db: Db;
  version: string;
  /** @default ["*"] */
  corsOrigins?: string[];
  /** Serve this built web app (with SPA fallback) for every non-API path. */
  webDistDir?: string | undefined;
  /** @default the generated module route table */
  routes?: readonly ApiRoute[];
}

const ERROR_CODES: Partial<Record<number, string>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
};

function errorBody(code: string, message: string): ApiErrorBody {
  return { error: { code, message } };
}

export function createApp(options: CreateAppOptions): Hono {
  const app = new Hono();
  app.use("*", secureHeaders());
  const origins = options.corsOrigins ?? ["*"];
  app.use("/api/*", cors({ origin: origins.includes("*") ? "*" : origins }));

  app.get("/api/health", async (c) => {
    const up = await options.db.query("SELECT 1").then(
      () => true,
      () => false,
    );
    const body: HealthResponse = {
      status: up ? "ok" : "degraded",
      db: up ? "up" : "down",
      driver: options.db.driver,
      version: options.version,
    };
    return c.json(body, up ? 200 : 503);
  });

  for (const route of options.routes ?? moduleRoutes) {
    app.route(route.path, route.create({ db: options.db }));
  }

  app.all("/api/*", (c) => c.json(errorBody("not_found", `No route for ${c.req.method} ${c.req.path}`), 404));
  if (options.webDistDir) app.get("*", serveWeb(options.webDistDir));

  app.onError((error, c) => {
    if (error instanceof HTTPException) {
      const status = error.status as ContentfulStatusCode;
      return c.json(errorBody(ERROR_CODES[status] ?? "error", error.message), status);
    }
    console.error(error);
    return c.json(errorBody("internal", "Internal server error"), 500);
  });
  return app;
}
