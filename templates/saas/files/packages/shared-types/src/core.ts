/** Body of `GET /api/health`; 200 when `status` is "ok", 503 otherwise. */
export interface HealthResponse {
  status: "ok" | "degraded";
  db: "up" | "down";
  driver: "postgres" | "pglite";
  version: string;
}

/** Body of every API error response. */
export interface ApiErrorBody {
  error: {
    /** Stable machine-readable code, e.g. `not_found`, `unauthorized`. */
    code: string;
    message: string;
  };
}
