// Two `truce worker` processes against one PostgreSQL database: every queued document read exactly once,
// and a document that keeps failing ends in the dead letters after its retries.
// Without TRUCE_TEST_PG_URL the PostgreSQL test is skipped on a developer's machine, and fails in CI.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { loadOrCreateAuditKey } from "../../src/adapters/keys/audit-key.js";
import { openIngestQueue, queueSchemaOf } from "../../src/adapters/queue/pg-boss-queue.js";
import { openStore } from "../../src/adapters/store/open-store.js";
import { verifyAuditLog } from "../../src/application/audit-trail.js";
import { syntheticArticles } from "../../src/synthetic/articles.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin", "truce.js");
const url = process.env.TRUCE_TEST_PG_URL;
const HOW =
  "start one with `scripts/with-postgres.sh npm test`, or point TRUCE_TEST_PG_URL at a database you may write";

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const truce = (args: readonly string[], cwd: string): Promise<Run> =>
  new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 120_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === "number" ? error.code : 1;
      resolve({ code, stdout, stderr });
    });
  });

const work = mkdtempSync(path.join(tmpdir(), "truce-queue-"));
after(() => rmSync(work, { recursive: true, force: true }));

describe("ingestion queue", () => {
  it("refuses --queue with SQLite, saying ingestion runs in process", async () => {
    const dir = path.join(work, "sqlite");
    mkdirSync(dir);
    writeFileSync(path.join(dir, "a.txt"), "Shelling hit Douma on 3 March 2017, killing two civilians.");
    const run = await truce(["ingest", dir, "--queue", "--db", path.join(dir, "t.db")], dir);
    assert.equal(run.code, 64);
    assert.match(run.stderr, /postgres:\/\//);
    assert.match(run.stderr, /in process/);
    const worker = await truce(["worker", "--once", "--db", path.join(dir, "t.db")], dir);
    assert.equal(worker.code, 64);
  });

  if (url === undefined || url === "") {
    if (process.env.CI)
      it("two workers read every queued document once (PostgreSQL)", () => {
        assert.fail(`TRUCE_TEST_PG_URL is not set, and CI must run the PostgreSQL suite: ${HOW}`);
      });
    else
      it("two workers read every queued document once (PostgreSQL)", {
        skip: `TRUCE_TEST_PG_URL is not set: ${HOW}`,
      }, () => {});
    return;
  }

  const schema = `truce_q${process.pid}_${randomBytes(3).toString("hex")}`;
  const spec = (() => {
    const u = new URL(url);
    u.searchParams.set("schema", schema);
    return u.toString();
  })();
  const sql = async <R extends pg.QueryResultRow>(text: string): Promise<R[]> => {
    const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      return (await client.query<R>(text)).rows;
    } finally {
      await client.end();
    }
  };
  after(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const s of [schema, queueSchemaOf(schema)])
        await client.query(`drop schema if exists "${s}" cascade`);
    } finally {
      await client.end();
    }
  });

  it("two workers read every queued document once; a broken one ends in the dead letters", {
    timeout: 180_000,
  }, async (t) => {
    const dir = path.join(work, "pg");
    const articles = path.join(dir, "articles");
    mkdirSync(articles, { recursive: true });
    for (const a of syntheticArticles(60, 5)) writeFileSync(path.join(articles, a.name), a.json);

    const enqueued = await truce(["ingest", articles, "--queue", "--db", spec, "--no-progress"], dir);
    assert.equal(enqueued.code, 0, enqueued.stderr);
    assert.match(enqueued.stdout, /documents: 60 new/);
    assert.match(enqueued.stdout, /queued: 60 unread/);

    // A stored document nobody can read (its JSON is cut short), queued with quick retries; and every
    // good document queued a second time, as a re-run would: the queue and the read marker make that harmless.
    const store = await openStore(spec);
    const broken = randomUUID();
    try {
      await store.documents.insert({
        id: broken,
        source: "test",
        channel: "file",
        origin: "broken.json",
        receivedAt: new Date().toISOString(),
        contentHash: randomBytes(32).toString("hex"),
        contentType: "application/json",
        body: '{"title": "cut short", "text": "Shelling',
        title: null,
        published: null,
      });
      const queue = await openIngestQueue(spec, { supervise: false });
      try {
        await queue.enqueue([broken], { retryLimit: 2, retryDelaySeconds: 1 });
        await queue.enqueue(await store.ingestion.unread());
      } finally {
        await queue.close();
      }
    } finally {
      await store.close();
    }

    const workers = await Promise.all([
      truce(["worker", "--once", "--db", spec, "--concurrency", "2"], dir),
      truce(["worker", "--once", "--db", spec, "--concurrency", "2"], dir),
    ]);
    const read = workers.map((w) => {
      assert.equal(w.code, 0, w.stderr);
      const m =
        /documents: (\d+) read, (\d+) already read, (\d+) failed attempts, (\d+) dead letters\nreports: (\d+)/.exec(
          w.stdout,
        );
      assert.ok(m, w.stdout);
      return { read: Number(m[1]), failed: Number(m[3]), dead: Number(m[4]), reports: Number(m[5]) };
    });
    t.diagnostic(`documents read by each worker: ${read.map((w) => w.read).join(" + ")}`);
    assert.equal(
      read.reduce((n, w) => n + w.read, 0),
      60,
      "each good document read once, by one worker",
    );
    assert.equal(
      read.reduce((n, w) => n + w.failed, 0),
      3,
      "the broken document tried three times",
    );
    assert.equal(
      read.reduce((n, w) => n + w.dead, 0),
      1,
    );

    const [counts] = await sql<{ documents: string; reads: string; reports: string; accepted: string }>(
      `select (select count(*) from documents) as documents, (select count(*) from document_reads) as reads,
              (select count(*) from reports) as reports,
              (select count(*) from audit_entries where kind = 'document_accepted') as accepted`,
    );
    assert.ok(counts);
    assert.equal(Number(counts.documents), 61);
    assert.equal(Number(counts.reads), 60);
    assert.equal(Number(counts.accepted), 60);
    assert.equal(
      Number(counts.reports),
      read.reduce((n, w) => n + w.reports, 0),
      "every report in the store was written by one worker's one reading",
    );
    assert.ok(Number(counts.reports) > 0);
    const doubled = await sql<{ n: string }>(
      `select count(*) as n from (select subject_id from audit_entries where kind = 'document_accepted'
         group by subject_id having count(*) > 1) x`,
    );
    assert.equal(Number(doubled[0]?.n), 0);
    const orphan = await sql<{ n: string }>(
      "select count(*) as n from reports where document_id not in (select document_id from document_reads)",
    );
    assert.equal(Number(orphan[0]?.n), 0, "no report of an unread document");

    const dead = await truce(["worker", "--dead", "--db", spec], dir);
    assert.equal(dead.code, 0, dead.stderr);
    const lines = dead.stdout.trim().split("\n");
    assert.equal(lines.length, 1, dead.stdout);
    assert.match(lines[0] ?? "", new RegExp(`^${broken}\\t3 attempts\\t`));
    assert.match(lines[0] ?? "", /TRUCE_E_ARTICLE_INVALID/);

    const reopened = await openStore(spec);
    try {
      const key = loadOrCreateAuditKey(path.join(dir, "truce-audit.key"));
      const verified = await verifyAuditLog(reopened, key.publicKey);
      assert.ok(verified.ok, JSON.stringify(verified));
    } finally {
      await reopened.close();
    }
  });
});
