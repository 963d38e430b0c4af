// The accounts' routes over real HTTP: a small Fastify instance with the auth hook, the accounts' operations and,
// for every other operation of the policy table, a stand-in that answers who asked.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import fastifySwagger from "@fastify/swagger";
import Fastify, { type FastifyInstance } from "fastify";
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { z } from "zod";
import { type CountingHasher, countingHasher, syria2016 } from "../../../test/store/accounts-support.js";
import { openStore } from "../../adapters/store/open-store.js";
import { accountsDeps } from "../../application/accounts/accounts-deps.js";
import { createUser } from "../../application/accounts/create-user.js";
import { operationIds, policy } from "../../domain/access/policy.js";
import type { Store } from "../../ports/store.js";
import type { ServerContext } from "../context.js";
import { handleError } from "../http-errors.js";
import { type RouteTable, registerRoutes } from "../register-routes.js";
import { type AnyRoute, route } from "../route.js";
import { registerAuth } from "./index.js";

const password = "a long enough password";

interface Harness {
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly hasher: CountingHasher;
  readonly url: string;
}

async function start(): Promise<Harness> {
  const store = await openStore(":memory:");
  // Trusting X-Forwarded-For lets one test client speak from several addresses.
  const app = Fastify({ trustProxy: true });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  await app.register(fastifySwagger, {
    openapi: { openapi: "3.1.0", info: { title: "test", version: "0" } },
    transform: createJsonSchemaTransform({ zodToJsonConfig: { target: "draft-2020-12" } }),
    transformObject: createJsonSchemaTransformObject({ zodToJsonConfig: { target: "draft-2020-12" } }),
  });
  const hasher = countingHasher();
  const auth = await registerAuth(app, {
    store,
    agreements: [syria2016],
    cookieSecure: false,
    hasher,
    throttle: { windowMs: 15 * 60 * 1000, perAccountAndAddress: 3, perAddress: 6 },
  });
  const standIn = route({
    response: z.object({ role: z.string() }),
    handler: async ({ principal }) => ({ role: principal.role }),
  });
  const others = Object.fromEntries(operationIds.map((id) => [id, standIn])) as Record<string, AnyRoute>;
  // The stand-ins and the accounts' routes read nothing of the server's context.
  const context = {} as ServerContext;
  registerRoutes(app, { ...others, ...auth.routes } as RouteTable, context, auth.principalOf, 100_000);
  app.get("/openapi.json", async () => app.swagger());
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  assert.ok(address !== null && typeof address === "object");
  const deps = accountsDeps(store, [syria2016], { hasher });
  await createUser(deps, { username: "root", password, role: "admin" });
  await createUser(deps, { username: "alice", password, role: "observer" });
  await createUser(deps, { username: "gov", password, role: "party", party: "SY-GOV" });
  return { app, store, hasher, url: `http://127.0.0.1:${address.port}` };
}

interface Call {
  readonly status: number;
  readonly body: unknown;
  readonly headers: Headers;
}

interface Options {
  readonly body?: unknown;
  readonly cookie?: string;
  readonly csrf?: string;
  readonly bearer?: string;
  readonly from?: string;
}

let h: Harness;
before(async () => {
  h = await start();
});
after(async () => {
  await h.app.close();
  await h.store.close();
});

async function call(method: string, path: string, o: Options = {}): Promise<Call> {
  const headers: Record<string, string> = {};
  if (o.body !== undefined) headers["content-type"] = "application/json";
  if (o.cookie !== undefined) headers.cookie = o.cookie;
  if (o.csrf !== undefined) headers["x-csrf-token"] = o.csrf;
  if (o.bearer !== undefined) headers.authorization = `Bearer ${o.bearer}`;
  if (o.from !== undefined) headers["x-forwarded-for"] = o.from;
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers,
    ...(o.body === undefined ? {} : { body: JSON.stringify(o.body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text === "" ? null : JSON.parse(text), headers: res.headers };
}

interface Signed {
  readonly cookie: string;
  readonly csrf: string;
  readonly setCookie: string;
  readonly user: { readonly id: string; readonly role: string };
}

async function signIn(username: string, from = "127.0.0.1", pw = password): Promise<Signed> {
  const res = await call("POST", "/api/session", { body: { username, password: pw }, from });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("truce_session=")) ?? "";
  const body = res.body as { csrfToken: string; user: { id: string; role: string } };
  return { cookie: setCookie.split(";")[0] ?? "", csrf: body.csrfToken, setCookie, user: body.user };
}

const errorCode = (c: Call): string => (c.body as { error: { code: string } }).error.code;

describe("browser sessions", () => {
  it("sign in sets an HttpOnly, SameSite=Strict cookie for the API, and the session says who is signed in", async () => {
    const s = await signIn("ALICE");
    assert.match(s.setCookie, /HttpOnly/);
    assert.match(s.setCookie, /SameSite=Strict/);
    assert.match(s.setCookie, /Path=\/api/);
    assert.equal(s.user.role, "observer");
    const session = await call("GET", "/api/session", { cookie: s.cookie });
    assert.deepEqual(session.body, {
      user: { id: s.user.id, username: "alice", role: "observer", party: null, guarantor: null },
      role: "observer",
      csrfToken: s.csrf,
    });
    const anonymous = await call("GET", "/api/session");
    assert.deepEqual(anonymous.body, { user: null, role: "public", csrfToken: null });
  });

  it("refuses a change made with the cookie but without the session's CSRF token", async () => {
    const s = await signIn("alice");
    const none = await call("POST", "/api/tokens", { cookie: s.cookie, body: { name: "x" } });
    assert.equal(none.status, 403);
    assert.equal(errorCode(none), "TRUCE_E_CSRF_TOKEN");
    const other = await signIn("alice");
    const wrong = await call("POST", "/api/tokens", {
      cookie: s.cookie,
      csrf: other.csrf,
      body: { name: "x" },
    });
    assert.equal(wrong.status, 403);
    const logout = await call("DELETE", "/api/session", { cookie: s.cookie });
    assert.equal(errorCode(logout), "TRUCE_E_CSRF_TOKEN");
    const right = await call("POST", "/api/tokens", { cookie: s.cookie, csrf: s.csrf, body: { name: "x" } });
    assert.equal(right.status, 201);
  });

  it("signs out: the cookie opens nothing any more", async () => {
    const s = await signIn("alice");
    const out = await call("DELETE", "/api/session", { cookie: s.cookie, csrf: s.csrf });
    assert.deepEqual(out.body, { user: null, role: "public", csrfToken: null });
    assert.ok(out.headers.getSetCookie().some((c) => /^truce_session=;/.test(c)));
    const after = await call("GET", "/api/session", { cookie: s.cookie });
    assert.deepEqual(after.body, { user: null, role: "public", csrfToken: null });
    const denied = await call("GET", "/api/tokens", { cookie: s.cookie });
    assert.equal(denied.status, 401);
  });
});

describe("API tokens", () => {
  it("act as the account without CSRF, are listed without their secret, and stop when revoked", async () => {
    const s = await signIn("root");
    const created = await call("POST", "/api/tokens", {
      cookie: s.cookie,
      csrf: s.csrf,
      body: { name: "nightly" },
    });
    assert.equal(created.status, 201);
    const { secret, token } = created.body as { secret: string; token: { id: string } };
    const listed = await call("GET", "/api/tokens", { bearer: secret });
    assert.equal(listed.status, 200);
    assert.ok(!JSON.stringify(listed.body).includes(secret));
    const made = await call("POST", "/api/users", {
      bearer: secret,
      body: { username: "ru1", password, role: "guarantor", guarantor: "RU" },
    });
    assert.equal(made.status, 201, JSON.stringify(made.body));
    const revoked = await call("DELETE", `/api/tokens/${token.id}`, { bearer: secret });
    assert.equal(revoked.status, 200);
    const after = await call("GET", "/api/tokens", { bearer: secret });
    assert.equal(after.status, 401);
    assert.equal(errorCode(after), "TRUCE_E_UNAUTHENTICATED");
    const garbage = await call("GET", "/api/session", { bearer: "truce_nothing" });
    assert.equal(garbage.status, 401);
  });

  it("cannot be revoked by another account", async () => {
    const owner = await signIn("alice");
    const created = await call("POST", "/api/tokens", {
      cookie: owner.cookie,
      csrf: owner.csrf,
      body: { name: "t" },
    });
    const { token } = created.body as { token: { id: string } };
    const other = await signIn("gov");
    const refused = await call("DELETE", `/api/tokens/${token.id}`, {
      cookie: other.cookie,
      csrf: other.csrf,
    });
    assert.equal(refused.status, 403);
    const unknown = await call("DELETE", "/api/tokens/no-such-token", {
      cookie: other.cookie,
      csrf: other.csrf,
    });
    assert.equal(unknown.status, 404);
  });
});

describe("accounts", () => {
  it("only administrators manage accounts: the public gets 401, others 403", async () => {
    assert.equal((await call("GET", "/api/users")).status, 401);
    const alice = await signIn("alice");
    assert.equal((await call("GET", "/api/users", { cookie: alice.cookie })).status, 403);
    const root = await signIn("root");
    const list = await call("GET", "/api/users", { cookie: root.cookie });
    assert.equal(list.status, 200);
    const names = (list.body as { items: { username: string }[] }).items.map((u) => u.username);
    assert.ok(names.includes("alice") && names.includes("root"));
    assert.ok(!JSON.stringify(list.body).includes("scrypt"));
  });

  it("checks the binding against the agreement and refuses a taken username", async () => {
    const root = await signIn("root");
    const bad = await call("POST", "/api/users", {
      cookie: root.cookie,
      csrf: root.csrf,
      body: { username: "someone", password, role: "party", party: "NOT-A-PARTY" },
    });
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { error: { field: string } }).error.field, "party");
    const taken = await call("POST", "/api/users", {
      cookie: root.cookie,
      csrf: root.csrf,
      body: { username: "Alice", password, role: "observer" },
    });
    assert.equal(taken.status, 409);
    assert.equal(errorCode(taken), "TRUCE_E_ACCOUNT_EXISTS");
    const nothing = await call("PATCH", `/api/users/${root.user.id}`, {
      cookie: root.cookie,
      csrf: root.csrf,
      body: {},
    });
    assert.equal(nothing.status, 400);
  });

  it("a disabled account's sessions and tokens stop working, and its sign-in is refused like a wrong password", async () => {
    const root = await signIn("root");
    const made = await call("POST", "/api/users", {
      cookie: root.cookie,
      csrf: root.csrf,
      body: { username: "temp", password, role: "observer" },
    });
    const id = (made.body as { id: string }).id;
    const temp = await signIn("temp");
    const created = await call("POST", "/api/tokens", {
      cookie: temp.cookie,
      csrf: temp.csrf,
      body: { name: "t" },
    });
    const { secret } = created.body as { secret: string };
    const disabled = await call("PATCH", `/api/users/${id}`, {
      cookie: root.cookie,
      csrf: root.csrf,
      body: { disabled: true },
    });
    assert.equal((disabled.body as { disabled: boolean }).disabled, true);
    assert.deepEqual((await call("GET", "/api/session", { cookie: temp.cookie })).body, {
      user: null,
      role: "public",
      csrfToken: null,
    });
    assert.equal((await call("GET", "/api/tokens", { bearer: secret })).status, 401);
    const refused = await call("POST", "/api/session", {
      body: { username: "temp", password },
      from: "192.0.2.50",
    });
    const wrong = await call("POST", "/api/session", {
      body: { username: "root", password: "wrong password" },
      from: "192.0.2.51",
    });
    assert.equal(refused.status, 401);
    assert.deepEqual(refused.body, wrong.body);
  });

  it("refuses to demote the last administrator", async () => {
    const root = await signIn("root");
    const res = await call("PATCH", `/api/users/${root.user.id}`, {
      cookie: root.cookie,
      csrf: root.csrf,
      body: { role: "observer" },
    });
    assert.equal(res.status, 409);
    assert.equal(errorCode(res), "TRUCE_E_LAST_ADMIN");
  });
});

describe("signing in over HTTP", () => {
  it("answers an unknown username exactly as a wrong password, and checks a hash for both", async () => {
    const before = h.hasher.verified.length;
    const wrong = await call("POST", "/api/session", {
      body: { username: "alice", password: "nope nope" },
      from: "192.0.2.1",
    });
    const unknown = await call("POST", "/api/session", {
      body: { username: "nobody", password: "nope nope" },
      from: "192.0.2.2",
    });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, wrong.status);
    assert.deepEqual(unknown.body, wrong.body);
    assert.equal(unknown.headers.get("set-cookie"), wrong.headers.get("set-cookie"));
    const checked = h.hasher.verified.slice(before);
    assert.equal(checked.length, 2);
    assert.notEqual(checked[0], checked[1]);
    assert.ok(checked.every((hash) => hash.startsWith("$scrypt$ln=4,")));
  });

  it("throttles a guesser with 429 and Retry-After, while the real user signs in from their own address", async () => {
    const attacker = "198.51.100.66";
    for (let i = 0; i < 3; i++) {
      const res = await call("POST", "/api/session", {
        body: { username: "gov", password: `guess ${i}` },
        from: attacker,
      });
      assert.equal(res.status, 401);
    }
    const refused = await call("POST", "/api/session", {
      body: { username: "gov", password },
      from: attacker,
    });
    assert.equal(refused.status, 429);
    assert.equal(errorCode(refused), "TRUCE_E_RATE_LIMITED");
    const wait = Number(refused.headers.get("retry-after"));
    assert.ok(wait > 0 && wait <= 15 * 60, `Retry-After ${wait}`);
    const real = await signIn("gov", "198.51.100.7");
    assert.equal(real.user.role, "party");
  });

  it("throttles one address trying many usernames", async () => {
    const sprayer = "198.51.100.99";
    for (let i = 0; i < 6; i++) {
      const res = await call("POST", "/api/session", {
        body: { username: `name${i}`, password: "guess" },
        from: sprayer,
      });
      assert.equal(res.status, 401);
    }
    const refused = await call("POST", "/api/session", {
      body: { username: "alice", password },
      from: sprayer,
    });
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get("retry-after")) > 0);
  });
});

describe("the OpenAPI document", () => {
  it("lists every accounts operation with its schemas", async () => {
    const doc = (await call("GET", "/openapi.json")).body as {
      paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>>;
    };
    for (const id of [
      "session.login",
      "session.get",
      "session.logout",
      "tokens.list",
      "tokens.create",
      "tokens.revoke",
      "users.list",
      "users.create",
      "users.update",
    ] as const) {
      const op = policy[id];
      const path = op.path.replace(/:(\w+)/g, "{$1}");
      assert.equal(doc.paths[path]?.[op.method.toLowerCase()]?.operationId, id, id);
    }
    assert.ok(doc.paths["/api/session"]?.post?.requestBody !== undefined);
  });
});
