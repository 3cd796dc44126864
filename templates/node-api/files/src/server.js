import { createApp } from "./createApp.js";

const port = Number(process.env.PORT || {{ answers.port }});
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
}

const server = createApp().listen(port, () => {
  console.log(`{{ project.name }} listening on http://localhost:${port}`);
});

// Stop accepting connections and let open requests finish on SIGTERM (slipway stop, Docker).
process.on("SIGTERM", () => server.close(() => process.exit(0)));
