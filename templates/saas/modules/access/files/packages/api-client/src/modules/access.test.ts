import { describe, expect, it } from "vitest";
import { createHttpClient } from "../httpClient.js";
import { memoryTokenStore } from "../tokenStore.js";
import { createAccessApi } from "./access.js";

describe("access api client", () => {
  it("keeps the token from login and forgets it on logout", async () => {
    const seen: string[] = [];
    const tokens = memoryTokenStore();
    const http = createHttpClient({
      tokens,
      fetch: async (input, init) => {
        const headers = (init?.headers ?? {}) as Record<string, string>;
        seen.push(`${init?.method} ${String(input)} ${headers.authorization ?? "-"}`);
        if (String(input).endsWith("/login")) return Response.json({ user: {}, token: "s3ss10n", expiresAt: "" });
        return new Response(null, { status: 204 });
      },
    });
    const access = createAccessApi(http);

    await access.login({ email: "a@example.com", password: "pw" });
    expect(tokens.get()).toBe("s3ss10n");
    await access.logout();
    expect(tokens.get()).toBeNull();
    expect(seen).toEqual(["POST /api/access/login -", "POST /api/access/logout Bearer s3ss10n"]);
  });
});
