// `truce serve`: configuration checked once, and the first run of an empty store (samples, the fictional
// demonstration decisions, the first administrator) showing published incidents on the public map.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer as createTcpServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { DEFAULT_AGREEMENT, loadServerConfig } from "../../src/server/config.js";
import { serve } from "../../src/server/serve.js";

test("configuration: defaults, the environment, flags over both, and every bad value named", () => {
  const d = loadServerConfig({}, {});
  assert.equal(d.db, "./truce.db");
  assert.equal(d.host, "127.0.0.1");
  assert.equal(d.port, 8080);
  assert.equal(d.agreement, DEFAULT_AGREEMENT);
  assert.equal(d.publicUrl, "http://127.0.0.1:8080");
  assert.equal(d.cookieSecure, false);
  const env = loadServerConfig(
    {},
    { TRUCE_DB: "/x.db", TRUCE_PORT: "9000", TRUCE_PUBLIC_URL: "https://truce.example/" },
  );
  assert.equal(env.db, "/x.db");
  assert.equal(env.port, 9000);
  assert.equal(env.publicUrl, "https://truce.example");
  assert.equal(env.cookieSecure, true, "an https public URL makes the cookie Secure");
  assert.equal(loadServerConfig({ port: "7000" }, { TRUCE_PORT: "9000" }).port, 7000);
  assert.throws(
    () => loadServerConfig({ port: "99999" }, { TRUCE_BODY_LIMIT: "lots", TRUCE_PUBLIC_URL: "ftp://x" }),
    (e: Error & { code?: string }) =>
      e.code === "TRUCE_E_SERVER_CONFIG" &&
      /port/.test(e.message) &&
      /bodyLimit/.test(e.message) &&
      /publicUrl/.test(e.message),
  );
});

test("the first run of an empty store: samples, demonstration verdicts, published incidents, the first administrator", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "truce-serve-"));
  const config = loadServerConfig(
    { db: path.join(dir, "truce.db"), port: 0, auditKey: path.join(dir, "audit.key") },
    {},
  );
  const serving = await serve(config, { samples: true });
  try {
    const { samples, demonstration, admin } = serving.firstRun;
    assert.ok(samples !== null && samples.documentsNew >= 12 && samples.documentsFailed === 0);
    assert.ok(demonstration !== null && demonstration.positions === 12);
    assert.equal(demonstration.published, 3);
    assert.equal(admin?.username, "admin");
    assert.ok((admin?.password.length ?? 0) >= 20);
    const map = (await (await fetch(`${serving.url}/api/map`)).json()) as { points: { status: string }[] };
    assert.equal(map.points.length, 3, "the public map shows the three published incidents");
    assert.ok(map.points.every((p) => p.status === "published"));
    const login = await fetch(`${serving.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: admin?.username, password: admin?.password }),
    });
    assert.equal(login.status, 200);
  } finally {
    await serving.stop();
  }
  // A second start over the same store changes nothing and creates no second administrator.
  const again = await serve(config, { samples: true });
  try {
    assert.deepEqual(again.firstRun, { samples: null, demonstration: null, admin: null });
  } finally {
    await again.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a port another program holds is named, with what to do", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "truce-serve-"));
  const blocker = await new Promise<Server>((resolve) => {
    const server = createTcpServer();
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
  const address = blocker.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const config = loadServerConfig(
    { db: path.join(dir, "truce.db"), port, auditKey: path.join(dir, "audit.key") },
    {},
  );
  try {
    await assert.rejects(
      serve(config, { samples: false }),
      (e: Error & { code?: string }) =>
        e.code === "TRUCE_E_SERVER_CONFIG" &&
        e.message.includes(`127.0.0.1:${port} is in use`) &&
        /--port/.test(e.message),
    );
  } finally {
    blocker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
