// The access matrix: every operation of the policy table × every role × a record of the caller's own party and
// one of the other party's, over real HTTP. The status must be the one the table's rule gives: `deny` 401 for the
// public and 403 for an account, `allow` success, `visible` success for a record the role may read and 404 for
// one it may not, `own` success for its own and 403 for another's. The server must register exactly the table.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import Fastify from "fastify";
import { type OperationId, operationIds, policy, type Rule } from "../../src/domain/access/policy.js";
import { type Role, roles } from "../../src/domain/access/principal.js";
import { assertRoutesMatchPolicy, refuseUnlistedRoutes } from "../../src/server/register-routes.js";
import { apiRoutes } from "../../src/server/routes/index.js";
import {
  type Actor,
  complaintBody,
  fileComplaint,
  type Harness,
  PASSWORD,
  places,
  type Scenario,
  seedScenario,
  startHarness,
} from "./harness.js";

/** The account that plays each role; a party's own records are SY-GOV's, the other party's SY-OPP's. */
const actorOf: Record<Role, Actor> = {
  admin: "admin",
  guarantor: "ru",
  party: "gov",
  observer: "observer",
  public: "public",
};

type Target = "own" | "other";

interface Call {
  readonly method: string;
  readonly path: string;
  readonly body?: unknown;
}

/**
 * The request for an operation, about a record the role may read or owns (`own`) or one it may not read or owns
 * not (`other`). Null: the operation names no record and no owner, so there is no "other" to ask for; the rule is
 * checked on `own` only.
 */
type CaseOf = (role: Role, target: Target, ctx: Context) => Promise<Call | null> | Call | null;

interface Context {
  readonly h: Harness;
  readonly s: Scenario;
  /** A fresh incident (a new complaint) for operations that consume one. */
  fresh(): Promise<string>;
  unique(): string;
}

/** The incident a role reads as its own (or published), and one it may not read. */
function incidentFor(role: Role, target: Target, s: Scenario): string {
  if (role === "party") return target === "own" ? s.gov.incidentId : s.opp.incidentId;
  if (role === "public" || role === "observer")
    return target === "own" ? s.published.incidentId : s.gov.incidentId;
  return target === "own" ? s.gov.incidentId : s.opp.incidentId;
}

function documentFor(role: Role, target: Target, s: Scenario): { document: string; incident: string } {
  if (role === "public" || role === "observer") {
    return target === "own"
      ? { document: s.published.documentId, incident: s.published.incidentId }
      : { document: s.gov.documentId, incident: s.gov.incidentId };
  }
  return target === "own"
    ? { document: s.gov.documentId, incident: s.gov.incidentId }
    : { document: s.opp.documentId, incident: s.opp.incidentId };
}

const cases: Record<OperationId, CaseOf> = {
  "session.login": (_r, target) =>
    target === "own"
      ? { method: "POST", path: "/api/session", body: { username: `t-observer`, password: PASSWORD } }
      : null,
  "session.get": (_r, target) => (target === "own" ? { method: "GET", path: "/api/session" } : null),
  "session.logout": (_r, target) => (target === "own" ? { method: "DELETE", path: "/api/session" } : null),
  "tokens.list": (_r, target) => (target === "own" ? { method: "GET", path: "/api/tokens" } : null),
  "tokens.create": (_r, target, { unique }) =>
    target === "own" ? { method: "POST", path: "/api/tokens", body: { name: `token ${unique()}` } } : null,
  "tokens.revoke": async (role, target, { h }) => {
    // Own: a token of the caller's account; other: one of another account's.
    const owner: Actor = target === "own" ? actorOf[role] : role === "admin" ? "observer" : "admin";
    const created = await h.request(owner === "public" ? "admin" : owner, "POST", "/api/tokens", {
      name: "to revoke",
    });
    return { method: "DELETE", path: `/api/tokens/${created.json.token.id}` };
  },
  "users.list": (_r, target) => (target === "own" ? { method: "GET", path: "/api/users" } : null),
  "users.create": (_r, target, { unique }) =>
    target === "own"
      ? {
          method: "POST",
          path: "/api/users",
          body: { username: `new-${unique()}`, password: "a long enough password", role: "observer" },
        }
      : null,
  "users.update": (_r, _t, { h }) => ({
    method: "PATCH",
    path: `/api/users/${h.users.observer.id}`,
    body: { role: "observer" },
  }),
  "agreement.get": (_r, target) => (target === "own" ? { method: "GET", path: "/api/agreement" } : null),
  "incidents.list": (_r, target) => (target === "own" ? { method: "GET", path: "/api/incidents" } : null),
  "incidents.get": (role, target, { s }) => ({
    method: "GET",
    path: `/api/incidents/${incidentFor(role, target, s)}`,
  }),
  "incidents.audit": (role, target, { s }) => ({
    method: "GET",
    path: `/api/incidents/${incidentFor(role, target, s)}/audit`,
  }),
  "incidents.merge": async (_r, _t, { fresh }) => {
    const into = await fresh();
    return { method: "POST", path: `/api/incidents/${into}/merge`, body: { from: await fresh() } };
  },
  "incidents.split": async (_r, _t, { fresh, h }) => {
    const into = await fresh();
    const from = await fresh();
    const moved = (await h.server.context.store.incidents.get(from))?.reportIds[0];
    await h.request("admin", "POST", `/api/incidents/${into}/merge`, { from });
    return { method: "POST", path: `/api/incidents/${into}/split`, body: { reports: [moved] } };
  },
  "positions.create": async (_r, target, { fresh }) => ({
    method: "POST",
    path: `/api/incidents/${await fresh()}/positions`,
    body: {
      position: "insufficient_evidence",
      rationale: "One source only.",
      ...(target === "other" ? { guarantor: "TR" } : {}),
    },
  }),
  "replies.create": (_r, target, { s }) => ({
    method: "POST",
    path: `/api/incidents/${target === "own" ? s.published.incidentId : s.againstOpp.incidentId}/replies`,
    body: { text: "The shelling came from positions we do not hold." },
  }),
  "queue.list": (role, target) => ({
    method: "GET",
    path: `/api/queue${role === "admin" ? "?guarantor=RU" : target === "other" ? "?guarantor=TR" : ""}`,
  }),
  "map.get": (_r, target) => (target === "own" ? { method: "GET", path: "/api/map" } : null),
  "stats.get": (_r, target) => (target === "own" ? { method: "GET", path: "/api/stats" } : null),
  "documents.get": (role, target, { s }) => {
    const { document, incident } = documentFor(role, target, s);
    return { method: "GET", path: `/api/documents/${document}?incident=${incident}` };
  },
  "documents.ingest": (_r, target, { unique }) =>
    target === "own"
      ? {
          method: "POST",
          path: "/api/documents",
          body: {
            body: `Shelling hit Douma on Monday, killing two civilians, activists said. (${unique()})`,
            contentType: "text/plain",
            source: "test wire",
            published: "2017-02-21",
          },
        }
      : null,
  "complaints.list": (role, target) => ({
    method: "GET",
    path: `/api/complaints${target === "other" && role === "party" ? "?complainant=SY-OPP" : ""}`,
  }),
  "complaints.create": (role, target) => ({
    method: "POST",
    path: "/api/complaints",
    body: {
      ...complaintBody({ at: places.hama, accused: role === "party" ? "SY-OPP" : "SY-GOV" }),
      ...(target === "other" ? { complainant: role === "party" ? "SY-OPP" : "TR" } : {}),
    },
  }),
  "attachments.get": (_r, target, { s }) => ({
    method: "GET",
    path: `/api/attachments/${target === "own" ? s.govAttachment : s.oppAttachment}`,
  }),
  "bulletins.get": (_r, target) =>
    target === "own" ? { method: "GET", path: "/api/bulletins/daily/2017-02-10?format=md" } : null,
  "exports.get": (_r, target) => (target === "own" ? { method: "GET", path: "/api/export/geojson" } : null),
  "audit.checkpoint": (_r, target) =>
    target === "own" ? { method: "GET", path: "/api/audit/checkpoint" } : null,
  "audit.proof": (_r, target) => (target === "own" ? { method: "GET", path: "/api/audit/proof/0" } : null),
  "audit.verify": (_r, target) => (target === "own" ? { method: "POST", path: "/api/audit/verify" } : null),
};

/**
 * Operations of an `own` rule whose request cannot name another owner at all: they act on the caller's own
 * account (its token list, a new token of its own). Every other `own` operation, and every operation with a
 * record in its path, must have an `other` case.
 */
const actsOnCallerOnly = new Set<OperationId>(["tokens.list", "tokens.create"]);

const namesARecord = (id: OperationId): boolean =>
  !actsOnCallerOnly.has(id) &&
  (/:id\b/.test(policy[id].path) || Object.values(policy[id].rules).includes("own"));

/** Which roles see every incident (and so every record of a `visible` operation). */
const seesAll = (role: Role) => role === "admin" || role === "guarantor";

function expected(rule: Rule, role: Role, target: Target, success: number): number {
  switch (rule) {
    case "deny":
      return role === "public" ? 401 : 403;
    case "allow":
      return success;
    case "visible":
      return target === "own" || seesAll(role) ? success : 404;
    case "own":
      return target === "own" ? success : 403;
  }
}

const successOf = (id: OperationId): number =>
  ({ ...apiRoutes, "tokens.create": { status: 201 }, "users.create": { status: 201 } })[
    id as keyof typeof apiRoutes
  ]?.status ?? 200;

let h: Harness;
let s: Scenario;
let counter = 0;

before(async () => {
  h = await startHarness();
  s = await seedScenario(h);
});
after(async () => h.close());

test("the route definitions are exactly the policy table's operations", () => {
  const accountOps = operationIds.filter((id) => /^(session|tokens|users)\./.test(id));
  const table = {
    ...apiRoutes,
    ...Object.fromEntries(accountOps.map((id) => [id, apiRoutes["agreement.get"]])),
  };
  assert.doesNotThrow(() => assertRoutesMatchPolicy(table));
  const { "map.get": _missing, ...withoutOne } = table;
  assert.throws(
    () => assertRoutesMatchPolicy(withoutOne),
    /operations of the policy table with no handler: map\.get/,
  );
  assert.throws(
    () => assertRoutesMatchPolicy({ ...table, "incidents.delete": apiRoutes["agreement.get"] }),
    /handlers for operations the policy table does not name: incidents\.delete/,
  );
});

test("an /api/ route that is not in the policy table cannot be registered", async () => {
  const app = Fastify();
  refuseUnlistedRoutes(app);
  assert.throws(
    () => app.get("/api/incidents/:id/delete", async () => "no"),
    /not an operation of the policy table/,
  );
  // A listed path under another method, or without its operation id, is refused too.
  assert.throws(
    () => app.delete("/api/incidents/:id", async () => "no"),
    /not an operation of the policy table/,
  );
  assert.throws(() => app.get("/api/incidents", async () => "no"), /not an operation of the policy table/);
  await app.close();
});

test("every operation of the table is routed at its method and path, and nothing else is under /api/", () => {
  for (const id of operationIds) {
    const op = policy[id];
    assert.ok(
      h.server.app.hasRoute({ method: op.method, url: op.path }),
      `${id}: ${op.method} ${op.path} is not routed`,
    );
  }
});

test("the access matrix: every operation × role × own and other party's records", async () => {
  const ctx: Context = {
    h,
    s,
    unique: () => `${process.pid}-${++counter}`,
    // Each fresh complaint far from the others in time, so that none joins another's incident.
    fresh: async () => {
      const n = ++counter;
      const date = new Date(Date.UTC(2017, 0, 5) + n * 9 * 86_400_000).toISOString().slice(0, 10);
      return (
        await fileComplaint(h, "opp", {
          at: places.homs,
          accused: "SY-GOV",
          date,
          narrative: `Shelling ${n}.`,
        })
      ).incidentId;
    },
  };
  const mismatches: string[] = [];
  let checked = 0;
  for (const id of operationIds) {
    for (const role of roles) {
      for (const target of ["own", "other"] as const) {
        const call = await cases[id](role, target, ctx);
        if (call === null) {
          assert.ok(
            target === "other" && !namesARecord(id),
            `${id} must have a request for ${target} records`,
          );
          continue;
        }
        const rule = policy[id].rules[role];
        const want = expected(rule, role, target, successOf(id));
        const got = await h.request(actorOf[role], call.method, call.path, call.body);
        checked++;
        if (got.status !== want) {
          mismatches.push(
            `${id} as ${role} on ${target}: rule ${rule} wants ${want}, got ${got.status} ${got.text.slice(0, 200)}`,
          );
        }
      }
    }
  }
  assert.deepEqual(mismatches, []);
  assert.ok(checked >= operationIds.length * roles.length, `only ${checked} requests were checked`);
});
