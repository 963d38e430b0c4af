// Tests of the synthetic generator: reproducible, aligned truth, and the noise it promises.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { normalisePlaceName } from "../domain/places/transliterate.js";
import { generate } from "./generate.js";
import { Rng } from "./prng.js";

describe("Rng", () => {
  it("is deterministic per seed and stays in [0, 1)", () => {
    const a = new Rng(1);
    const b = new Rng(1);
    const xs = Array.from({ length: 1000 }, () => a.next());
    assert.deepEqual(
      xs,
      Array.from({ length: 1000 }, () => b.next()),
    );
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assert.notDeepEqual(
      xs.slice(0, 5),
      Array.from({ length: 5 }, () => new Rng(2).next()),
    );
  });
});

describe("generate", () => {
  const data = generate({ incidents: 2000, seed: 11 });

  it("is reproducible and aligns every report with its true incident", () => {
    const again = generate({ incidents: 2000, seed: 11 });
    assert.deepEqual(again.reports.slice(0, 50), data.reports.slice(0, 50));
    assert.equal(data.truth.length, data.reports.length);
    const ids = new Set(data.incidents.map((i) => i.id));
    assert.ok(data.truth.every((t) => ids.has(t)));
    assert.equal(new Set(data.reports.map((r) => r.id)).size, data.reports.length);
  });

  it("makes 1–6 reports per incident, in arrival order", () => {
    const counts = new Map<string, number>();
    for (const t of data.truth) counts.set(t, (counts.get(t) ?? 0) + 1);
    assert.ok([...counts.values()].every((n) => n >= 1 && n <= 6));
    const mean = data.reports.length / counts.size;
    assert.ok(mean > 2 && mean < 3.2, `mean ${mean}`);
    for (let i = 1; i < data.reports.length; i++) {
      assert.ok((data.reports[i - 1]?.createdAt ?? "") <= (data.reports[i]?.createdAt ?? ""));
    }
  });

  it("has the noise it promises: spellings, precisions, blame, tolls, copies, distractors", () => {
    const byId = new Map(data.incidents.map((i) => [i.id, i]));
    let variant = 0;
    let otherPerp = 0;
    let otherToll = 0;
    let copies = 0;
    const geo = [0, 0, 0, 0];
    const time = [0, 0, 0, 0];
    data.reports.forEach((r, i) => {
      const t = byId.get(data.truth[i] as string);
      assert.ok(t);
      if (r.geoPrecision === 1 && r.location !== t.location && normalisePlaceName(r.location) !== "")
        variant++;
      if (r.perpetrator !== null && r.perpetrator !== t.perpetrator) otherPerp++;
      if (r.killed !== null && r.killed !== t.killed) otherToll++;
      if (r.copyGroup !== r.id) copies++;
      geo[r.geoPrecision] = (geo[r.geoPrecision] ?? 0) + 1;
      time[r.datePrecision ?? 0] = (time[r.datePrecision ?? 0] ?? 0) + 1;
    });
    const n = data.reports.length;
    assert.ok(variant / n > 0.2, "spelling variants");
    assert.ok(otherPerp / n > 0.03, "sources blaming the other side");
    assert.ok(otherToll / n > 0.2, "disagreeing tolls");
    assert.ok(copies / n > 0.05, "wire copies");
    assert.ok((geo[3] ?? 0) / n > 0.05 && (geo[2] ?? 0) / n > 0.05, "vaguer places");
    assert.ok((time[2] ?? 0) / n > 0.05 && (time[3] ?? 0) / n > 0.02, "vaguer dates");
    assert.ok(
      data.incidents.filter((i) => i.distractorOf !== null).length / data.incidents.length > 0.1,
      "distractors",
    );
  });

  it("uses real gazetteer places with admin1 and coordinates", () => {
    for (const t of data.incidents.slice(0, 100)) {
      assert.match(t.admin1, /^SY-[A-Z]{2}$/);
      assert.ok(t.lat > 32 && t.lat < 37.5 && t.lon > 35.5 && t.lon < 42.5);
    }
  });
});
