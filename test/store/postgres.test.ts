// Runs the store contract on PostgreSQL (TRUCE_TEST_PG_URL), each test in a schema of its own, dropped after.
// Without the variable the suite is skipped, with its reason, on a developer's machine, and fails in CI.
import pg from "pg";
import { openStore } from "../../src/adapters/store/open-store.js";
import { storeContract } from "./contract.js";
import { postgresSuite } from "./postgres-schemas.js";

postgresSuite("postgres store contract", (newSchema) => {
  storeContract("postgres", async () => {
    const { spec, schema, server } = newSchema();
    return {
      store: await openStore(spec),
      reopen: () => openStore(spec),
      raw: async (statement) => {
        const client = new pg.Client({ connectionString: server, options: `-c search_path=${schema}` });
        await client.connect();
        try {
          await client.query(statement);
        } finally {
          await client.end();
        }
      },
    };
  });
});
