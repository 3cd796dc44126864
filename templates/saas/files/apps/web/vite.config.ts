import { defineConfig } from "vitest/config";

// The API (apps/api) listens on {{ answers.port }}; in dev, Vite proxies /api to it.
export default defineConfig({
  server: {
    port: 5173,
    proxy: { "/api": "http://localhost:{{ answers.port }}" },
  },
  build: { outDir: "dist", emptyOutDir: true },
  test: { environment: "node" },
});
