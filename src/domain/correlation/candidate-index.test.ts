// Tests of the blocking index: date windows by precision, and place by admin1, distance or country.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Report } from "../records/report.js";
import { InMemoryCandidateIndex } from "./candidate-index.js";
import { featuresOf } from "./features.js";
import { IncidentState } from "./incident-state.js";
import { report } from "./test-reports.js";

function indexWith(...reports: Report[]): InMemoryCandidateIndex {
  const index = new InMemoryCandidateIndex();
  reports.forEach((r, i) => {
    const inc = new IncidentState(`i${i}`);
    inc.add(featuresOf(r));
    index.add(inc);
  });
  return index;
}

const ids = (index: InMemoryCandidateIndex, r: Report): string[] =>
  index
    .candidates(featuresOf(r))
    .map((i) => i.id)
    .sort();

describe("InMemoryCandidateIndex", () => {
  it("day precision looks ±1 day, week ±7, month ±31", () => {
    const index = indexWith(report({ date: "2017-01-10" }));
    assert.deepEqual(ids(index, report({ date: "2017-01-11" })), ["i0"]);
    assert.deepEqual(ids(index, report({ date: "2017-01-12" })), []);
    assert.deepEqual(ids(index, report({ date: "2017-01-16", datePrecision: 2 })), ["i0"]);
    assert.deepEqual(ids(index, report({ date: "2017-01-18", datePrecision: 2 })), []);
    assert.deepEqual(ids(index, report({ date: "2017-02-09", datePrecision: 3 })), ["i0"]);
    assert.deepEqual(ids(index, report({ date: "2017-02-12", datePrecision: 3 })), []);
  });

  it("a month-precise incident is found by a day-precise report within its month window", () => {
    const index = indexWith(report({ date: "2017-01-15", datePrecision: 3 }));
    assert.deepEqual(ids(index, report({ date: "2017-02-10" })), ["i0"]);
  });

  it("blocks by admin1, but finds a nearby incident across an admin1 border by coordinates", () => {
    const index = indexWith(report({ admin1: "SY-ID", lat: 35.86, lon: 36.8 }));
    assert.deepEqual(ids(index, report({ admin1: "SY-DR", lat: 32.62, lon: 36.1 })), []);
    assert.deepEqual(ids(index, report({ admin1: "SY-HL", lat: 35.9, lon: 36.85, geoPrecision: 2 })), ["i0"]);
    // Province-level reports do not search by distance.
    assert.deepEqual(ids(index, report({ admin1: "SY-HL", lat: 35.9, lon: 36.85, geoPrecision: 3 })), []);
  });

  it("a report without admin1 searches the whole country; an incident without admin1 is found from any", () => {
    const index = indexWith(
      report({ admin1: "SY-DR", lat: 32.62, lon: 36.1 }),
      report({ admin1: null, lat: null, lon: null, geoPrecision: 3 }),
    );
    assert.deepEqual(ids(index, report({ admin1: null, lat: null, lon: null, geoPrecision: 3 })), [
      "i0",
      "i1",
    ]);
    assert.deepEqual(ids(index, report({ admin1: "SY-ID" })), ["i1"]);
  });

  it("update moves an incident to its new buckets and remove forgets it", () => {
    const index = new InMemoryCandidateIndex();
    const inc = new IncidentState("i");
    inc.add(featuresOf(report({ date: "2017-01-15", datePrecision: 3 })));
    index.add(inc);
    inc.add(featuresOf(report({ date: "2017-01-02" })));
    index.update(inc);
    assert.deepEqual(ids(index, report({ date: "2017-01-03" })), ["i"]);
    assert.deepEqual(ids(index, report({ date: "2017-02-10" })), []);
    index.remove(inc);
    assert.equal(index.size, 0);
    assert.deepEqual(ids(index, report({ date: "2017-01-03" })), []);
  });
});
