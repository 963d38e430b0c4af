// Runs the accounts contract on PostgreSQL (TRUCE_TEST_PG_URL), each test in a schema of its own, dropped after.
// Without the variable the suite is skipped, with its reason, on a developer's machine, and fails in CI.
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, it } from "node:test";
import pg from "pg";
import { openStore } from "../../src/adapters/store/open-store.js";
import { accountsContract } from "./accounts-contract.js";

const url = process.env.TRUCE_TEST_PG_URL;
const HOW =
  "start one with `scripts/with-postgres.sh npm test`, or point TRUCE_TEST_PG_URL at a database you may write";

if (url === undefined || url === "") {
  if (process.env.CI) {
    it("postgres accounts contract", () => {
      assert.fail(`TRUCE_TEST_PG_URL is not set, and CI must run the PostgreSQL suite: ${HOW}`);
    });
  } else {
    it("postgres accounts contract", { skip: `TRUCE_TEST_PG_URL is not set: ${HOW}` }, () => {});
  }
} else {
  const run = `truce_a${process.pid}_${randomBytes(3).toString("hex")}`;
  const schemas: string[] = [];
  after(async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
    } finally {
      await client.end();
    }
  });

  accountsContract("postgres", async () => {
    const schema = `${run}_${schemas.length}`;
    schemas.push(schema);
    const u = new URL(url);
    u.searchParams.set("schema", schema);
    const spec = u.toString();
    return { store: await openStore(spec), reopen: () => openStore(spec) };
  });
}
