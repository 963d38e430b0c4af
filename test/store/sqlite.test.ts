// Runs the store contract on SQLite: a fresh database file in a temporary folder for every test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after } from "node:test";
import { openStore } from "../../src/adapters/store/open-store.js";
import { connectSqlite } from "../../src/adapters/store/sqlite/open-sqlite.js";
import { storeContract } from "./contract.js";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "truce-store-"));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

let n = 0;
storeContract("sqlite", async () => {
  const file = path.join(folder, `store-${++n}.db`);
  return {
    store: await openStore(file),
    reopen: () => openStore(file),
    raw: async (statement) => {
      const db = connectSqlite(file);
      try {
        db.exec(statement);
      } finally {
        db.close();
      }
    },
  };
});
