// Runs the accounts contract on SQLite: a fresh database file in a temporary folder for every test.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after } from "node:test";
import { openStore } from "../../src/adapters/store/open-store.js";
import { accountsContract } from "./accounts-contract.js";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "truce-accounts-"));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

let n = 0;
accountsContract("sqlite", async () => {
  const file = path.join(folder, `accounts-${++n}.db`);
  return { store: await openStore(file), reopen: () => openStore(file) };
});
