// The accounts part of the storage port's contract: every store adapter (SQLite, PostgreSQL) must pass it.
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, describe, it } from "node:test";
import { isTruceError, type TruceErrorCode } from "../../src/errors.js";
import type { ApiTokenRecord, SessionRecord, UserAccount } from "../../src/ports/accounts.js";
import type { Store } from "../../src/ports/store.js";

const rejectsWith = async (promise: Promise<unknown>, code: TruceErrorCode): Promise<void> => {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isTruceError(error), `expected a TruceError ${code}, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
};

const user = (over: Partial<UserAccount> = {}): UserAccount => ({
  id: randomUUID(),
  username: `user-${randomUUID().slice(0, 8)}`,
  passwordHash: "$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0$ZGlnZXN0ZGlnZXN0ZGlnZXN0ZGlnZXN0",
  role: "observer",
  party: null,
  guarantor: null,
  disabledAt: null,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...over,
});

const session = (userId: string, over: Partial<SessionRecord> = {}): SessionRecord => ({
  id: randomUUID(),
  tokenHash: randomUUID().replaceAll("-", ""),
  userId,
  csrfSecret: "csrf-secret",
  createdAt: "2026-01-01T08:00:00.000Z",
  expiresAt: "2026-01-01T20:00:00.000Z",
  revokedAt: null,
  ...over,
});

const token = (userId: string, over: Partial<ApiTokenRecord> = {}): ApiTokenRecord => ({
  id: randomUUID(),
  tokenHash: randomUUID().replaceAll("-", ""),
  userId,
  name: "nightly export",
  createdAt: "2026-01-01T08:00:00.000Z",
  lastUsedAt: null,
  revokedAt: null,
  ...over,
});

export interface AccountsUnderTest {
  /** A new, empty, migrated store of its own. */
  readonly store: Store;
  /** The same database through a second connection (pool), as a second server would open it. */
  readonly reopen: () => Promise<Store>;
}

/** Registers the accounts contract for one engine; `open` gives each test a fresh, empty, migrated store. */
export function accountsContract(engine: string, open: () => Promise<AccountsUnderTest>): void {
  const opened: Store[] = [];
  let last: AccountsUnderTest | null = null;
  const fresh = async (): Promise<Store> => {
    last = await open();
    opened.push(last.store);
    return last.store;
  };
  /** The last fresh store's database through a second, independent connection. */
  const reopen = async (): Promise<Store> => {
    assert.ok(last !== null);
    const again = await last.reopen();
    opened.push(again);
    return again;
  };
  after(async () => {
    for (const store of opened) await store.close().catch(() => {});
  });

  describe(`${engine} store: users`, () => {
    it("stores an account and finds it by id and by username in any case", async () => {
      const store = await fresh();
      const alice = user({ username: "Alice", role: "party", party: "SY-OPP" });
      await store.users.insert(alice);
      assert.deepEqual(await store.users.get(alice.id), alice);
      assert.deepEqual(await store.users.byUsername("alice"), alice);
      assert.deepEqual(await store.users.byUsername("ALICE"), alice);
      assert.equal(await store.users.byUsername("alice2"), null);
      assert.equal(await store.users.get(randomUUID()), null);
      assert.equal(await store.users.count(), 1);
    });

    it("refuses a second account whose username differs only in case", async () => {
      const store = await fresh();
      await store.users.insert(user({ username: "monitor.ru" }));
      await rejectsWith(store.users.insert(user({ username: "Monitor.RU" })), "TRUCE_E_STORE_CONFLICT");
      assert.equal(await store.users.count(), 1);
    });

    it("lists accounts by username ignoring case", async () => {
      const store = await fresh();
      for (const name of ["carol", "Bob", "alice"]) await store.users.insert(user({ username: name }));
      assert.deepEqual(
        (await store.users.list()).map((u) => u.username),
        ["alice", "Bob", "carol"],
      );
    });

    it("changes only the fields given and returns the account as changed", async () => {
      const store = await fresh();
      const bob = user({ username: "bob" });
      await store.users.insert(bob);
      const changed = await store.users.update(bob.id, {
        role: "guarantor",
        guarantor: "RU",
        updatedAt: "2026-02-01T00:00:00.000Z",
      });
      assert.deepEqual(changed, {
        ...bob,
        role: "guarantor",
        guarantor: "RU",
        updatedAt: "2026-02-01T00:00:00.000Z",
      });
      assert.deepEqual(await store.users.get(bob.id), changed);
      const disabled = await store.users.update(bob.id, {
        disabledAt: "2026-03-01T00:00:00.000Z",
        passwordHash: "other",
        updatedAt: "2026-03-01T00:00:00.000Z",
      });
      assert.equal(disabled?.disabledAt, "2026-03-01T00:00:00.000Z");
      assert.equal(disabled?.passwordHash, "other");
      assert.equal(disabled?.guarantor, "RU");
      const enabled = await store.users.update(bob.id, {
        disabledAt: null,
        updatedAt: "2026-03-02T00:00:00.000Z",
      });
      assert.equal(enabled?.disabledAt, null);
      assert.equal(await store.users.update(randomUUID(), { updatedAt: "2026-03-01T00:00:00.000Z" }), null);
    });

    it("counts the administrators who may sign in", async () => {
      const store = await fresh();
      await store.users.insert(user({ role: "admin" }));
      await store.users.insert(user({ role: "admin", disabledAt: "2026-01-02T00:00:00.000Z" }));
      await store.users.insert(user({ role: "observer" }));
      assert.equal(await store.users.countActiveAdmins(), 1);
    });
  });

  describe(`${engine} store: sessions`, () => {
    it("finds a live session by its secret hash, with its account, and not after it expires", async () => {
      const store = await fresh();
      const owner = user();
      await store.users.insert(owner);
      const s = session(owner.id);
      await store.sessions.insert(s);
      assert.deepEqual(await store.sessions.live(s.tokenHash, "2026-01-01T12:00:00.000Z"), {
        session: s,
        user: owner,
      });
      assert.equal(await store.sessions.live(s.tokenHash, "2026-01-01T20:00:00.000Z"), null);
      assert.equal(await store.sessions.live("unknown", "2026-01-01T12:00:00.000Z"), null);
    });

    it("refuses a session of an account that is not stored", async () => {
      const store = await fresh();
      await rejectsWith(store.sessions.insert(session(randomUUID())), "TRUCE_E_STORE_REFERENCE");
    });

    it("ends one session, or every live session of an account", async () => {
      const store = await fresh();
      const owner = user();
      const other = user();
      await store.users.insert(owner);
      await store.users.insert(other);
      const [a, b, c] = [session(owner.id), session(owner.id), session(other.id)];
      for (const s of [a, b, c]) await store.sessions.insert(s);
      const noon = "2026-01-01T12:00:00.000Z";
      assert.equal(await store.sessions.revoke(a.id, noon), true);
      assert.equal(await store.sessions.revoke(a.id, noon), false);
      assert.equal(await store.sessions.live(a.tokenHash, noon), null);
      assert.notEqual(await store.sessions.live(b.tokenHash, noon), null);
      assert.equal(await store.sessions.revokeAllOf(owner.id, noon), 1);
      assert.equal(await store.sessions.live(b.tokenHash, noon), null);
      assert.notEqual(await store.sessions.live(c.tokenHash, noon), null);
    });

    it("prunes sessions that expired or ended before a time, and keeps the others", async () => {
      const store = await fresh();
      const owner = user();
      await store.users.insert(owner);
      const expired = session(owner.id, { expiresAt: "2026-01-01T09:00:00.000Z" });
      const ended = session(owner.id, { revokedAt: "2026-01-01T09:30:00.000Z" });
      const live = session(owner.id);
      for (const s of [expired, ended, live]) await store.sessions.insert(s);
      assert.equal(await store.sessions.prune("2026-01-01T10:00:00.000Z"), 2);
      assert.notEqual(await store.sessions.live(live.tokenHash, "2026-01-01T12:00:00.000Z"), null);
    });
  });

  describe(`${engine} store: API tokens`, () => {
    it("finds an unrevoked token by its secret hash with its account, records uses, and revokes", async () => {
      const store = await fresh();
      const owner = user();
      await store.users.insert(owner);
      const t = token(owner.id);
      await store.apiTokens.insert(t);
      assert.deepEqual(await store.apiTokens.live(t.tokenHash), { token: t, user: owner });
      await store.apiTokens.touch(t.id, "2026-01-02T00:00:00.000Z");
      assert.equal((await store.apiTokens.get(t.id))?.lastUsedAt, "2026-01-02T00:00:00.000Z");
      assert.equal(await store.apiTokens.revoke(t.id, "2026-01-03T00:00:00.000Z"), true);
      assert.equal(await store.apiTokens.revoke(t.id, "2026-01-04T00:00:00.000Z"), false);
      assert.equal(await store.apiTokens.live(t.tokenHash), null);
      assert.equal((await store.apiTokens.get(t.id))?.revokedAt, "2026-01-03T00:00:00.000Z");
    });

    it("lists an account's tokens oldest first, revoked ones included, and no one else's", async () => {
      const store = await fresh();
      const owner = user();
      const other = user();
      await store.users.insert(owner);
      await store.users.insert(other);
      const later = token(owner.id, {
        createdAt: "2026-01-05T00:00:00.000Z",
        revokedAt: "2026-01-06T00:00:00.000Z",
      });
      const earlier = token(owner.id, { createdAt: "2026-01-04T00:00:00.000Z" });
      for (const t of [later, earlier, token(other.id)]) await store.apiTokens.insert(t);
      assert.deepEqual(await store.apiTokens.byUser(owner.id), [earlier, later]);
    });

    it("refuses two tokens with one secret hash and a token of an account that is not stored", async () => {
      const store = await fresh();
      const owner = user();
      await store.users.insert(owner);
      const t = token(owner.id);
      await store.apiTokens.insert(t);
      await rejectsWith(
        store.apiTokens.insert(token(owner.id, { tokenHash: t.tokenHash })),
        "TRUCE_E_STORE_CONFLICT",
      );
      await rejectsWith(store.apiTokens.insert(token(randomUUID())), "TRUCE_E_STORE_REFERENCE");
    });
  });

  describe(`${engine} store: login attempts`, () => {
    const attempt = (usernameKey: string, address: string, at: string) => ({
      id: randomUUID(),
      usernameKey,
      address,
      at,
    });

    it("counts attempts in a window per (username, address) and per address, with the oldest of each", async () => {
      const store = await fresh();
      const rows = [
        attempt("alice", "10.0.0.1", "2026-01-01T10:00:00.000Z"),
        attempt("alice", "10.0.0.1", "2026-01-01T10:05:00.000Z"),
        attempt("bob", "10.0.0.1", "2026-01-01T10:06:00.000Z"),
        attempt("alice", "10.0.0.2", "2026-01-01T10:07:00.000Z"),
        attempt("alice", "10.0.0.1", "2026-01-01T09:00:00.000Z"),
      ];
      for (const row of rows) await store.loginAttempts.record(row);
      assert.deepEqual(await store.loginAttempts.count("alice", "10.0.0.1", "2026-01-01T09:30:00.000Z"), {
        pair: { count: 2, oldest: "2026-01-01T10:00:00.000Z" },
        address: { count: 3, oldest: "2026-01-01T10:00:00.000Z" },
      });
      assert.deepEqual(await store.loginAttempts.count("carol", "10.0.0.9", "2026-01-01T09:30:00.000Z"), {
        pair: { count: 0, oldest: null },
        address: { count: 0, oldest: null },
      });
    });

    it("forgets one attempt, a pair's attempts, and attempts older than a time", async () => {
      const store = await fresh();
      const first = attempt("alice", "10.0.0.1", "2026-01-01T10:00:00.000Z");
      const rows = [
        first,
        attempt("alice", "10.0.0.1", "2026-01-01T10:01:00.000Z"),
        attempt("alice", "10.0.0.2", "2026-01-01T10:02:00.000Z"),
        attempt("bob", "10.0.0.1", "2026-01-01T10:03:00.000Z"),
      ];
      for (const row of rows) await store.loginAttempts.record(row);
      const since = "2026-01-01T00:00:00.000Z";
      await store.loginAttempts.remove(first.id);
      assert.equal((await store.loginAttempts.count("alice", "10.0.0.1", since)).pair.count, 1);
      await store.loginAttempts.clear("alice", "10.0.0.1");
      const afterClear = await store.loginAttempts.count("alice", "10.0.0.1", since);
      assert.deepEqual(afterClear.pair, { count: 0, oldest: null });
      assert.equal(afterClear.address.count, 1);
      assert.equal(await store.loginAttempts.prune("2026-01-01T10:02:30.000Z"), 1);
      assert.equal((await store.loginAttempts.count("alice", "10.0.0.2", since)).pair.count, 0);
      assert.equal((await store.loginAttempts.count("bob", "10.0.0.1", since)).pair.count, 1);
    });

    it("shares the counts between two connections, as between two servers", async () => {
      const store = await fresh();
      const other = await reopen();
      await store.loginAttempts.record(attempt("alice", "10.0.0.1", "2026-01-01T10:00:00.000Z"));
      await other.loginAttempts.record(attempt("alice", "10.0.0.1", "2026-01-01T10:01:00.000Z"));
      for (const s of [store, other]) {
        const counted = await s.loginAttempts.count("alice", "10.0.0.1", "2026-01-01T09:00:00.000Z");
        assert.equal(counted.pair.count, 2);
      }
    });
  });
}
