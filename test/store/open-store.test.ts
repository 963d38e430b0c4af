// Which engine a --db value names, where it comes from (flag, TRUCE_DB, default), and `truce migrate`'s report.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { migrationNames } from "../../src/adapters/store/migrations/index.js";
import { engineOf, migrateStore, openStore } from "../../src/adapters/store/open-store.js";
import { parsePostgresUrl, redact } from "../../src/adapters/store/postgres/open-postgres.js";
import { DEFAULT_DB, loadConfig, resolveDbSpec } from "../../src/config.js";
import { isTruceError } from "../../src/errors.js";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "truce-open-"));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

const failsWith = (code: string) => (error: unknown) => isTruceError(error) && error.code === code;

describe("--db resolution", () => {
  it("takes the flag, else TRUCE_DB, else ./truce.db", () => {
    assert.equal(resolveDbSpec("x.db", loadConfig({ TRUCE_DB: "env.db" })), "x.db");
    assert.equal(resolveDbSpec(undefined, loadConfig({ TRUCE_DB: "postgres://h/db" })), "postgres://h/db");
    assert.equal(resolveDbSpec(undefined, loadConfig({})), DEFAULT_DB);
    assert.equal(resolveDbSpec(undefined, loadConfig({ TRUCE_DB: "  " })), DEFAULT_DB);
    assert.equal(resolveDbSpec("", loadConfig({ TRUCE_DB: "env.db" })), "env.db");
  });

  it("reads postgres URLs as PostgreSQL, paths as SQLite, and refuses other URLs", () => {
    assert.equal(engineOf("postgres://u:p@127.0.0.1:5432/truce"), "postgres");
    assert.equal(engineOf("postgresql://127.0.0.1/truce"), "postgres");
    assert.equal(engineOf("./truce.db"), "sqlite");
    assert.equal(engineOf("/var/lib/truce/data.sqlite"), "sqlite");
    assert.throws(() => engineOf("mysql://127.0.0.1/truce"), failsWith("TRUCE_E_DB_SPEC"));
    assert.throws(() => engineOf(""), failsWith("TRUCE_E_DB_SPEC"));
  });

  it("takes the PostgreSQL schema from ?schema= and checks its name", () => {
    assert.deepEqual(parsePostgresUrl("postgres://u@h/db?schema=mon_1&sslmode=disable"), {
      connectionString: "postgres://u@h/db?sslmode=disable",
      schema: "mon_1",
    });
    assert.equal(parsePostgresUrl("postgres://u@h/db").schema, "public");
    assert.throws(() => parsePostgresUrl('postgres://u@h/db?schema=x";drop'), failsWith("TRUCE_E_DB_SPEC"));
    assert.equal(redact("postgres://truce:secret@h:5432/db"), "postgres://truce:***@h:5432/db");
  });
});

describe("opening and migrating a SQLite store", () => {
  it("applies the migrations once, then reports the schema up to date", async () => {
    const file = path.join(folder, "migrate.db");
    assert.deepEqual(await migrateStore(file), { engine: "sqlite", applied: migrationNames });
    assert.deepEqual(await migrateStore(file), { engine: "sqlite", applied: [] });
    const store = await openStore(file);
    assert.equal(store.engine, "sqlite");
    assert.equal(await store.audit.size(), 0);
    await store.close();
  });

  it("says clearly when the file cannot be created", async () => {
    await assert.rejects(
      openStore(path.join(folder, "no", "such", "dir", "t.db")),
      failsWith("TRUCE_E_DB_UNAVAILABLE"),
    );
  });

  it("says clearly when a file is not a database, and leaves it as it was", async () => {
    const file = path.join(folder, "notes.txt");
    fs.writeFileSync(file, "these are notes, not a database\n".repeat(100));
    const before = fs.readFileSync(file);
    await assert.rejects(openStore(file), (error: unknown) => isTruceError(error));
    assert.deepEqual(fs.readFileSync(file), before);
  });
});
