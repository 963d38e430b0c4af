import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import { testAccounts } from "../../../test/store/accounts-support.js";
import { isTruceError } from "../../errors.js";
import type { Store } from "../../ports/store.js";
import { createApiToken, listApiTokens, resolveApiToken, revokeApiToken } from "./api-tokens.js";
import { authenticator } from "./authenticate.js";
import { createUser } from "./create-user.js";
import { LoginThrottled } from "./login-throttle.js";
import { scryptHasher } from "./password-hasher.js";
import { secretHash } from "./secrets.js";
import { endSession, resolveSession, SESSION_TTL_MS, startSession } from "./sessions.js";

const opened: Store[] = [];
after(async () => {
  for (const s of opened) await s.close();
});
const fresh = async () => {
  const t = await testAccounts();
  opened.push(t.store);
  return t;
};

const password = "a long enough password";
const limits = { windowMs: 15 * 60 * 1000, perAccountAndAddress: 3, perAddress: 6 };

/** The error an attempt ends with, or null when it signs in. */
const outcome = async (attempt: Promise<unknown>): Promise<unknown> => {
  try {
    await attempt;
    return null;
  } catch (error) {
    return error;
  }
};

describe("signing in", () => {
  it("answers an unknown username exactly as a wrong password, after checking a hash all the same", async () => {
    const { deps } = await fresh();
    const alice = await createUser(deps, { username: "alice", password, role: "observer" });
    const auth = authenticator(deps, limits);
    deps.hasher.verified.length = 0;

    const wrong = await outcome(
      auth.authenticate({ username: "alice", password: "not the password", address: "a" }),
    );
    const unknown = await outcome(
      auth.authenticate({ username: "mallory", password: "not the password", address: "b" }),
    );
    assert.ok(isTruceError(wrong) && isTruceError(unknown));
    assert.deepEqual([unknown.code, unknown.message], [wrong.code, wrong.message]);
    assert.equal(wrong.code, "TRUCE_E_UNAUTHENTICATED");
    // One hash checked each: the account's, then the dummy made with the same parameters.
    assert.equal(deps.hasher.verified.length, 2);
    assert.equal(deps.hasher.verified[0], alice.passwordHash);
    assert.notEqual(deps.hasher.verified[1], alice.passwordHash);
    assert.match(deps.hasher.verified[1] ?? "", /^\$scrypt\$ln=4,r=8,p=1\$/);
  });

  it("re-hashes a password stored with other parameters when it signs in", async () => {
    const { deps } = await fresh();
    const old = scryptHasher({ ln: 3, r: 8, p: 1 });
    await createUser({ ...deps, hasher: old }, { username: "old", password, role: "observer" });
    const signedIn = await authenticator(deps).authenticate({ username: "old", password, address: "a" });
    assert.match(signedIn.passwordHash, /^\$scrypt\$ln=4,/);
    assert.equal(
      deps.hasher.needsRehash((await deps.store.users.byUsername("old"))?.passwordHash ?? ""),
      false,
    );
  });
});

describe("throttling sign-ins", () => {
  it("refuses a guesser at one address beyond the limit, with a wait, even with the right password", async () => {
    const { deps, clock } = await fresh();
    await createUser(deps, { username: "alice", password, role: "observer" });
    const auth = authenticator(deps, limits);
    const attacker = { username: "alice", address: "203.0.113.9" };
    for (let i = 0; i < 3; i++) {
      const e = await outcome(auth.authenticate({ ...attacker, password: `guess ${i}` }));
      assert.ok(isTruceError(e) && e.code === "TRUCE_E_UNAUTHENTICATED");
      clock.advance(60_000);
    }
    const refused = await outcome(auth.authenticate({ ...attacker, password }));
    assert.ok(refused instanceof LoginThrottled);
    assert.equal(refused.code, "TRUCE_E_RATE_LIMITED");
    // The first failure was 3 minutes ago in a 15-minute window: 12 minutes to wait.
    assert.equal(refused.retryAfterSeconds, 12 * 60);
    // Refused attempts are not counted: once the first failure leaves the window, one more try is heard.
    clock.advance(12 * 60_000);
    assert.equal(await outcome(auth.authenticate({ ...attacker, password })), null);
  });

  it("lets the real user in from their own address while a guesser elsewhere is refused", async () => {
    const { deps } = await fresh();
    const alice = await createUser(deps, { username: "alice", password, role: "observer" });
    const auth = authenticator(deps, limits);
    // Guessers at many addresses, each up to and beyond its limit.
    for (const address of ["203.0.113.1", "203.0.113.2", "203.0.113.3"]) {
      for (let i = 0; i < 5; i++)
        await outcome(auth.authenticate({ username: "alice", password: `g${i}`, address }));
    }
    assert.ok(
      (await outcome(auth.authenticate({ username: "alice", password, address: "203.0.113.1" }))) instanceof
        LoginThrottled,
    );
    const user = await auth.authenticate({ username: "alice", password, address: "198.51.100.7" });
    assert.equal(user.id, alice.id);
  });

  it("refuses one address spreading guesses over many usernames", async () => {
    const { deps } = await fresh();
    await createUser(deps, { username: "alice", password, role: "observer" });
    const auth = authenticator(deps, limits);
    for (let i = 0; i < 6; i++) {
      const e = await outcome(
        auth.authenticate({ username: `user${i}`, password: "guess", address: "203.0.113.9" }),
      );
      assert.ok(isTruceError(e) && e.code === "TRUCE_E_UNAUTHENTICATED", String(e));
    }
    assert.ok(
      (await outcome(auth.authenticate({ username: "alice", password, address: "203.0.113.9" }))) instanceof
        LoginThrottled,
    );
    assert.equal(
      await outcome(auth.authenticate({ username: "alice", password, address: "198.51.100.7" })),
      null,
    );
  });

  it("counts the attempts in the database, so a second server sees the first one's", async () => {
    const { deps } = await fresh();
    await createUser(deps, { username: "alice", password, role: "observer" });
    const [one, two] = [authenticator(deps, limits), authenticator(deps, limits)];
    for (const auth of [one, two, one])
      await outcome(auth.authenticate({ username: "alice", password: "x", address: "203.0.113.9" }));
    assert.ok(
      (await outcome(two.authenticate({ username: "alice", password, address: "203.0.113.9" }))) instanceof
        LoginThrottled,
    );
  });

  it("forgets a pair's failures once the real user signs in from that address", async () => {
    const { deps } = await fresh();
    await createUser(deps, { username: "alice", password, role: "observer" });
    const auth = authenticator(deps, limits);
    const at = { username: "alice", address: "198.51.100.7" };
    for (let i = 0; i < 2; i++) await outcome(auth.authenticate({ ...at, password: "typo" }));
    await auth.authenticate({ ...at, password });
    for (let i = 0; i < 2; i++) await outcome(auth.authenticate({ ...at, password: "typo" }));
    assert.equal(await outcome(auth.authenticate({ ...at, password })), null);
  });
});

describe("sessions", () => {
  it("resolve to the account's principal until they expire or end; the store keeps only the secret's hash", async () => {
    const { deps, clock } = await fresh();
    const u = await createUser(deps, { username: "monitor", password, role: "guarantor", guarantor: "RU" });
    const { secret, session } = await startSession(deps, u);
    assert.equal(session.tokenHash, secretHash(secret));
    assert.notEqual(session.csrfSecret, secret);
    assert.deepEqual((await resolveSession(deps, secret))?.principal, {
      role: "guarantor",
      userId: u.id,
      username: "monitor",
      guarantor: "RU",
    });
    assert.equal(await resolveSession(deps, `${secret}x`), null);
    clock.advance(SESSION_TTL_MS);
    assert.equal(await resolveSession(deps, secret), null);

    const second = await startSession(deps, u);
    await endSession(deps, second.session.id);
    assert.equal(await resolveSession(deps, second.secret), null);
  });
});

describe("API tokens", () => {
  it("show the secret once, keep its hash, act as the account, and stop when revoked or the account is disabled", async () => {
    const { deps, clock } = await fresh();
    const u = await createUser(deps, { username: "script", password, role: "party", party: "SY-OPP" });
    const { token, secret } = await createApiToken(deps, u, "  nightly export ");
    assert.match(secret, /^truce_[A-Za-z0-9_-]{43}$/);
    assert.equal(token.name, "nightly export");
    assert.equal((await deps.store.apiTokens.get(token.id))?.tokenHash, secretHash(secret));
    assert.deepEqual(Object.keys(token).sort(), ["createdAt", "id", "lastUsedAt", "name", "revokedAt"]);

    clock.advance(1000);
    const resolved = await resolveApiToken(deps, secret);
    assert.deepEqual(resolved?.principal, {
      role: "party",
      userId: u.id,
      username: "script",
      party: "SY-OPP",
    });
    assert.equal((await listApiTokens(deps.store, u.id))[0]?.lastUsedAt, deps.now());
    assert.equal(await resolveApiToken(deps, "truce_not-a-token"), null);
    assert.equal(await resolveApiToken(deps, secret.slice(6)), null);

    await deps.store.users.update(u.id, { disabledAt: deps.now(), updatedAt: deps.now() });
    assert.equal(await resolveApiToken(deps, secret), null);
    await deps.store.users.update(u.id, { disabledAt: null, updatedAt: deps.now() });
    assert.notEqual(await resolveApiToken(deps, secret), null);
    await revokeApiToken(deps, u.id, token.id);
    assert.equal(await resolveApiToken(deps, secret), null);
  });

  it("are revoked only by their own account", async () => {
    const { deps } = await fresh();
    const owner = await createUser(deps, { username: "owner", password, role: "observer" });
    const other = await createUser(deps, { username: "other", password, role: "admin" });
    const { token } = await createApiToken(deps, owner, "mine");
    const refused = await outcome(revokeApiToken(deps, other.id, token.id));
    assert.ok(isTruceError(refused) && refused.code === "TRUCE_E_FORBIDDEN");
    const unknown = await outcome(revokeApiToken(deps, owner.id, "no-such-token"));
    assert.ok(isTruceError(unknown) && unknown.code === "TRUCE_E_NOT_FOUND");
    const bad = await outcome(createApiToken(deps, owner, "line\nbreak"));
    assert.ok(isTruceError(bad) && bad.code === "TRUCE_E_INVALID_INPUT");
  });
});
