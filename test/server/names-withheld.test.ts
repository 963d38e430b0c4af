// An agreement that does not name the parties (Minsk II: `nameParties: false`), over real HTTP: the incident page's
// data, its audit trail, the map and the documents name no party to the public or an observer; a party is told of
// itself only; the monitoring mission and the administrator are told everything.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { accountsDeps } from "../../src/application/accounts/accounts-deps.js";
import { createApiToken } from "../../src/application/accounts/api-tokens.js";
import { createUser } from "../../src/application/accounts/create-user.js";
import { scryptHasher } from "../../src/application/accounts/password-hasher.js";
import { createServer, type TruceServer } from "../../src/server/app.js";
import { loadServerConfig } from "../../src/server/config.js";
import { complaintBody, PASSWORD, type Response, send } from "./harness.js";

const MINSK = fileURLToPath(new URL("../../data/agreements/minsk-2015.yaml", import.meta.url));

type Reader = "admin" | "smm" | "gov" | "sep" | "observer" | "public";

const accounts: Record<Exclude<Reader, "public">, { role: string; party?: string; guarantor?: string }> = {
  admin: { role: "admin" },
  smm: { role: "guarantor", guarantor: "OSCE-SMM" },
  gov: { role: "party", party: "UA-GOV" },
  sep: { role: "party", party: "UA-SEP" },
  observer: { role: "observer" },
};

const GOV = /UA-GOV/;
const SEP = /UA-SEP/;

let dir: string;
let server: TruceServer;
let url: string;
const tokens = {} as Record<Exclude<Reader, "public">, string>;
/** UA-GOV's complaint against UA-SEP, found a violation by UA-SEP, published, and answered by UA-SEP. */
let published: { incidentId: string; documentId: string; reportId: string };
/** UA-SEP's complaint against UA-GOV, not yet judged: only UA-SEP and those who judge read it. */
let unpublished: { incidentId: string; documentId: string; reportId: string };

const as = (reader: Reader, method: string, urlPath: string, body?: unknown): Promise<Response> =>
  send(url, reader === "public" ? null : tokens[reader], method, urlPath, body);

async function read(reader: Reader, urlPath: string): Promise<Response> {
  const r = await as(reader, "GET", urlPath);
  assert.equal(r.status, 200, `${reader} GET ${urlPath}: ${r.text}`);
  return r;
}

async function complain(reader: Reader, fields: Record<string, unknown>) {
  const r = await as(reader, "POST", "/api/complaints", fields);
  assert.equal(r.status, 201, r.text);
  return r.json as { incidentId: string; documentId: string; reportId: string };
}

before(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "truce-names-"));
  const clock = Date.parse("2026-11-28T12:00:00.000Z");
  const config = loadServerConfig(
    { db: path.join(dir, "truce.db"), port: 0, auditKey: path.join(dir, "audit.key"), agreement: MINSK },
    { TRUCE_RATE_LIMIT: "100000" },
  );
  server = await createServer({ config, now: () => new Date(clock).toISOString() });
  await server.app.listen({ host: "127.0.0.1", port: 0 });
  const address = server.app.server.address();
  if (address === null || typeof address === "string") throw new Error("the server has no port");
  url = `http://127.0.0.1:${address.port}`;
  const deps = accountsDeps(server.context.store, server.context.agreements, {
    hasher: scryptHasher({ ln: 10, r: 8, p: 1 }),
    now: () => new Date(clock).toISOString(),
  });
  for (const [name, spec] of Object.entries(accounts) as [Exclude<Reader, "public">, { role: string }][]) {
    const user = await createUser(deps, { username: `m-${name}`, password: PASSWORD, ...spec });
    tokens[name] = (await createApiToken(deps, user, "tests")).secret;
  }

  // Avdiivka and Horlivka, weeks apart: two incidents, never linked into one.
  published = await complain("gov", {
    ...complaintBody({ at: { lat: 48.14, lon: 37.745 }, accused: "UA-SEP", date: "2017-02-15" }),
    target: "CIV",
  });
  unpublished = await complain("sep", {
    ...complaintBody({ at: { lat: 48.3, lon: 38.05 }, accused: "UA-GOV", date: "2017-03-20" }),
    target: "UA-SEP",
  });
  const position = await as("smm", "POST", `/api/incidents/${published.incidentId}/positions`, {
    position: "violation",
    party: "UA-SEP",
    rationale: "The mission's crater analysis supports the complaint.",
  });
  assert.equal(position.status, 201, position.text);
  // Minsk II publishes a verdict's incident at once (delay PT0S).
  await server.context.afterVerdict();
  const reply = await as("sep", "POST", `/api/incidents/${published.incidentId}/replies`, {
    text: "The shelling came from positions we did not hold.",
  });
  assert.equal(reply.status, 201, reply.text);
});

after(async () => {
  await server.app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("nameParties: false over HTTP", () => {
  it("the incident is published, and its record does name the parties to those who judge", async () => {
    for (const reader of ["smm", "admin"] as const) {
      const view = (await read(reader, `/api/incidents/${published.incidentId}`)).json;
      assert.equal(view.incident.status, "published");
      assert.equal(view.partiesNamed, true);
      assert.equal(view.incident.accused, "UA-SEP");
      assert.deepEqual(view.incident.complainants, ["UA-GOV"]);
      assert.equal(view.reports[0].report.source, "UA-GOV");
      assert.equal(view.reports[0].report.perpetrator, "UA-SEP");
      assert.equal(view.positions[0].party, "UA-SEP");
      assert.equal(view.verdict.latest.attributedParty, "UA-SEP");
      assert.equal(view.replies[0].party, "UA-SEP");
      const kinds = view.audit.map((e: { kind: string }) => e.kind);
      for (const kind of ["document_accepted", "position_recorded", "verdict_recorded", "reply_recorded"])
        assert.ok(kinds.includes(kind), `${reader} reads the ${kind} entry`);
      const unseen = (await read(reader, `/api/incidents/${unpublished.incidentId}`)).json;
      assert.deepEqual(unseen.incident.complainants, ["UA-SEP"]);
      assert.equal(unseen.reports[0].report.target, "UA-SEP");
      const map = (await read(reader, "/api/map")).json;
      const point = map.points.find((p: { id: string }) => p.id === published.incidentId);
      assert.equal(point.accused, "UA-SEP");
    }
  });

  it("the public and an observer read the incident, its audit trail, the map and the documents with no party named", async () => {
    for (const reader of ["public", "observer"] as const) {
      const viewResponse = await read(reader, `/api/incidents/${published.incidentId}`);
      const view = viewResponse.json;
      assert.doesNotMatch(viewResponse.text, GOV, `${reader}: the incident view names UA-GOV`);
      assert.doesNotMatch(viewResponse.text, SEP, `${reader}: the incident view names UA-SEP`);
      assert.equal(view.partiesNamed, false);
      // What is withheld is left out, not the record itself: the verdict, the position and the reply are there.
      assert.equal(view.incident.accused, null);
      assert.deepEqual(view.incident.complainants, []);
      assert.deepEqual(view.incident.perpetrators, []);
      assert.equal(view.reports[0].report.kind, "complaint");
      assert.equal(view.reports[0].report.source, "");
      assert.equal(view.reports[0].report.perpetrator, null);
      assert.equal(view.reports[0].report.target, "CIV", "naming the civilians blames no side");
      assert.equal(view.reports[0].document.source, "");
      assert.equal(view.reports[0].document.title, null);
      assert.equal(view.positions[0].position, "violation");
      assert.equal(view.positions[0].guarantor, "OSCE-SMM");
      assert.equal(view.positions[0].party, null);
      assert.equal(view.verdict.latest.outcome, "violation");
      assert.equal(view.verdict.latest.attributedParty, null);
      assert.equal(view.replies[0].party, "");
      assert.match(view.replies[0].text, /positions we did not hold/);
      const comparison = view.comparison.find((c: { field: string }) => c.field === "perpetrator");
      assert.deepEqual(comparison.values, [null]);

      const audit = await read(reader, `/api/incidents/${published.incidentId}/audit`);
      assert.doesNotMatch(audit.text, GOV, `${reader}: the audit trail names UA-GOV`);
      assert.doesNotMatch(audit.text, SEP, `${reader}: the audit trail names UA-SEP`);
      assert.ok(
        audit.json.entries.every((e: { proof: unknown }) => e.proof !== null),
        "the entries shown keep their proofs",
      );

      const map = await read(reader, "/api/map");
      assert.doesNotMatch(map.text, GOV);
      assert.doesNotMatch(map.text, SEP);
      const point = map.json.points.find((p: { id: string }) => p.id === published.incidentId);
      assert.ok(point !== undefined, "the published incident is on the map");
      assert.equal(point.accused, null);

      const document = await read(
        reader,
        `/api/documents/${published.documentId}?incident=${published.incidentId}`,
      );
      assert.doesNotMatch(document.text, GOV, `${reader}: the document names UA-GOV`);
      assert.doesNotMatch(document.text, SEP, `${reader}: the document names UA-SEP`);
      assert.equal(document.json.partiesNamed, false);
      assert.equal(document.json.source, "");
      assert.equal(document.json.title, null);
      assert.match(document.json.text, /Mortar shells/);

      const list = await read(reader, "/api/incidents");
      assert.equal(list.json.items.length, 1);
      assert.doesNotMatch(list.text, GOV);
      assert.doesNotMatch(list.text, SEP);
    }
  });

  it("a party is told of itself on its own complaint, and of no other party", async () => {
    const own = await read("gov", `/api/incidents/${published.incidentId}`);
    assert.equal(own.json.partiesNamed, false);
    assert.deepEqual(own.json.incident.complainants, ["UA-GOV"]);
    assert.equal(own.json.reports[0].report.source, "UA-GOV");
    assert.equal(own.json.reports[0].document.source, "UA-GOV");
    assert.match(own.json.reports[0].document.title, /UA-GOV/);
    assert.doesNotMatch(own.text, SEP, "UA-GOV is told who the verdict holds responsible");
    assert.ok(
      own.json.audit.some(
        (e: { kind: string; payload: { source?: string } }) => e.kind === "document_accepted",
      ),
      "its own complaint's entry is shown to it",
    );
    const ownDocument = await read(
      "gov",
      `/api/documents/${published.documentId}?incident=${published.incidentId}`,
    );
    assert.equal(ownDocument.json.source, "UA-GOV");
    assert.doesNotMatch(ownDocument.text, SEP);

    // The accused party is told the verdict holds it responsible (it may reply), not who complained.
    const accused = await read("sep", `/api/incidents/${published.incidentId}`);
    assert.equal(accused.json.incident.accused, "UA-SEP");
    assert.equal(accused.json.verdict.latest.attributedParty, "UA-SEP");
    assert.equal(accused.json.replies[0].party, "UA-SEP");
    assert.deepEqual(accused.json.incident.complainants, []);
    assert.equal(accused.json.reports[0].report.source, "");
    assert.doesNotMatch(accused.text, GOV, "UA-SEP is told who complained");

    // Its own complaint, not yet judged: itself named, the party it accuses withheld like any other.
    const pending = await read("sep", `/api/incidents/${unpublished.incidentId}`);
    assert.deepEqual(pending.json.incident.complainants, ["UA-SEP"]);
    assert.equal(pending.json.reports[0].report.source, "UA-SEP");
    assert.equal(pending.json.reports[0].report.target, "UA-SEP");
    assert.doesNotMatch(pending.text, GOV);

    const map = await read("gov", "/api/map");
    assert.doesNotMatch(map.text, SEP);
    const list = await read("sep", "/api/incidents");
    assert.doesNotMatch(list.text, GOV);
    assert.match(list.text, SEP, "its own name stays on its own complaint in the list");
  });

  it("a filter by a withheld party is refused, since its result would name who is blamed", async () => {
    for (const path of ["/api/incidents", "/api/map", "/api/stats", "/api/export/geojson"]) {
      for (const reader of ["public", "observer"] as const) {
        const r = await as(reader, "GET", `${path}?party=UA-SEP`);
        assert.equal(r.status, 400, `${reader} ${path}: ${r.text}`);
        assert.equal(r.json.error.code, "TRUCE_E_INVALID_INPUT");
      }
      assert.equal((await as("sep", "GET", `${path}?party=UA-SEP`)).status, 200, "a party filters by itself");
      assert.equal((await as("sep", "GET", `${path}?party=UA-GOV`)).status, 400);
      assert.equal((await as("admin", "GET", `${path}?party=UA-SEP`)).status, 200);
    }
  });
});
