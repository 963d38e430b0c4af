// Tests of source reliability: the default table by role, parties outranking monitor status, and configuration.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { mainRegime, parseAgreement } from "../agreement/schema.js";
import { assessSource, reliabilityOptionsFor, sourceRole } from "./reliability.js";

const syria = parseAgreement(
  parse(readFileSync(new URL("../../../data/agreements/syria-2016.yaml", import.meta.url), "utf8")),
  "syria-2016.yaml",
);
const options = reliabilityOptionsFor(syria, mainRegime(syria));

describe("source reliability", () => {
  it("grades a non-party monitor's observation A", () => {
    const a = assessSource({ source: "UN", kind: "observation" }, options);
    assert.deepEqual([a.role, a.reliability], ["monitor", "A"]);
  });

  it("grades a party's complaint D (interested), even when the party is also a guarantor", () => {
    assert.equal(assessSource({ source: "SY-OPP", kind: "complaint" }, options).reliability, "D");
    const russia = assessSource({ source: "RU", kind: "observation" }, options);
    assert.deepEqual([russia.role, russia.reliability], ["party", "D"]);
  });

  it("grades a guarantor that is not a party B, the press C and an unknown source F", () => {
    const minskLike = { parties: ["UA-GOV", "UA-SEP"], guarantors: ["DE", "FR"], monitors: ["OSCE-SMM"] };
    assert.equal(assessSource({ source: "DE", kind: "complaint" }, minskLike).reliability, "B");
    assert.equal(assessSource({ source: "Reuters", kind: "press" }, minskLike).reliability, "C");
    assert.equal(assessSource({ source: "someone", kind: "complaint" }, minskLike).reliability, "F");
  });

  it("does not take an observation by a source outside the monitors as a monitor's", () => {
    assert.equal(sourceRole({ source: "blogger", kind: "observation" }, options), "unknown");
    assert.equal(sourceRole({ source: "blogger", kind: "observation" }, {}), "monitor");
  });

  it("lets configuration override a source and a role's default", () => {
    const configured = reliabilityOptionsFor(syria, mainRegime(syria), {
      overrides: { "Some Agency": "E" },
      defaults: { press: "B" },
    });
    const agency = assessSource({ source: "Some Agency", kind: "press" }, configured);
    assert.equal(agency.reliability, "E");
    assert.match(agency.reason, /configured/);
    assert.equal(assessSource({ source: "Reuters", kind: "press" }, configured).reliability, "B");
  });
});
