// Runs the accounts contract on PostgreSQL (TRUCE_TEST_PG_URL), each test in a schema of its own, dropped after.
// Without the variable the suite is skipped, with its reason, on a developer's machine, and fails in CI.
import { openStore } from "../../src/adapters/store/open-store.js";
import { accountsContract } from "./accounts-contract.js";
import { postgresSuite } from "./postgres-schemas.js";

postgresSuite("postgres accounts contract", (newSchema) => {
  accountsContract("postgres", async () => {
    const { spec } = newSchema();
    return { store: await openStore(spec), reopen: () => openStore(spec) };
  });
});
