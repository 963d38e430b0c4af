// The zone filter over HTTP: a zone of the agreement stands for the first-level units it names, on the incident
// list, the map and the dashboard; with admin1 both must hold; a zone the agreement lacks is a 400 naming it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { fileComplaint, type Harness, places, startHarness } from "./harness.js";

let h: Harness;
const incident: Record<string, string> = {};
before(async () => {
  h = await startHarness();
  // Idlib, Hama and Aleppo lie in the Idlib de-escalation zone's units; Daraa in the south-west's; Douma in neither.
  for (const [name, at] of Object.entries(places)) {
    incident[name] = (
      await fileComplaint(h, "opp", { at, accused: "SY-GOV", date: "2017-08-01" })
    ).incidentId;
  }
});
after(async () => {
  await h.close();
});

const listed = async (query: string): Promise<string[]> => {
  const r = await h.request("admin", "GET", `/api/incidents?limit=100&${query}`);
  assert.equal(r.status, 200, r.text);
  return (r.json.items as { id: string }[]).map((i) => i.id).sort();
};
const ids = (...names: (keyof typeof places)[]) => names.map((n) => incident[n] as string).sort();

test("a zone lists the incidents in the units it names", async () => {
  assert.deepEqual(await listed("zone=idlib"), ids("idlib", "hama", "aleppo"));
  assert.deepEqual(await listed("zone=southwest"), ids("daraa"));
  assert.deepEqual(await listed("zone=southwest,idlib"), ids("idlib", "hama", "aleppo", "daraa"));
});

test("with admin1, both hold", async () => {
  assert.deepEqual(await listed("zone=idlib&admin1=SY-HM,SY-DR"), ids("hama"));
  assert.deepEqual(await listed("zone=southwest&admin1=SY-ID"), []);
});

test("the map and the dashboard take the zone too", async () => {
  const map = await h.request("admin", "GET", "/api/map?zone=southwest");
  assert.equal(map.status, 200, map.text);
  assert.deepEqual(
    (map.json.points as { id: string }[]).map((p) => p.id),
    ids("daraa"),
  );
  const stats = await h.request("admin", "GET", "/api/stats?zone=southwest&from=2017-07-01&to=2017-08-31");
  assert.equal(stats.status, 200, stats.text);
});

test("a zone the agreement does not have is refused, naming the zones it has", async () => {
  const r = await h.request("public", "GET", "/api/incidents?zone=atlantis");
  assert.equal(r.status, 400);
  assert.equal(r.json.error.code, "TRUCE_E_INVALID_INPUT");
  assert.match(r.json.error.message, /no zone "atlantis".*idlib/);
  const bad = await h.request("public", "GET", "/api/incidents?zone=Not%20An%20Id");
  assert.equal(bad.status, 400);
});
