import type { HealthResponse } from "@{{ project.name }}/shared-types";
import { createHttpClient, type HttpClient, type HttpClientOptions } from "./httpClient.js";

export interface ApiClient {
  readonly http: HttpClient;
  health(): Promise<HealthResponse>;
}

/**
 * The core API client. Module endpoints have their own factories over the same
 * {@link HttpClient}, e.g. `createKbApi(client.http)`.
 */
export function createApiClient(options: HttpClientOptions = {}): ApiClient {
  const http = createHttpClient(options);
  return {
    http,
    health: () => http.request<HealthResponse>("GET", "/api/health"),
  };
}
