// The dates-only test for reports placed only to the country must offer exactly what the blocking index offers:
// a store narrows candidates with it, so an incident it wrongly left out could never be joined.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { Report } from "../records/report.js";
import { InMemoryCandidateIndex } from "./candidate-index.js";
import { anchorOf, countryCandidate } from "./country-candidates.js";
import { featuresOf } from "./features.js";
import { IncidentState } from "./incident-state.js";
import { report } from "./test-reports.js";

const day = (offset: number): string => new Date(Date.UTC(2017, 5, 1) + offset * 86_400_000).toISOString();

const reportArb: fc.Arbitrary<Row> = fc.record({
  offset: fc.integer({ min: -80, max: 80 }),
  precision: fc.constantFrom<1 | 2 | 3 | null>(1, 2, 3, null),
  dated: fc.boolean(),
  country: fc.constantFrom("SY", "SY", "SY", "IQ"),
  admin1: fc.constantFrom<string | null>("SY-ID", "SY-AL", null),
});

interface Row {
  readonly offset: number;
  readonly precision: 1 | 2 | 3 | null;
  readonly dated: boolean;
  readonly country: string;
  readonly admin1: string | null;
}

function reportOf(r: Row): Report {
  return report({
    date: r.dated ? day(r.offset).slice(0, 10) : null,
    datePrecision: r.dated ? r.precision : null,
    createdAt: day(r.offset + 3),
    country: r.country,
    admin1: r.country === "SY" ? r.admin1 : null,
  });
}

describe("countryCandidate", () => {
  it("offers a report without an admin1 exactly the incidents the blocking index offers it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(reportArb, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        reportArb,
        (incidents, probe) => {
          const index = new InMemoryCandidateIndex();
          const members = incidents.map((reports) => reports.map(reportOf));
          members.forEach((reports, k) => {
            const state = new IncidentState(`i${k}`);
            for (const r of reports) state.add(featuresOf(r));
            index.add(state);
          });
          const fresh = reportOf({ ...probe, admin1: null });
          const offered = index
            .candidates(featuresOf(fresh))
            .map((s) => s.id)
            .sort();
          const kept = members
            .map((reports, k) => ({ id: `i${k}`, reports }))
            .filter((i) => countryCandidate(fresh, i.reports))
            .map((i) => i.id)
            .sort();
          assert.deepEqual(kept, offered);
        },
      ),
      { seed: 20261128, numRuns: 400 },
    );
  });

  it("anchors an incident where IncidentState does: the lower median day of its best-dated reports", () => {
    fc.assert(
      fc.property(fc.array(reportArb, { minLength: 1, maxLength: 7 }), (rows) => {
        const reports = rows.map(reportOf);
        const state = new IncidentState("i");
        for (const r of reports) state.add(featuresOf(r));
        assert.deepEqual(anchorOf(reports), { day: state.anchorDay, precision: state.anchorPrecision });
      }),
      { seed: 7, numRuns: 400 },
    );
  });

  it("leaves out an incident of another country and one whose days lie outside both windows", () => {
    const fresh = report({ admin1: null, date: "2017-06-10" });
    assert.equal(countryCandidate(fresh, [report({ date: "2017-06-11" })]), true);
    assert.equal(countryCandidate(fresh, [report({ date: "2017-06-12" })]), false);
    assert.equal(
      countryCandidate(fresh, [report({ date: "2017-06-11", country: "IQ", admin1: null })]),
      false,
    );
    // A month-precise incident is offered within its month window, even when a day-precise report asks.
    assert.equal(countryCandidate(fresh, [report({ date: "2017-07-08", datePrecision: 3 })]), true);
    assert.equal(countryCandidate(fresh, [report({ date: "2017-07-12", datePrecision: 3 })]), false);
    assert.equal(countryCandidate(fresh, []), false);
  });
});
