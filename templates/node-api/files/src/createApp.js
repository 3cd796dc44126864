import express from "express";

/** The HTTP app, without a listening socket (tests call it on port 0). */
export function createApp() {
  const app = express();
  app.disable("x-powered-by");
  app.use(express.json());
  app.get("/healthz", (_request, response) => {
    response.json({ ok: true });
  });
  app.get("/", (_request, response) => {
    response.json({ name: {{ project.displayName | json }} });
  });
  return app;
}
