// Migration 0008 on databases that already hold incidents, on both engines: it applies, keeps them, and the Atom
// feed's query (published incidents, latest update first, a page at a time) then reads its index in order, with
// no sort, as each engine's EXPLAIN of the very SQL the store sent shows. PostgreSQL runs with TRUCE_TEST_PG_URL;
// without it that half is skipped on a developer's machine and fails in CI.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { CompiledQuery, Kysely, type LogEvent, Migrator, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { kyselyStore } from "../../src/adapters/store/kysely-store.js";
import { migrationProvider } from "../../src/adapters/store/migrations/index.js";
import { migrateStore } from "../../src/adapters/store/open-store.js";
import { parsePostgresUrl, postgresKysely } from "../../src/adapters/store/postgres/open-postgres.js";
import { incidentRow } from "../../src/adapters/store/repositories/incidents.js";
import type { Database } from "../../src/adapters/store/schema.js";
import { connectSqlite, sqliteKysely } from "../../src/adapters/store/sqlite/open-sqlite.js";
import { TruceSqliteDialect } from "../../src/adapters/store/sqlite/sqlite-dialect.js";
import { publishedRecords } from "../../src/application/publication/published-records.js";
import { anonymous } from "../../src/domain/access/principal.js";
import type { Incident, IncidentStatus } from "../../src/domain/records/incident.js";
import type { StoreEngine } from "../../src/ports/store.js";
import { incident } from "./fixtures.js";
import { postgresSuite } from "./postgres-schemas.js";

const BEFORE = "0007-audit-tree-edge";
const INDEX = "incidents_by_status_updated_id";

interface Engine {
  readonly engine: StoreEngine;
  /** The database as a Kysely instance; `log` sees every query it runs. */
  readonly connect: (log?: (event: LogEvent) => void) => Kysely<Database>;
  /** Its `truce migrate`. */
  readonly spec: string;
  /** The plan's lines, as the engine's EXPLAIN words them. */
  readonly explain: (db: Kysely<Database>, query: CompiledQuery) => Promise<string[]>;
  readonly migrationTableSchema?: string;
}

/** Published and unpublished incidents, several published ones sharing an update time. */
function incidents(): Incident[] {
  const statuses: readonly IncidentStatus[] = ["open", "published", "decided", "published", "published"];
  return Array.from({ length: 600 }, (_, n) =>
    incident({
      status: statuses[n % statuses.length] as IncidentStatus,
      updatedAt: `2017-01-${String(1 + (n % 28)).padStart(2, "0")}T10:00:00.000Z`,
    }),
  );
}

const latestFirst = (a: Incident, b: Incident) =>
  a.updatedAt !== b.updatedAt ? (a.updatedAt < b.updatedAt ? 1 : -1) : a.id < b.id ? 1 : -1;

function migrationSuite(name: string, open: () => Promise<Engine>): void {
  describe(`${name}: migration 0008`, () => {
    it("applies to a database of incidents, and the Atom feed's pages then read its index in order", async () => {
      const engine = await open();
      const old = engine.connect();
      const migrator = new Migrator({
        db: old,
        provider: migrationProvider,
        ...(engine.migrationTableSchema === undefined
          ? {}
          : { migrationTableSchema: engine.migrationTableSchema }),
      });
      assert.equal((await migrator.migrateTo(BEFORE)).error, undefined);
      const stored = incidents();
      for (let i = 0; i < stored.length; i += 200)
        await old
          .insertInto("incidents")
          .values(stored.slice(i, i + 200).map(incidentRow))
          .execute();
      await old.destroy();

      assert.deepEqual(await migrateStore(engine.spec), {
        engine: engine.engine,
        applied: ["0008-updates-index"],
      });

      const sent: CompiledQuery[] = [];
      const db = engine.connect((event) => {
        if (event.level === "query" && /^select \* from "incidents"/.test(event.query.sql))
          sent.push(event.query);
      });
      const store = kyselyStore(db, { engine: engine.engine, serialiseAuditAppends: async () => {} });
      try {
        if (engine.engine === "postgres") await sql`analyze incidents`.execute(db);
        assert.equal(await store.incidents.count(), stored.length, "no incident lost");
        const read: string[] = [];
        for await (const page of publishedRecords(
          store,
          anonymous,
          {},
          {
            agreements: [],
            sort: "updatedAt",
            pageSize: 50,
            limit: 120,
          },
        ))
          read.push(...page.map((r) => r.incident.id));
        const published = stored.filter((i) => i.status === "published").sort(latestFirst);
        assert.deepEqual(
          read,
          published.slice(0, 120).map((i) => i.id),
          "latest update first, ties by id, across pages",
        );

        assert.equal(sent.length, 3, "three pages of 50, 50 and 20");
        for (const query of sent) {
          const plan = await engine.explain(db, query);
          const shown = `${query.sql}\n${plan.join("\n")}`;
          assert.ok(
            plan.some((line) => line.includes(INDEX)),
            `the index is used:\n${shown}`,
          );
          assert.ok(
            !plan.some((line) => /TEMP B-TREE|^\s*(->\s*)?(Incremental )?Sort/.test(line)),
            `no sort:\n${shown}`,
          );
        }
        assert.match(sent[1]?.sql ?? "", /\("updated_at", "id"\) </, "a next page starts at its cursor");
      } finally {
        await store.close();
      }
    });
  });
}

const folder = mkdtempSync(join(tmpdir(), "truce-migration-0008-"));
after(() => rmSync(folder, { recursive: true, force: true }));

migrationSuite("sqlite", async () => {
  const file = join(folder, "old.db");
  return {
    engine: "sqlite",
    spec: file,
    connect: (log) =>
      log === undefined
        ? sqliteKysely(file)
        : new Kysely<Database>({ dialect: new TruceSqliteDialect({ database: connectSqlite(file) }), log }),
    explain: async (db, query) => {
      const { rows } = await db.executeQuery<{ detail: string }>(
        CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]),
      );
      return rows.map((r) => r.detail);
    },
  };
});

postgresSuite("postgres: migration 0008", (newSchema) => {
  migrationSuite("postgres", async () => {
    const { spec, schema } = newSchema();
    const target = parsePostgresUrl(spec);
    const setup = postgresKysely(target, 1);
    await sql`create schema ${sql.id(schema)}`.execute(setup);
    await setup.destroy();
    return {
      engine: "postgres",
      spec,
      migrationTableSchema: schema,
      connect: (log) =>
        log === undefined
          ? postgresKysely(target)
          : new Kysely<Database>({
              dialect: new PostgresDialect({
                pool: new pg.Pool({
                  connectionString: target.connectionString,
                  options: `-c search_path=${schema}`,
                }),
              }),
              log,
            }),
      explain: async (db, query) => {
        const { rows } = await db.executeQuery<{ "QUERY PLAN": string }>(
          CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]),
        );
        return rows.map((r) => r["QUERY PLAN"]);
      },
    };
  });
});
