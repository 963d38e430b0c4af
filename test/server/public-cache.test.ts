// The public's answers kept over HTTP: a second read is answered from memory, a decision (here a verdict and the
// publication it brings) is seen by the very next public read, and signed-in readers are never answered from it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DAY_MS, fileComplaint, type Harness, judge, places, startHarness } from "./harness.js";

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

const ids = (r: { json: { items: { id: string }[] } }) => r.json.items.map((i) => i.id);

test("the public's second read is kept; the next decision makes the next read fresh", async () => {
  const first = await h.request("public", "GET", "/api/incidents?limit=100");
  assert.equal(first.status, 200);
  assert.equal(first.headers.get("x-cache"), "miss");
  const again = await h.request("public", "GET", "/api/incidents?limit=100");
  assert.equal(again.headers.get("x-cache"), "hit");
  assert.equal(again.text, first.text);
  assert.match(again.headers.get("content-type") ?? "", /^application\/json/);
  assert.ok(
    again.headers.get("content-security-policy") !== null,
    "the security headers are sent on a hit too",
  );

  const filed = await fileComplaint(h, "opp", { at: places.hama, accused: "SY-GOV", date: "2017-03-01" });
  await judge(h, filed.incidentId, "SY-GOV");
  h.advance(2 * DAY_MS);
  await h.server.context.afterVerdict();

  const fresh = await h.request("public", "GET", "/api/incidents?limit=100");
  assert.equal(fresh.headers.get("x-cache"), "miss");
  assert.ok(ids(fresh).includes(filed.incidentId), "the published incident is in the public's list at once");
  assert.ok(!ids(first).includes(filed.incidentId));
  const one = await h.request("public", "GET", `/api/incidents/${filed.incidentId}`);
  assert.equal(one.status, 200);
});

test("signed-in readers and refused answers are never served from the public's answers", async () => {
  await h.request("public", "GET", "/api/map");
  const mine = await h.request("opp", "GET", "/api/map");
  assert.equal(mine.status, 200);
  assert.equal(mine.headers.get("x-cache"), null);
  const missing = "/api/incidents/no-such-incident";
  assert.equal((await h.request("public", "GET", missing)).status, 404);
  const again = await h.request("public", "GET", missing);
  assert.equal(again.status, 404);
  assert.equal(again.headers.get("x-cache"), null);
});
