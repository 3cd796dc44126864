import type { PageProps } from "@{{ project.name }}/api-client";
import type { HealthResponse } from "@{{ project.name }}/shared-types";
import { useEffect, useState } from "react";

export function HomePage({ http }: PageProps) {
  const [health, setHealth] = useState<HealthResponse | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    http.request<HealthResponse>("GET", "/api/health").then(setHealth, (e: unknown) => setError(String(e)));
  }, [http]);

  return (
    <section>
      <h1>{ {{ project.displayName | json }} }</h1>
      <p>{ {{ project.description | json }} }</p>
      <p>
        API:{" "}
        {health ? `${health.status} (database ${health.db}, ${health.driver})` : error ? `unreachable — ${error}` : "checking…"}
      </p>
    </section>
  );
}
