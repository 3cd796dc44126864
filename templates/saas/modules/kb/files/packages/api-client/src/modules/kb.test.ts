import { describe, expect, it } from "vitest";
import { createHttpClient } from "../httpClient.js";
import { createKbApi } from "./kb.js";

describe("kb api client", () => {
  it("calls the kb endpoints with encoded parameters", async () => {
    const seen: string[] = [];
    const http = createHttpClient({
      fetch: async (input, init) => {
        seen.push(`${init?.method} ${String(input)}`);
        return init?.method === "DELETE" ? new Response(null, { status: 204 }) : Response.json({});
      },
    });
    const kb = createKbApi(http);

    await kb.list({ limit: 5 });
    await kb.search("a & b");
    await kb.update("id/1", { title: "t" });
    await kb.remove("id1");
    expect(seen).toEqual([
      "GET /api/kb/documents?limit=5&offset=0",
      "GET /api/kb/search?q=a%20%26%20b&limit=20",
      "PUT /api/kb/documents/id%2F1",
      "DELETE /api/kb/documents/id1",
    ]);
  });
});
