// PostgreSQL suites run against TRUCE_TEST_PG_URL, each store in a schema of its own, all dropped after the file's
// tests. Without the variable a suite is skipped, with its reason, on a developer's machine, and fails in CI.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, it } from "node:test";
import pg from "pg";

const HOW =
  "start one with `scripts/with-postgres.sh npm test`, or point TRUCE_TEST_PG_URL at a database you may write";

export interface PostgresSchema {
  /** The store's `--db`: the test database's URL naming this schema. */
  readonly spec: string;
  readonly schema: string;
  /** The test database's URL, naming no schema. */
  readonly server: string;
}

/**
 * Registers `suite`, giving it a maker of new schemas, when TRUCE_TEST_PG_URL is set; otherwise one test named
 * `name`, skipped (or failed, in CI) with the reason.
 */
export function postgresSuite(name: string, suite: (newSchema: () => PostgresSchema) => void): void {
  const server = process.env.TRUCE_TEST_PG_URL;
  if (server === undefined || server === "") {
    if (process.env.CI)
      it(name, () => {
        assert.fail(`TRUCE_TEST_PG_URL is not set, and CI must run the PostgreSQL suites: ${HOW}`);
      });
    else it(name, { skip: `TRUCE_TEST_PG_URL is not set: ${HOW}` }, () => {});
    return;
  }
  const run = `truce_t${process.pid}_${randomBytes(3).toString("hex")}`;
  const schemas: string[] = [];
  after(async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });
  suite(() => {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    const spec = new URL(server);
    spec.searchParams.set("schema", schema);
    return { spec: spec.toString(), schema, server };
  });
}
