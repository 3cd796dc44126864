import { describe, expect, it } from "vitest";
import { createApiClient } from "./apiClient.js";
import { ApiClientError, createHttpClient } from "./httpClient.js";
import { memoryTokenStore } from "./tokenStore.js";

interface Call {
  url: string;
  init: RequestInit | undefined;
}

function fakeFetch(response: Response, calls: Call[]): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), init });
    return response;
  };
}

describe("api client", () => {
  it("calls the health endpoint under the base URL", async () => {
    const calls: Call[] = [];
    const body = { status: "ok", db: "up", driver: "pglite", version: "0.1.0" };
    const client = createApiClient({ baseUrl: "http://api.test", fetch: fakeFetch(Response.json(body), calls) });

    expect(await client.health()).toEqual(body);
    expect(calls[0]?.url).toBe("http://api.test/api/health");
  });

  it("sends the stored token and a JSON body", async () => {
    const calls: Call[] = [];
    const http = createHttpClient({
      fetch: fakeFetch(Response.json({ ok: true }), calls),
      tokens: memoryTokenStore("t0ken"),
    });

    await http.request("POST", "/api/things", { name: "x" });
    const headers = calls[0]?.init?.headers as Record<string, string>;
    expect(headers.authorization).toBe("Bearer t0ken");
    expect(calls[0]?.init?.body).toBe('{"name":"x"}');
  });

  it("turns an error body into an ApiClientError with its code", async () => {
    const response = Response.json({ error: { code: "not_found", message: "no such thing" } }, { status: 404 });
    const http = createHttpClient({ fetch: fakeFetch(response, []) });

    const error = await http.request("GET", "/api/things/1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiClientError);
    expect(error).toMatchObject({ status: 404, code: "not_found", message: "no such thing" });
  });
});
