import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { createApp } from "../src/createApp.js";

let server;
let base;

before(async () => {
  server = createApp().listen(0);
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => new Promise((resolve) => server.close(resolve)));

test("GET /healthz answers ok", async () => {
  const response = await fetch(`${base}/healthz`);
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { ok: true });
});

test("an unknown path is 404", async () => {
  assert.equal((await fetch(`${base}/nope`)).status, 404);
});
