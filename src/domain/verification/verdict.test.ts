// Tests of the verdict lifecycle: new verdicts only on change, superseding without editing, reply deadlines.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { TruceError } from "../../errors.js";
import { type Agreement, parseAgreement } from "../agreement/schema.js";
import type { Verdict } from "../records/verification.js";
import type { Decision } from "./decide.js";
import { assertCanReply, canReply, nextVerdict } from "./verdict.js";

const load = (file: string): Agreement =>
  parseAgreement(
    parse(readFileSync(new URL(`../../../data/agreements/${file}`, import.meta.url), "utf8")),
    file,
  );
const syria = load("syria-2016.yaml");
const minsk = load("minsk-2015.yaml");

const decision = (over: Partial<Decision>): Decision => ({
  incidentId: "inc-1",
  outcome: "violation",
  attributedParty: "SY-OPP",
  rule: "unanimity",
  counted: ["p1", "p2", "p3"],
  missing: [],
  reason: "test",
  ...over,
});
const t0 = new Date("2017-01-24T12:00:00Z");
const t1 = new Date("2017-01-26T09:00:00Z");

const first = (): Verdict => {
  const v = nextVerdict(null, decision({}), t0, syria);
  assert.ok(v !== null);
  return v;
};

describe("nextVerdict", () => {
  it("records the first decided outcome, with the reply deadline of the agreement (Syria: P7D)", () => {
    const v = first();
    assert.equal(v.incidentId, "inc-1");
    assert.equal(v.outcome, "violation");
    assert.equal(v.attributedParty, "SY-OPP");
    assert.equal(v.supersedes, null);
    assert.equal(v.at, "2017-01-24T12:00:00.000Z");
    assert.equal(v.replyBy, "2017-01-31T12:00:00.000Z");
    assert.deepEqual(v.positionIds, ["p1", "p2", "p3"]);
  });

  it("uses the agreement's deadline (Minsk: P3D)", () => {
    const v = nextVerdict(null, decision({ attributedParty: "UA-SEP", rule: "single" }), t0, minsk);
    assert.equal(v?.replyBy, "2017-01-27T12:00:00.000Z");
  });

  it("records nothing while the first decision is undecided", () => {
    assert.equal(
      nextVerdict(null, decision({ outcome: "undecided", attributedParty: null }), t0, syria),
      null,
    );
  });

  it("records nothing when outcome and party are unchanged, even with other positions counted", () => {
    assert.equal(nextVerdict(first(), decision({ counted: ["p1", "p2", "p4"] }), t1, syria), null);
  });

  it("a changed party supersedes the earlier verdict, which is left unchanged", () => {
    const earlier = Object.freeze(first());
    const snapshot = structuredClone(earlier);
    const later = nextVerdict(
      earlier,
      decision({ attributedParty: "SY-GOV", counted: ["p1", "p5", "p3"] }),
      t1,
      syria,
    );
    assert.ok(later !== null);
    assert.equal(later.supersedes, earlier.id);
    assert.notEqual(later.id, earlier.id);
    assert.equal(later.attributedParty, "SY-GOV");
    assert.equal(later.replyBy, "2017-02-02T09:00:00.000Z");
    assert.deepEqual(earlier, snapshot);
  });

  it("falling back to undecided is a new verdict, with no one to reply", () => {
    const later = nextVerdict(first(), decision({ outcome: "undecided", attributedParty: null }), t1, syria);
    assert.equal(later?.outcome, "undecided");
    assert.equal(later?.replyBy, null);
  });

  it("no violation has no reply deadline", () => {
    assert.equal(
      nextVerdict(null, decision({ outcome: "no_violation", attributedParty: null }), t0, syria)?.replyBy,
      null,
    );
  });

  it("derives the same id from the same content, and takes a given id", () => {
    assert.equal(first().id, first().id);
    assert.equal(nextVerdict(null, decision({}), t0, syria, { id: "v-42" })?.id, "v-42");
  });

  it("refuses to supersede a verdict on another incident, or one recorded later", () => {
    assert.throws(
      () => nextVerdict(first(), decision({ incidentId: "inc-2", outcome: "no_violation" }), t1, syria),
      RangeError,
    );
    assert.throws(
      () => nextVerdict(first(), decision({ outcome: "no_violation" }), new Date("2017-01-01"), syria),
      RangeError,
    );
  });
});

describe("canReply", () => {
  it("the attributed party may reply before the deadline", () => {
    const check = canReply(first(), "SY-OPP", t1);
    assert.equal(check.allowed, true);
    assert.doesNotThrow(() => assertCanReply(first(), "SY-OPP", t1));
  });

  it("refuses a late reply", () => {
    const late = new Date("2017-01-31T12:00:00Z");
    const check = canReply(first(), "SY-OPP", late);
    assert.equal(check.allowed, false);
    assert.ok(!check.allowed && check.why === "deadline_passed");
    assert.match(check.reason, /passed at 2017-01-31T12:00:00.000Z/);
    assert.throws(
      () => assertCanReply(first(), "SY-OPP", late),
      (error: unknown) => error instanceof TruceError && error.code === "TRUCE_E_REPLY_REFUSED",
    );
  });

  it("refuses any party but the attributed one", () => {
    const check = canReply(first(), "SY-GOV", t1);
    assert.ok(!check.allowed && check.why === "not_the_accused");
  });

  it("refuses a reply to a verdict that attributes no violation", () => {
    const v = nextVerdict(null, decision({ outcome: "no_violation", attributedParty: null }), t0, syria);
    assert.ok(v !== null);
    const check = canReply(v, "SY-OPP", t1);
    assert.ok(!check.allowed && check.why === "nothing_to_answer");
  });
});
