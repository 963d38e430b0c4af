// The incident's grade weighs each source by who it is under the agreement in force where it happened.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { loadShippedAgreements } from "../../src/adapters/data/load-context.js";
import { summariseIncident } from "../../src/application/summarise-incident.js";
import { freshStanding } from "../../src/domain/records/incident.js";
import { report } from "../store/fixtures.js";

const NOW = "2017-04-01T00:00:00.000Z";
const agreements = loadShippedAgreements();
const gradeOf = (...reports: ReturnType<typeof report>[]) =>
  summariseIncident("i1", reports, agreements, freshStanding, NOW).grade;

describe("summariseIncident grades by the agreement's parties and guarantors", () => {
  it("grades a party's lone complaint as a single source, not as an unknown one", () => {
    const complaint = report("d1", { source: "SY-OPP", kind: "complaint", target: "CIV" });
    assert.equal(gradeOf(complaint), "single_source");
  });

  it("does not let a guarantor that is also a party confirm by its own observation", () => {
    // Under the ceasefire of 30 December 2016 Russia guarantees it and is a party to it.
    const russian = report("d1", { source: "RU", kind: "observation", perpetrator: "SY-OPP" });
    assert.notEqual(gradeOf(russian), "confirmed");
  });

  it("lets a monitor that is no party confirm what it observed", () => {
    const un = report("d1", { source: "UN", kind: "observation" });
    assert.equal(gradeOf(un), "confirmed");
  });

  it("does not count two complaints of one party as corroboration", () => {
    const first = report("d1", { source: "SY-OPP", kind: "complaint", copyGroup: "a" });
    const second = report("d2", { source: "SY-OPP", kind: "complaint", copyGroup: "b" });
    assert.equal(gradeOf(first, second), "single_source");
  });
});
