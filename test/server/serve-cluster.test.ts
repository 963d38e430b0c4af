// `truce serve --workers N`: the primary sets the store up once, N worker processes answer on one port over the
// same store (a session made through one is honoured by the others), a worker that dies is replaced, and
// stopping leaves no process behind.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { loadServerConfig } from "../../src/server/config.js";
import { serveCluster } from "../../src/server/serve-cluster.js";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, check: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await sleep(100);
  }
}

test("the number of workers is checked with the rest of the configuration", () => {
  assert.equal(loadServerConfig({}, {}).workers, 1);
  assert.equal(loadServerConfig({}, { TRUCE_WORKERS: "3" }).workers, 3);
  assert.equal(loadServerConfig({ workers: "2" }, { TRUCE_WORKERS: "3" }).workers, 2);
  for (const bad of ["0", "65", "two", "1.5"]) {
    assert.throws(
      () => loadServerConfig({ workers: bad }, {}),
      (e: Error & { code?: string }) => e.code === "TRUCE_E_SERVER_CONFIG" && /workers/.test(e.message),
      bad,
    );
  }
});

test("two workers on one port: set up once, one store, a dead worker replaced, nothing left after stop", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "truce-cluster-"));
  const config = loadServerConfig(
    { db: path.join(dir, "truce.db"), port: 0, auditKey: path.join(dir, "audit.key"), workers: 2 },
    {},
  );
  const serving = await serveCluster(config, { samples: true });
  const seen: number[] = [];
  try {
    assert.equal(serving.firstRun.admin?.username, "admin", "the primary ran the first run, once");
    assert.equal(serving.firstRun.demonstration?.published, 3);
    assert.doesNotMatch(serving.url, /:0$/, "the URL names the port the workers share");
    const pids = serving.workerPids();
    seen.push(...pids);
    assert.equal(new Set(pids).size, 2);
    assert.ok(!pids.includes(process.pid));

    // Fresh connections each time: the primary hands connections to the workers in turn.
    const read = async () => {
      const response = await fetch(`${serving.url}/api/map`, { headers: { connection: "close" } });
      assert.equal(response.status, 200);
      return ((await response.json()) as { points: unknown[] }).points.length;
    };
    for (let i = 0; i < 6; i++) assert.equal(await read(), 3);

    const login = await fetch(`${serving.url}/api/session`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body: JSON.stringify({ username: "admin", password: serving.firstRun.admin?.password }),
    });
    assert.equal(login.status, 200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const signedIn = async () => {
      const session = await fetch(`${serving.url}/api/session`, { headers: { cookie, connection: "close" } });
      return ((await session.json()) as { user: { username: string } | null }).user?.username;
    };

    // Each original worker killed in turn: the one answering last was started after the sign-in, so it can
    // know the session only from the store.
    const [first, second] = pids;
    assert.ok(first !== undefined && second !== undefined);
    const replaced = (victim: number) => async () => {
      process.kill(victim, "SIGKILL");
      await until(`a new worker replaces ${victim}`, () => {
        const now = serving.workerPids();
        return now.length === 2 && !now.includes(victim) && now.every(alive);
      });
      seen.push(...serving.workerPids());
    };
    await replaced(first)();
    await replaced(second)();
    for (let i = 0; i < 4; i++) assert.equal(await signedIn(), "admin", "a new worker knows the session");
    for (let i = 0; i < 4; i++) assert.equal(await read(), 3);
  } finally {
    await serving.stop();
  }
  await until("every worker has exited", () => seen.every((pid) => !alive(pid)));
  assert.deepEqual(serving.workerPids(), []);
  rmSync(dir, { recursive: true, force: true });
});

test("a worker that cannot start fails the start, and stops the others", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "truce-cluster-"));
  const blocker = await import("node:net").then(
    ({ createServer }) =>
      new Promise<import("node:net").Server>((resolve) => {
        const server = createServer();
        server.listen(0, "127.0.0.1", () => resolve(server));
      }),
  );
  const address = blocker.address();
  const taken = typeof address === "object" && address !== null ? address.port : 0;
  const config = loadServerConfig(
    { db: path.join(dir, "truce.db"), port: taken, auditKey: path.join(dir, "audit.key"), workers: 2 },
    {},
  );
  try {
    await assert.rejects(
      serveCluster(config, { samples: false }),
      (e: Error & { code?: string }) =>
        e.code === "TRUCE_E_SERVER_CONFIG" && /worker failed to start/.test(e.message),
    );
  } finally {
    blocker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
