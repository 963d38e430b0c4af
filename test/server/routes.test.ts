// Every route's happy path and its errors, over real HTTP against a real store.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { after, before, describe, test } from "node:test";
import { checkEntryProof } from "../../src/domain/audit/verify-log.js";
import {
  complaintBody,
  DAY_MS,
  fileComplaint,
  type Harness,
  judge,
  places,
  type Scenario,
  seedScenario,
  startHarness,
} from "./harness.js";

let h: Harness;
let s: Scenario;

before(async () => {
  h = await startHarness();
  s = await seedScenario(h);
});
after(async () => h.close());

const errorCode = (r: { json: { error?: { code?: string } } }) => r.json?.error?.code;

describe("incidents", () => {
  test("the public lists published incidents only; a party also its own complaints' and those it is accused in", async () => {
    const pub = await h.request("public", "GET", "/api/incidents");
    assert.equal(pub.status, 200);
    assert.deepEqual(
      pub.json.items.map((i: { id: string }) => i.id),
      [s.published.incidentId],
    );
    const gov = await h.request("gov", "GET", "/api/incidents?limit=100");
    const ids = new Set(gov.json.items.map((i: { id: string }) => i.id));
    assert.ok(
      ids.has(s.gov.incidentId) && ids.has(s.published.incidentId) && ids.has(s.againstOpp.incidentId),
    );
    assert.ok(!ids.has(s.opp.incidentId), "another party's unpublished complaint is never listed");
  });

  test("filters, sorting and cursor pages", async () => {
    const first = await h.request("admin", "GET", "/api/incidents?limit=2&sort=date&order=asc");
    assert.equal(first.status, 200);
    assert.equal(first.json.items.length, 2);
    assert.ok(first.json.items[0].date <= first.json.items[1].date);
    assert.equal(typeof first.json.next, "string");
    const second = await h.request(
      "admin",
      "GET",
      `/api/incidents?limit=2&sort=date&order=asc&after=${first.json.next}`,
    );
    assert.equal(second.status, 200);
    assert.ok(
      second.json.items.every(
        (i: { id: string }) => !first.json.items.some((j: { id: string }) => j.id === i.id),
      ),
    );
    const idlib = await h.request("admin", "GET", "/api/incidents?admin1=SY-ID&status=decided,published");
    assert.ok(idlib.json.items.length >= 1);
    assert.ok(idlib.json.items.every((i: { admin1: string }) => i.admin1 === "SY-ID"));
    const none = await h.request("admin", "GET", "/api/incidents?from=2017-02-11&to=2017-02-12");
    assert.deepEqual(none.json.items, []);
  });

  test("a bad filter is a 400 naming the parameter", async () => {
    for (const [query, field] of [
      ["limit=0", "query.limit"],
      ["limit=5000", "query.limit"],
      ["from=2017-02-30", "query.from"],
      ["status=lost", "query.status"],
      ["admin1=Aleppo", "query.admin1"],
      ["sort=random", "query.sort"],
      ["after=%3Cscript%3E", "query.after"],
      ["from=2017-03-01&to=2017-02-01", "query.from"],
    ] as const) {
      const r = await h.request("admin", "GET", `/api/incidents?${query}`);
      assert.equal(r.status, 400, query);
      assert.equal(errorCode(r), "TRUCE_E_INVALID_INPUT");
      assert.equal(r.json.error.field, field, query);
    }
  });

  test("one incident: its reports side by side, positions, the verdict; unknown or invisible ids are 404", async () => {
    const r = await h.request("public", "GET", `/api/incidents/${s.published.incidentId}`);
    assert.equal(r.status, 200);
    assert.equal(r.json.incident.status, "published");
    assert.equal(r.json.positions.length, 3);
    assert.equal(r.json.verdict.latest.outcome, "violation");
    assert.equal(r.json.verdict.latest.attributedParty, "SY-GOV");
    assert.equal(r.json.reports.length, 1);
    for (const id of ["00000000-0000-0000-0000-000000000000", "not an id", s.opp.incidentId]) {
      const missing = await h.request("public", "GET", `/api/incidents/${encodeURIComponent(id)}`);
      assert.equal(missing.status, 404, id);
      assert.equal(errorCode(missing), "TRUCE_E_NOT_FOUND");
    }
  });

  test("the audit trail of an incident, each entry with an inclusion proof that checks", async () => {
    const r = await h.request("public", "GET", `/api/incidents/${s.published.incidentId}/audit`);
    assert.equal(r.status, 200);
    const kinds = r.json.entries.map((e: { entry: { kind: string } }) => e.entry.kind);
    for (const kind of ["document_accepted", "position_recorded", "verdict_recorded", "publication"]) {
      assert.ok(kinds.includes(kind), `${kind} is in the trail`);
    }
    for (const { proof } of r.json.entries) {
      assert.ok(proof !== null && checkEntryProof(proof));
      assert.equal(proof.rootHash, r.json.checkpoint.rootHash);
    }
  });

  test("merge and split, and their refusals", async () => {
    const a = await fileComplaint(h, "opp", { at: places.hama, accused: "SY-GOV", date: "2017-04-01" });
    const b = await fileComplaint(h, "opp", { at: places.homs, accused: "SY-GOV", date: "2017-05-20" });
    assert.notEqual(a.incidentId, b.incidentId);
    const self = await h.request("ru", "POST", `/api/incidents/${a.incidentId}/merge`, {
      from: a.incidentId,
    });
    assert.equal(self.status, 409);
    assert.equal(errorCode(self), "TRUCE_E_MERGE_REFUSED");
    const unknown = await h.request("ru", "POST", `/api/incidents/${a.incidentId}/merge`, { from: "nope" });
    assert.equal(unknown.status, 404);
    const merged = await h.request("ru", "POST", `/api/incidents/${a.incidentId}/merge`, {
      from: b.incidentId,
    });
    assert.equal(merged.status, 200);
    assert.deepEqual(merged.json.moved, [b.reportId]);
    assert.equal((await h.request("admin", "GET", `/api/incidents/${b.incidentId}`)).status, 404);
    const noReports = await h.request("ru", "POST", `/api/incidents/${a.incidentId}/split`, { reports: [] });
    assert.equal(noReports.status, 400);
    const all = await h.request("ru", "POST", `/api/incidents/${a.incidentId}/split`, {
      reports: [a.reportId, b.reportId],
    });
    assert.equal(all.status, 409);
    const split = await h.request("ru", "POST", `/api/incidents/${a.incidentId}/split`, {
      reports: [b.reportId],
    });
    assert.equal(split.status, 200);
    assert.deepEqual(split.json.created.reportIds, [b.reportId]);
  });
});

describe("positions and replies", () => {
  test("a guarantor's position is its own state's; bad positions are 400", async () => {
    const c = await fileComplaint(h, "gov", { at: places.homs, accused: "SY-OPP", date: "2017-06-10" });
    const noParty = await h.request("tr", "POST", `/api/incidents/${c.incidentId}/positions`, {
      position: "violation",
      rationale: "x",
    });
    assert.equal(noParty.status, 400);
    assert.equal(errorCode(noParty), "TRUCE_E_POSITION_INVALID");
    const badKind = await h.request("tr", "POST", `/api/incidents/${c.incidentId}/positions`, {
      position: "maybe",
      rationale: "x",
    });
    assert.equal(badKind.status, 400);
    assert.equal(badKind.json.error.field, "body.position");
    const ok = await h.request("tr", "POST", `/api/incidents/${c.incidentId}/positions`, {
      position: "insufficient_evidence",
      rationale: "A single source.",
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.json.position.guarantor, "TR");
    assert.equal(ok.json.position.recordedBy, "t-tr");
    assert.deepEqual(ok.json.decision.missing.sort(), ["IR", "RU"]);
    assert.equal(ok.json.newVerdict, false);
  });

  test("the accused party replies before the deadline; after it, the reply is refused", async () => {
    const ok = await h.request("opp", "POST", `/api/incidents/${s.againstOpp.incidentId}/replies`, {
      text: "We deny it.",
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.json.reply.party, "SY-OPP");
    const empty = await h.request("opp", "POST", `/api/incidents/${s.againstOpp.incidentId}/replies`, {
      text: "  ",
    });
    assert.equal(empty.status, 400);
    h.advance(8 * DAY_MS);
    const late = await h.request("gov", "POST", `/api/incidents/${s.published.incidentId}/replies`, {
      text: "Late.",
    });
    assert.equal(late.status, 409);
    assert.equal(errorCode(late), "TRUCE_E_REPLY_REFUSED");
  });
});

describe("queue, map, statistics", () => {
  test("the queue is the guarantor's, oldest first; an administrator names whose", async () => {
    const r = await h.request("ir", "GET", "/api/queue?limit=100");
    assert.equal(r.status, 200);
    const dates = r.json.items.map((i: { date: string }) => i.date);
    assert.deepEqual([...dates].sort(), dates);
    assert.ok(
      !r.json.items.some((i: { id: string }) => i.id === s.published.incidentId),
      "decided ones leave it",
    );
    const admin = await h.request("admin", "GET", "/api/queue");
    assert.equal(admin.status, 400);
    assert.equal((await h.request("admin", "GET", "/api/queue?guarantor=IR")).status, 200);
  });

  test("map points and counts per governorate; restricted points are rounded for the public", async () => {
    const c = await fileComplaint(h, "opp", {
      at: { lat: 35.9312, lon: 36.6345 },
      accused: "SY-GOV",
      date: "2017-01-20",
      coordinatesRestricted: true,
    });
    await judge(h, c.incidentId, "SY-GOV");
    h.advance(2 * DAY_MS);
    await h.server.context.afterVerdict();
    const pub = await h.request("public", "GET", "/api/map");
    assert.equal(pub.status, 200);
    const point = pub.json.points.find((p: { id: string }) => p.id === c.incidentId);
    assert.ok(point !== undefined);
    assert.equal(point.lat, 35.9);
    assert.equal(point.lon, 36.6);
    assert.ok(
      pub.json.admin1.some((a: { admin1: string; count: number }) => a.admin1 === "SY-ID" && a.count >= 1),
    );
    const guarantor = await h.request("ru", "GET", "/api/map");
    assert.equal(guarantor.json.points.find((p: { id: string }) => p.id === c.incidentId).lat, 35.9312);
    const incident = await h.request("public", "GET", `/api/incidents/${c.incidentId}`);
    assert.equal(incident.json.incident.lat, 35.9);
    assert.equal(incident.json.reports[0].report.lat, 35.9);
    const boxed = await h.request("public", "GET", "/api/map?bbox=30,30,31,31");
    assert.deepEqual(boxed.json.points, []);
    for (const bad of ["bbox=1,2,3", "bbox=0,50,1,40", "limit=0"]) {
      assert.equal((await h.request("public", "GET", `/api/map?${bad}`)).status, 400, bad);
    }
  });

  test("statistics per party and governorate, claimed beside verified", async () => {
    const r = await h.request("ru", "GET", "/api/stats?granularity=month");
    assert.equal(r.status, 200);
    assert.equal(r.json.granularity, "month");
    const gov = r.json.parties.find((p: { key: string }) => p.key === "SY-GOV");
    assert.ok(gov.verifiedTotal >= 1);
    assert.equal(r.json.periods.length, r.json.total.claimed.length);
    assert.equal((await h.request("ru", "GET", "/api/stats?granularity=year")).status, 400);
  });

  test("statistics without dates cover a bounded span up to the latest incident; dates widen it", async () => {
    const latest = await h.server.context.store.incidents.latestDate([
      "open",
      "awaiting_positions",
      "decided",
      "published",
    ]);
    assert.ok(latest !== null && latest < h.server.context.now().slice(0, 10));
    const daily = await h.request("ru", "GET", "/api/stats");
    assert.equal(daily.status, 200);
    assert.equal(daily.json.periods.length, 365);
    assert.equal(
      daily.json.periods.at(-1),
      latest,
      "a guarantor's span ends at the latest incident of any status",
    );
    const monthly = await h.request("ru", "GET", "/api/stats?granularity=month&to=2020-06-30");
    assert.equal(monthly.json.periods.length, 60);
    assert.deepEqual([monthly.json.periods[0], monthly.json.periods.at(-1)], ["2015-07", "2020-06"]);
    const wide = await h.request("ru", "GET", "/api/stats?granularity=month&from=1990-01-01&to=2020-06-30");
    assert.equal(wide.json.periods[0], "1990-01");
  });
});

describe("documents", () => {
  test("a document's text with its reports' spans; read through an incident by those who do not see all", async () => {
    const r = await h.request(
      "gov",
      "GET",
      `/api/documents/${s.gov.documentId}?incident=${s.gov.incidentId}`,
    );
    assert.equal(r.status, 200);
    assert.equal(r.json.channel, "form");
    assert.equal(r.json.reports.length, 1);
    assert.doesNotMatch(r.text, /Witness W\./, "the witness is restricted: never to a party");
    const noIncident = await h.request("gov", "GET", `/api/documents/${s.gov.documentId}`);
    assert.equal(noIncident.status, 400);
    const guarantor = await h.request("ru", "GET", `/api/documents/${s.gov.documentId}`);
    assert.equal(guarantor.status, 200);
    assert.equal(guarantor.json.text, r.json.text);
  });

  test("an administrator ingests an article; bad input is a 400", async () => {
    const ok = await h.request("admin", "POST", "/api/documents", {
      body: "Government artillery shelled Douma on Tuesday, killing three civilians, activists said.",
      contentType: "text/plain",
      source: "Test Wire",
      published: "2017-03-08",
    });
    assert.equal(ok.status, 201);
    assert.equal(ok.json.documentsNew, 1);
    const again = await h.request("admin", "POST", "/api/documents", {
      body: "Government artillery shelled Douma on Tuesday, killing three civilians, activists said.",
      contentType: "text/plain",
      source: "Test Wire",
      published: "2017-03-08",
    });
    assert.equal(again.json.documentsDuplicate, 1);
    const badJson = await h.request("admin", "POST", "/api/documents", {
      body: "{ not json",
      contentType: "application/json",
    });
    assert.equal(badJson.status, 400);
    assert.equal((await h.request("admin", "POST", "/api/documents", { body: "" })).status, 400);
  });
});

describe("complaints and attachments", () => {
  test("a multipart complaint with files; bad fields and files are refused with the field named", async () => {
    const form = (extra: (f: FormData) => void) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(
        complaintBody({ at: places.hama, accused: "SY-OPP", date: "2017-07-01" }),
      ))
        f.append(k, String(v));
      extra(f);
      return f;
    };
    const ok = await h.request(
      "gov",
      "POST",
      "/api/complaints",
      form((f) => f.append("notes", new Blob(["plain text evidence"], { type: "text/plain" }), "notes.txt")),
    );
    assert.equal(ok.status, 201);
    assert.equal(ok.json.attachmentIds.length, 1);
    const exe = await h.request(
      "gov",
      "POST",
      "/api/complaints",
      form((f) =>
        f.append("x", new Blob([Buffer.from("MZ\x90\x00\x03binary")], { type: "image/png" }), "x.png"),
      ),
    );
    assert.equal(exe.status, 400);
    assert.equal(errorCode(exe), "TRUCE_E_ATTACHMENT_TYPE");
    const huge = await h.request(
      "gov",
      "POST",
      "/api/complaints",
      form((f) => f.append("big", new Blob([Buffer.alloc(10 * 1024 * 1024 + 1, 0x41)]), "big.txt")),
    );
    assert.equal(huge.status, 413);
    const many = await h.request(
      "gov",
      "POST",
      "/api/complaints",
      form((f) => {
        for (let i = 0; i < 6; i++) f.append(`f${i}`, new Blob(["text"], { type: "text/plain" }), `${i}.txt`);
      }),
    );
    assert.equal(many.status, 413);
    const missing = await h.request("gov", "POST", "/api/complaints", {
      ...complaintBody({ at: places.hama, accused: "SY-OPP" }),
      date: "",
    });
    assert.equal(missing.status, 400);
    assert.equal(missing.json.error.field, "body.date");
    const self = await h.request(
      "gov",
      "POST",
      "/api/complaints",
      complaintBody({ at: places.hama, accused: "SY-GOV" }),
    );
    assert.equal(self.status, 400);
    assert.equal(errorCode(self), "TRUCE_E_COMPLAINT_SELF");
    assert.equal(self.json.error.field, "body.accused");
    const abroad = await h.request(
      "gov",
      "POST",
      "/api/complaints",
      complaintBody({ at: { lat: 48.1, lon: 37.7 }, accused: "SY-OPP" }),
    );
    assert.equal(abroad.status, 400);
  });

  test("a party lists its own complaints without witnesses; guarantors see them", async () => {
    const gov = await h.request("gov", "GET", "/api/complaints?limit=100");
    assert.equal(gov.status, 200);
    assert.ok(gov.json.items.length >= 2);
    assert.ok(
      gov.json.items.every(
        (c: { complainant: string; witness: null }) => c.complainant === "SY-GOV" && c.witness === null,
      ),
    );
    const ru = await h.request("ru", "GET", "/api/complaints?limit=100&complainant=SY-GOV");
    assert.ok(ru.json.items.some((c: { witness: string | null }) => c.witness === "Witness W. (restricted)"));
  });

  test("an attachment is a download of the bytes as stored", async () => {
    const r = await h.request("gov", "GET", `/api/attachments/${s.govAttachment}`);
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("content-type"), "image/png");
    assert.match(r.headers.get("content-disposition") ?? "", /^attachment; filename="photo\.png"/);
    assert.equal(r.headers.get("x-content-type-options"), "nosniff");
    assert.equal((await h.request("gov", "GET", "/api/attachments/unknown")).status, 404);
  });
});

describe("bulletins and open data", () => {
  test("a daily bulletin as HTML (no script, its own CSP), Markdown and PDF", async () => {
    const html = await h.request("public", "GET", "/api/bulletins/daily/2017-02-10");
    assert.equal(html.status, 200);
    assert.match(html.headers.get("content-type") ?? "", /^text\/html/);
    assert.doesNotMatch(html.text, /<script/i);
    assert.match(html.headers.get("content-security-policy") ?? "", /default-src 'none'/);
    const md = await h.request("public", "GET", "/api/bulletins/weekly/2017-02-10?format=md");
    assert.equal(md.status, 200);
    assert.match(md.text, /^# /);
    assert.equal((await h.request("public", "GET", "/api/bulletins/monthly/2017-02-10")).status, 400);
    assert.equal((await h.request("public", "GET", "/api/bulletins/daily/2017-02-31")).status, 400);
    assert.equal(
      (await h.request("public", "GET", "/api/bulletins/daily/2017-02-10?format=doc")).status,
      400,
    );
  });

  test("a PDF bulletin, printed by Debian's chromium", {
    skip: !existsSync("/usr/bin/chromium") && "no /usr/bin/chromium",
  }, async () => {
    const pdf = await h.request("public", "GET", "/api/bulletins/daily/2017-02-10?format=pdf");
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get("content-type"), "application/pdf");
    assert.ok(pdf.text.startsWith("%PDF-"));
  });

  test("exports hold published incidents only, in each format", async () => {
    const geo = await h.request("public", "GET", "/api/export/geojson");
    assert.equal(geo.status, 200);
    assert.match(geo.headers.get("content-type") ?? "", /application\/geo\+json/);
    const ids = geo.json.features.map((f: { id: string }) => f.id);
    assert.ok(ids.includes(s.published.incidentId), `${s.published.incidentId} in ${ids.join(", ")}`);
    // Complaints no guarantor has judged are never published, so never exported.
    assert.ok(!ids.includes(s.gov.incidentId) && !ids.includes(s.opp.incidentId));
    for (const [format, type] of [
      ["acled", /text\/csv/],
      ["hxl", /text\/csv/],
      ["atom", /application\/atom\+xml/],
    ] as const) {
      const r = await h.request("public", "GET", `/api/export/${format}`);
      assert.equal(r.status, 200, format);
      assert.match(r.headers.get("content-type") ?? "", type);
      assert.match(r.headers.get("content-disposition") ?? "", /attachment; filename="truce-incidents-/);
    }
    assert.equal((await h.request("public", "GET", "/api/export/xlsx")).status, 400);
  });
});

describe("audit log, agreement, the server itself", () => {
  test("checkpoint, proof of an entry, and the administrator's verification", async () => {
    const c = await h.request("public", "GET", "/api/audit/checkpoint");
    assert.equal(c.status, 200);
    assert.match(c.json.publicKey, /BEGIN PUBLIC KEY/);
    const p = await h.request("public", "GET", "/api/audit/proof/1");
    assert.equal(p.status, 200);
    assert.equal(p.json.verifies, true);
    assert.equal(p.json.proof.entry, undefined, "the entry itself is not the public's to read");
    assert.match(p.json.proof.leafHash, /^[0-9a-f]{64}$/);
    assert.equal((await h.request("public", "GET", "/api/audit/proof/999999")).status, 404);
    assert.equal((await h.request("public", "GET", "/api/audit/proof/-1")).status, 400);
    const v = await h.request("admin", "POST", "/api/audit/verify");
    assert.equal(v.status, 200);
    assert.equal(v.json.ok, true);
    assert.deepEqual(v.json.problems, []);
  });

  test("the agreement in force", async () => {
    const r = await h.request("public", "GET", "/api/agreement");
    assert.equal(r.status, 200);
    assert.equal(r.json.id, "syria-2016");
    assert.ok(r.json.regimes.length > 1);
  });

  test("strict security headers: a CSP with no inline script and nothing from elsewhere", async () => {
    const r = await h.request("public", "GET", "/api/agreement");
    const csp = r.headers.get("content-security-policy") ?? "";
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
    assert.equal(r.headers.get("x-frame-options"), "SAMEORIGIN");
  });

  test("the web application's pages fall back to index.html; unknown API paths are JSON 404s", async () => {
    for (const page of ["/", "/queue", "/incidents/abc", "/login"]) {
      const r = await h.request("public", "GET", page);
      assert.equal(r.status, 200, page);
      assert.match(r.headers.get("content-type") ?? "", /text\/html/);
    }
    const api = await h.request("public", "GET", "/api/nothing-here");
    assert.equal(api.status, 404);
    assert.equal(errorCode(api), "TRUCE_E_NOT_FOUND");
    assert.equal((await h.request("public", "GET", "/no-such-page")).status, 404);
  });

  test("invalid JSON, a wrong content type and an oversized body are client errors in the one shape", async () => {
    const invalid = await h.request("admin", "POST", "/api/documents", "{ broken");
    assert.equal(invalid.status, 400);
    assert.equal(errorCode(invalid), "TRUCE_E_INVALID_INPUT");
    const typed = await h.request("ru", "POST", `/api/incidents/${s.gov.incidentId}/merge`, "from=x", {
      "content-type": "application/x-www-form-urlencoded",
    });
    assert.equal(typed.status, 415);
    assert.equal(errorCode(typed), "TRUCE_E_MEDIA_TYPE");
    const big = await h.request("ru", "POST", `/api/incidents/${s.gov.incidentId}/merge`, {
      from: "x".repeat(2 * 1024 * 1024),
    });
    assert.equal(big.status, 413);
    assert.equal(errorCode(big), "TRUCE_E_BODY_TOO_LARGE");
  });
});

describe("rate limits", () => {
  test("beyond the limit a client gets 429 in the one error shape", async () => {
    const limited = await startHarness({ rateLimit: 5 });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await limited.request("public", "GET", "/api/agreement")).status);
      assert.deepEqual(statuses.slice(0, 5), [200, 200, 200, 200, 200]);
      const r = await limited.request("public", "GET", "/api/agreement");
      assert.equal(r.status, 429);
      assert.equal(errorCode(r), "TRUCE_E_RATE_LIMITED");
    } finally {
      await limited.close();
    }
  });
});
