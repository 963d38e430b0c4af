import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { countingHasher, syria2016, testAccounts } from "../../../test/store/accounts-support.js";
import { isTruceError, type TruceErrorCode } from "../../errors.js";
import type { Store } from "../../ports/store.js";
import { principalOfAccount } from "./account-view.js";
import { authenticator } from "./authenticate.js";
import { createUser } from "./create-user.js";
import { ensureFirstAdmin } from "./first-admin.js";
import { resolveSession, startSession } from "./sessions.js";
import { findUser, updateUser } from "./update-user.js";

const opened: Store[] = [];
after(async () => {
  for (const s of opened) await s.close();
});
const fresh = async () => {
  const t = await testAccounts();
  opened.push(t.store);
  return t;
};

const refuses = async (promise: Promise<unknown>, code: TruceErrorCode, subject?: string) =>
  assert.rejects(promise, (error: unknown) => {
    assert.ok(isTruceError(error), String(error));
    assert.equal(error.code, code, error.message);
    if (subject !== undefined) assert.equal(error.subject, subject);
    return true;
  });

const password = "a long enough password";

describe("creating accounts", () => {
  it("binds a party account to a party and a guarantor account to a guarantor state of the agreement", async () => {
    const { deps } = await fresh();
    const party = await createUser(deps, { username: "Gov.Rep", password, role: "party", party: "SY-GOV" });
    assert.deepEqual(principalOfAccount(party), {
      role: "party",
      userId: party.id,
      username: "Gov.Rep",
      party: "SY-GOV",
    });
    const monitor = await createUser(deps, {
      username: "ru-monitor",
      password,
      role: "guarantor",
      guarantor: "RU",
    });
    assert.equal(principalOfAccount(monitor).role, "guarantor");
    assert.equal(monitor.guarantor, "RU");
    assert.notEqual(party.passwordHash, password);
  });

  it("refuses a binding the agreement does not know, or one that does not fit the role", async () => {
    const { deps } = await fresh();
    await refuses(
      createUser(deps, { username: "x1", password, role: "party", party: "UA-SEP" }),
      "TRUCE_E_INVALID_INPUT",
      "party",
    );
    await refuses(
      createUser(deps, { username: "x2", password, role: "party" }),
      "TRUCE_E_INVALID_INPUT",
      "party",
    );
    // A party is not a guarantor: SY-GOV signs, it does not guarantee.
    await refuses(
      createUser(deps, { username: "x3", password, role: "guarantor", guarantor: "SY-GOV" }),
      "TRUCE_E_INVALID_INPUT",
      "guarantor",
    );
    await refuses(
      createUser(deps, { username: "x4", password, role: "observer", party: "SY-GOV" }),
      "TRUCE_E_INVALID_INPUT",
      "party",
    );
    await refuses(
      createUser(deps, { username: "x5", password, role: "public" }),
      "TRUCE_E_INVALID_INPUT",
      "role",
    );
    await refuses(
      createUser(deps, { username: "x 6", password, role: "observer" }),
      "TRUCE_E_INVALID_INPUT",
      "username",
    );
    await refuses(
      createUser(deps, { username: "x7", password: "short", role: "observer" }),
      "TRUCE_E_INVALID_INPUT",
      "password",
    );
    assert.equal(await deps.store.users.count(), 0);
  });

  it("refuses a username taken in another case", async () => {
    const { deps } = await fresh();
    await createUser(deps, { username: "alice", password, role: "observer" });
    await refuses(
      createUser(deps, { username: "ALICE", password, role: "observer" }),
      "TRUCE_E_ACCOUNT_EXISTS",
    );
  });
});

describe("changing accounts", () => {
  it("changes the role with the binding it needs, and keeps the binding when only the party changes", async () => {
    const { deps } = await fresh();
    const u = await createUser(deps, { username: "rep", password, role: "party", party: "SY-GOV" });
    await refuses(updateUser(deps, u.id, { role: "guarantor" }), "TRUCE_E_INVALID_INPUT", "guarantor");
    const g = await updateUser(deps, u.id, { role: "guarantor", guarantor: "TR" });
    assert.deepEqual([g.role, g.party, g.guarantor], ["guarantor", null, "TR"]);
    const back = await updateUser(deps, u.id, { role: "party", party: "SY-OPP" });
    assert.deepEqual([back.role, back.party, back.guarantor], ["party", "SY-OPP", null]);
    const moved = await updateUser(deps, u.id, { party: "SY-GOV" });
    assert.deepEqual([moved.role, moved.party], ["party", "SY-GOV"]);
    const observer = await updateUser(deps, u.id, { role: "observer" });
    assert.deepEqual([observer.party, observer.guarantor], [null, null]);
  });

  it("a new password opens the account, the old one no longer does, and the sessions end", async () => {
    const { deps } = await fresh();
    const u = await createUser(deps, { username: "bob", password, role: "observer" });
    const { secret } = await startSession(deps, u);
    await updateUser(deps, u.id, { password: "another long password" });
    assert.equal(await resolveSession(deps, secret), null);
    const auth = authenticator(deps);
    await refuses(
      auth.authenticate({ username: "bob", password, address: "10.0.0.1" }),
      "TRUCE_E_UNAUTHENTICATED",
    );
    assert.equal(
      (await auth.authenticate({ username: "bob", password: "another long password", address: "10.0.0.1" }))
        .id,
      u.id,
    );
  });

  it("disabling ends the sessions and refuses sign-in; enabling allows it again", async () => {
    const { deps } = await fresh();
    const u = await createUser(deps, { username: "carol", password, role: "observer" });
    const { secret } = await startSession(deps, u);
    await updateUser(deps, u.id, { disabled: true });
    assert.equal(await resolveSession(deps, secret), null);
    const auth = authenticator(deps);
    await refuses(
      auth.authenticate({ username: "carol", password, address: "10.0.0.1" }),
      "TRUCE_E_UNAUTHENTICATED",
    );
    await updateUser(deps, u.id, { disabled: false });
    assert.equal((await auth.authenticate({ username: "carol", password, address: "10.0.0.1" })).id, u.id);
  });

  it("never demotes or disables the last administrator who may sign in", async () => {
    const { deps } = await fresh();
    const first = await createUser(deps, { username: "root", password, role: "admin" });
    await refuses(updateUser(deps, first.id, { role: "observer" }), "TRUCE_E_LAST_ADMIN");
    await refuses(updateUser(deps, first.id, { disabled: true }), "TRUCE_E_LAST_ADMIN");
    await createUser(deps, { username: "root2", password, role: "admin" });
    assert.equal((await updateUser(deps, first.id, { disabled: true })).disabledAt, deps.now());
  });

  it("finds an account by id or username and says when there is none", async () => {
    const { deps } = await fresh();
    const u = await createUser(deps, { username: "Dana", password, role: "observer" });
    assert.equal((await findUser(deps.store, "dana")).id, u.id);
    assert.equal((await findUser(deps.store, u.id)).id, u.id);
    await refuses(findUser(deps.store, "nobody"), "TRUCE_E_NOT_FOUND");
    await refuses(updateUser(deps, "no-such-id", { disabled: true }), "TRUCE_E_NOT_FOUND");
  });
});

describe("the first administrator", () => {
  it("is created once, with a random password that signs in", async () => {
    const { deps } = await fresh();
    const hasher = countingHasher();
    const first = await ensureFirstAdmin(deps.store, { hasher, now: deps.now });
    assert.ok(first !== null);
    assert.equal(first.username, "admin");
    assert.ok(first.password.length >= 20);
    assert.equal(await ensureFirstAdmin(deps.store, { hasher }), null);
    const user = await authenticator({ ...deps, hasher }).authenticate({ ...first, address: "127.0.0.1" });
    assert.equal(user.role, "admin");
    assert.equal(syria2016.id, "syria-2016");
  });

  it("is not created when any account exists", async () => {
    const { deps } = await fresh();
    await createUser(deps, { username: "someone", password, role: "observer" });
    assert.equal(await ensureFirstAdmin(deps.store, { hasher: deps.hasher }), null);
    assert.equal(await deps.store.users.count(), 1);
  });
});
