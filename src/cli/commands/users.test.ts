// `truce users` in this process, against a SQLite file, with output captured and the piped password given.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { Command, CommanderError } from "commander";
import { openStore } from "../../adapters/store/open-store.js";
import { accountsDeps } from "../../application/accounts/accounts-deps.js";
import { resolveApiToken } from "../../application/accounts/api-tokens.js";
import { authenticator } from "../../application/accounts/authenticate.js";
import { isTruceError } from "../../errors.js";
import { registerUsers } from "./users.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "truce-users-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const db = path.join(dir, "truce.db");

async function truce(args: string[], piped = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  let code = 0;
  const program = new Command().exitOverride().configureOutput({
    writeOut: (s) => {
      stdout += s;
    },
    writeErr: (s) => {
      stderr += s;
    },
  });
  registerUsers(
    program,
    (c) => {
      code = c;
    },
    {
      out: (s) => {
        stdout += s;
      },
      err: (s) => {
        stderr += s;
      },
    },
    async () => piped,
  );
  try {
    await program.parseAsync([...args, "--db", db], { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) code = 64;
    else if (isTruceError(error)) {
      stderr += `${error.message} [${error.code}]`;
      code = error.exitCode;
    } else throw error;
  }
  return { code, stdout, stderr };
}

/** Whether the password opens the account, checked as the server does. */
async function signsIn(username: string, password: string): Promise<boolean> {
  const store = await openStore(db);
  try {
    await authenticator(accountsDeps(store, [])).authenticate({ username, password, address: "127.0.0.1" });
    return true;
  } catch (error) {
    if (!isTruceError(error)) throw error;
    return false;
  } finally {
    await store.close();
  }
}

describe("truce users", () => {
  it("adds accounts with a shown random password or a piped one, and lists them", async () => {
    const admin = await truce(["users", "add", "Root", "--role", "admin"]);
    assert.equal(admin.code, 0, admin.stderr);
    const shown = /password: (\S+) \(shown once\)/.exec(admin.stdout)?.[1];
    assert.ok(shown !== undefined, admin.stdout);
    assert.equal(await signsIn("root", shown), true);

    const party = await truce(
      ["users", "add", "gov", "--role", "party", "--party", "SY-GOV", "--password-stdin"],
      "piped password here\n",
    );
    assert.equal(party.code, 0, party.stderr);
    assert.doesNotMatch(party.stdout, /password:/);
    assert.equal(await signsIn("gov", "piped password here"), true);

    const list = await truce(["users", "list"]);
    assert.equal(list.stdout, "gov\tparty SY-GOV\nRoot\tadmin\n");
  });

  it("refuses a binding the agreement does not know, with the usage's exit code", async () => {
    const bad = await truce(["users", "add", "xy", "--role", "guarantor", "--guarantor", "SY-GOV"]);
    assert.equal(bad.code, 65);
    assert.match(bad.stderr, /not a guarantor of the agreement/);
  });

  it("changes the role, the password, disables and enables", async () => {
    await truce(["users", "add", "mon", "--role", "observer"]);
    const role = await truce(["users", "set-role", "MON", "guarantor", "--guarantor", "TR"]);
    assert.equal(role.stdout, "changed mon\tguarantor TR\n");
    const passwd = await truce(["users", "passwd", "mon", "--password-stdin"], "a brand new password");
    assert.equal(passwd.code, 0);
    assert.equal(await signsIn("mon", "a brand new password"), true);
    assert.equal((await truce(["users", "disable", "mon"])).stdout, "disabled mon\tguarantor TR\tdisabled\n");
    assert.equal(await signsIn("mon", "a brand new password"), false);
    await truce(["users", "enable", "mon"]);
    assert.equal(await signsIn("mon", "a brand new password"), true);
    const missing = await truce(["users", "disable", "nobody"]);
    assert.equal(missing.code, 66);
  });

  it("creates an API token shown once that acts as the account", async () => {
    const res = await truce(["users", "token", "gov", "--name", "exports"]);
    assert.equal(res.code, 0, res.stderr);
    const secret = /token: (truce_\S+)/.exec(res.stdout)?.[1];
    assert.ok(secret !== undefined);
    const store = await openStore(db);
    try {
      const resolved = await resolveApiToken(accountsDeps(store, []), secret);
      assert.deepEqual(resolved?.principal.role, "party");
    } finally {
      await store.close();
    }
  });
});
