// Hostile input over real HTTP, with fast-check (fixed seed): random query strings, JSON bodies of any shape,
// XSS payloads in every text field, invalid JSON and oversized bodies never get a 5xx nor stop the server, and a
// stored payload comes back as inert JSON text (and escaped in the HTML bulletin).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import fc from "fast-check";
import { operationIds, policy } from "../../src/domain/access/policy.js";
import { type Actor, complaintBody, type Harness, judge, places, startHarness } from "./harness.js";

const SEED = 20261128;
const RUNS = 60;

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => h.close());

const xss = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "<svg/onload=alert(1)>",
  "{{constructor.constructor('alert(1)')()}}",
  "'; DROP TABLE incidents; --",
  "\u0000\u202e\ud83d\ude00",
  "__proto__",
];

const hostileText = fc.oneof(
  fc.constantFrom(...xss),
  fc.string({ maxLength: 300 }),
  fc.string({ maxLength: 60, unit: "binary" }),
);

/** Any JSON value, including the hostile strings, prototype keys and deep nesting. */
const anyJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileText,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(
        fc.constantFrom("__proto__", "constructor", "from", "position", "text"),
        fc.string({ maxLength: 10 }),
      ),
      tie("value"),
      { maxKeys: 6 },
    ),
  ),
})).value;

const actors: Actor[] = ["admin", "ru", "gov", "observer", "public"];

/** A path of the table with its parameters filled with random (often hostile) text. */
const anyPath = fc
  .tuple(fc.constantFrom(...operationIds), fc.array(hostileText, { minLength: 3, maxLength: 3 }))
  .map(([id, values]) => {
    let i = 0;
    const path = policy[id].path.replace(/:[A-Za-z]+/g, () => encodeURIComponent(values[i++] ?? "x") || "x");
    return { method: policy[id].method, path };
  });

const anyQuery = fc
  .array(
    fc.tuple(
      fc.constantFrom(
        "limit",
        "after",
        "from",
        "to",
        "admin1",
        "party",
        "eventType",
        "status",
        "grade",
        "sort",
        "order",
        "bbox",
        "format",
        "incident",
        "granularity",
        "guarantor",
        "complainant",
        "__proto__",
      ),
      hostileText,
    ),
    { maxLength: 6 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());

test("random requests to every operation: never a 5xx, always the error shape", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...actors),
      anyPath,
      anyQuery,
      anyJson,
      async (actor, { method, path }, query, body) => {
        const r = await h.request(actor, method, `${path}?${query}`, method === "GET" ? undefined : body);
        assert.ok(
          r.status < 500,
          `${method} ${path}?${query} as ${actor} → ${r.status} ${r.text.slice(0, 300)}`,
        );
        if (r.status >= 400) assert.match(r.json?.error?.code ?? "", /^TRUCE_E_[A-Z_]+$/);
      },
    ),
    { seed: SEED, numRuns: RUNS * 3 },
  );
});

test("invalid JSON and oversized bodies are 4xx, and the server keeps answering", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...operationIds.filter((id) => policy[id].method !== "GET")),
      fc.oneof(
        fc.string({ maxLength: 200 }),
        fc.constantFrom("{", "[1,", '{"a":}', "\u0000", "null", '"just a string"'),
      ),
      async (id, raw) => {
        const path = policy[id].path.replace(/:[A-Za-z]+/g, "x");
        const r = await h.request("admin", policy[id].method, path, raw, {
          "content-type": "application/json",
        });
        assert.ok(
          r.status >= 400 && r.status < 500,
          `${id} with ${JSON.stringify(raw)} → ${r.status} ${r.text.slice(0, 200)}`,
        );
      },
    ),
    { seed: SEED, numRuns: RUNS },
  );
  const big = await h.request("admin", "POST", "/api/documents", { body: "x".repeat(12 * 1024 * 1024) });
  assert.equal(big.status, 413);
  assert.equal((await h.request("public", "GET", "/api/agreement")).status, 200);
});

test("XSS payloads in every text field of a complaint are refused or stored as inert text", async () => {
  let stored = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        narrative: fc.constantFrom(...xss).map((x) => `Shelling reported ${x}`),
        witness: fc.constantFrom(...xss),
        target: fc.constantFrom("CIV", ...xss),
        place: fc.constantFrom(...xss),
        eventType: fc.constantFrom(...xss),
      }),
      fc.boolean(),
      async (payload, withPoint) => {
        const base = complaintBody({ at: places.aleppo, accused: "SY-OPP", date: "2017-08-01" });
        const body = withPoint
          ? { ...base, ...payload, place: undefined, eventType: undefined }
          : { ...base, ...payload, lat: undefined, lon: undefined };
        const r = await h.request("gov", "POST", "/api/complaints", body);
        assert.ok(
          r.status === 201 || (r.status >= 400 && r.status < 500),
          `${r.status} ${r.text.slice(0, 200)}`,
        );
        if (r.status !== 201) return;
        stored++;
        const view = await h.request("gov", "GET", `/api/incidents/${r.json.incidentId}`);
        assert.equal(view.status, 200);
        assert.match(view.headers.get("content-type") ?? "", /^application\/json/);
        // The payload comes back as the same text, inside JSON: no markup the browser would run.
        assert.ok(JSON.stringify(view.json).includes(JSON.stringify(payload.narrative).slice(1, -1)));
      },
    ),
    { seed: SEED, numRuns: 12 },
  );
  assert.ok(stored > 0, "some hostile complaints were stored and read back");
});

test("a stored XSS payload is escaped in the HTML bulletin", async () => {
  const payload = '<script>alert("x")</script><img src=x onerror=alert(1)>';
  const ingested = await h.request("admin", "POST", "/api/documents", {
    body: `Government forces shelled Douma on Monday, killing four civilians, activists said. ${payload}`,
    contentType: "text/plain",
    source: payload,
    title: payload,
    published: "2017-09-05",
  });
  assert.equal(ingested.status, 201);
  const filed = await h.request("opp", "POST", "/api/complaints", {
    ...complaintBody({
      at: places.douma,
      accused: "SY-GOV",
      date: "2017-09-04",
      narrative: `Shelling ${payload}`,
    }),
  });
  assert.equal(filed.status, 201);
  await judge(h, filed.json.incidentId, "SY-GOV");
  h.advance(2 * 86_400_000);
  await h.server.context.afterVerdict();
  const html = await h.request("public", "GET", "/api/bulletins/daily/2017-09-04");
  assert.equal(html.status, 200);
  assert.doesNotMatch(html.text, /<script|<img|onerror=/i);
  const incidents = await h.request("public", "GET", `/api/incidents/${filed.json.incidentId}`);
  assert.equal(incidents.status, 200);
  assert.ok(
    incidents.text.includes("\\u003cscript") || incidents.text.includes("<script>alert"),
    "JSON carries it as text",
  );
  assert.match(incidents.headers.get("content-type") ?? "", /^application\/json/);
});
