// The publication rule: which incidents are due under the agreement's policy, the verdict in force and the clock.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  inTerritory,
  isPublicationDue,
  type PublicationCandidate,
  type PublicationPolicy,
  publicationDueAt,
} from "./due.js";

const policy = (over: Partial<PublicationPolicy> = {}): PublicationPolicy => ({
  publish: "verified",
  audience: "public",
  delay: "P1D",
  bulletins: [],
  nameParties: true,
  ...over,
});

const candidate = (over: Partial<PublicationCandidate> = {}): PublicationCandidate => ({
  incident: { status: "decided", publishedAt: null },
  latestVerdict: { outcome: "violation", at: "2017-01-05T12:00:00.000Z" },
  firstRecordedAt: "2017-01-02T08:00:00.000Z",
  ...over,
});

describe("publicationDueAt", () => {
  it("verified: the verdict's time plus the delay", () => {
    assert.equal(publicationDueAt(policy(), candidate()), "2017-01-06T12:00:00.000Z");
    assert.equal(publicationDueAt(policy({ delay: "PT0S" }), candidate()), "2017-01-05T12:00:00.000Z");
    assert.equal(publicationDueAt(policy({ delay: "P1M" }), candidate()), "2017-02-05T12:00:00.000Z");
  });

  it("verified: a finding of no violation is published too; an undecided verdict or none is not", () => {
    const noViolation = candidate({
      latestVerdict: { outcome: "no_violation", at: "2017-01-05T12:00:00.000Z" },
    });
    assert.equal(publicationDueAt(policy(), noViolation), "2017-01-06T12:00:00.000Z");
    const undecided = candidate({ latestVerdict: { outcome: "undecided", at: "2017-01-05T12:00:00.000Z" } });
    assert.equal(publicationDueAt(policy(), undecided), null);
    assert.equal(publicationDueAt(policy(), candidate({ latestVerdict: null })), null);
  });

  it("all: from when the incident was first recorded, verdict or not", () => {
    const open = candidate({ incident: { status: "open", publishedAt: null }, latestVerdict: null });
    assert.equal(publicationDueAt(policy({ publish: "all" }), open), "2017-01-03T08:00:00.000Z");
    assert.equal(publicationDueAt(policy({ publish: "all" }), { ...open, firstRecordedAt: null }), null);
  });

  it("none: never", () => {
    assert.equal(publicationDueAt(policy({ publish: "none" }), candidate()), null);
  });

  it("an incident already published is never due again", () => {
    const published = candidate({
      incident: { status: "published", publishedAt: "2017-01-06T12:00:00.000Z" },
    });
    assert.equal(publicationDueAt(policy(), published), null);
    assert.equal(publicationDueAt(policy({ publish: "all" }), published), null);
  });
});

describe("isPublicationDue", () => {
  it("due exactly when the delay has passed, not a millisecond before", () => {
    assert.equal(isPublicationDue(policy(), candidate(), "2017-01-06T11:59:59.999Z"), false);
    assert.equal(isPublicationDue(policy(), candidate(), "2017-01-06T12:00:00.000Z"), true);
    assert.equal(isPublicationDue(policy(), candidate(), "2017-03-01T00:00:00.000Z"), true);
  });
});

describe("inTerritory", () => {
  const syria = { territory: { countries: ["SY"] } };
  const donbas = { territory: { countries: ["UA"], admin1: ["UA-14", "UA-09"] } };
  it("by country, and by admin1 when the territory names some", () => {
    assert.equal(inTerritory(syria, { country: "SY", admin1: "SY-ID" }), true);
    assert.equal(inTerritory(syria, { country: "SY", admin1: null }), true);
    assert.equal(inTerritory(syria, { country: "UA", admin1: "UA-14" }), false);
    assert.equal(inTerritory(donbas, { country: "UA", admin1: "UA-14" }), true);
    assert.equal(inTerritory(donbas, { country: "UA", admin1: "UA-30" }), false);
    assert.equal(inTerritory(donbas, { country: "UA", admin1: null }), false);
  });
  it("a country listed without admin1 of its own lies in it whole, beside one that is narrowed", () => {
    const mixed = { territory: { countries: ["UA", "MD"], admin1: ["UA-14"] } };
    assert.equal(inTerritory(mixed, { country: "MD", admin1: "MD-BD" }), true);
    assert.equal(inTerritory(mixed, { country: "MD", admin1: null }), true);
    assert.equal(inTerritory(mixed, { country: "UA", admin1: "UA-14" }), true);
    assert.equal(inTerritory(mixed, { country: "UA", admin1: "UA-30" }), false);
    assert.equal(inTerritory(mixed, { country: "UA", admin1: null }), false);
  });
});
