import { createHttpClient } from "@{{ project.name }}/api-client";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { App } from "./App.tsx";
import { matchPage, pages } from "./pages.ts";

const http = createHttpClient({ fetch: async () => Response.json({}) });

describe("web app", () => {
  it("renders the navigation with every page and the home page at /", () => {
    const html = renderToString(<App initialPath="/" http={http} />);
    for (const page of pages) expect(html).toContain(`href="${page.path}"`);
    expect(html).toContain("checking");
  });

  it("matches pages exactly, then by the longest prefix", () => {
    expect(matchPage("/")?.module).toBe("app");
    expect(matchPage("/no/such/page")).toBeUndefined();
    for (const page of pages) expect(matchPage(page.path)).toBe(page);
  });

  it("renders every page, module pages included, without a browser", () => {
    for (const page of pages) {
      const html = renderToString(<App initialPath={page.path} http={http} />);
      expect(html).toContain(`aria-current="page"`);
      expect(html).toContain("<h1>");
    }
  });

  it("renders a not-found message for unknown paths", () => {
    expect(renderToString(<App initialPath="/no/such/page" http={http} />)).toContain("Page not found");
  });
});
