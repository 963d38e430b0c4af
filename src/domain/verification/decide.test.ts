// Tests of the decision rules on the shipped agreements: unanimity, majority, single monitor, quorum, refusals.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { TruceError } from "../../errors.js";
import { type Agreement, mainRegime, parseAgreement } from "../agreement/schema.js";
import type { Position, PositionKind } from "../records/verification.js";
import { decide } from "./decide.js";

const load = (file: string): Agreement =>
  parseAgreement(
    parse(readFileSync(new URL(`../../../data/agreements/${file}`, import.meta.url), "utf8")),
    file,
  );
const syria = load("syria-2016.yaml");
const minsk = load("minsk-2015.yaml");
const syriaRegime = mainRegime(syria);
const withRule = (rule: Agreement["verdicts"]["rule"]): Agreement => ({
  ...syria,
  verdicts: { ...syria.verdicts, rule },
});

let seq = 0;
const position = (guarantor: string, kind: PositionKind, party: string | null = null, day = 2): Position => {
  seq += 1;
  return {
    id: `p${seq}`,
    incidentId: "inc-1",
    guarantor,
    position: kind,
    party,
    rationale: "test",
    recordedBy: `${guarantor.toLowerCase()}-officer`,
    at: `2017-01-${String(day).padStart(2, "0")}T10:00:00Z`,
  };
};

describe("decide: unanimity (Syria 2016: RU, TR, IR)", () => {
  it("every voter finds a violation by the same party: violation by that party", () => {
    const d = decide(syria, syriaRegime, [
      position("RU", "violation", "SY-OPP"),
      position("TR", "violation", "SY-OPP"),
      position("IR", "violation", "SY-OPP"),
    ]);
    assert.equal(d.outcome, "violation");
    assert.equal(d.attributedParty, "SY-OPP");
    assert.equal(d.rule, "unanimity");
    assert.equal(d.counted.length, 3);
    assert.deepEqual(d.missing, []);
  });

  it("every voter finds no violation: no_violation", () => {
    const d = decide(
      syria,
      syriaRegime,
      ["RU", "TR", "IR"].map((g) => position(g, "no_violation")),
    );
    assert.equal(d.outcome, "no_violation");
    assert.equal(d.attributedParty, null);
  });

  it("one dissent: undecided, with the reason", () => {
    const d = decide(syria, syriaRegime, [
      position("RU", "violation", "SY-OPP"),
      position("TR", "violation", "SY-GOV"),
      position("IR", "violation", "SY-OPP"),
    ]);
    assert.equal(d.outcome, "undecided");
    assert.match(d.reason, /not unanimous/);
    assert.match(d.reason, /TR: violation by SY-GOV/);
  });

  it("undecided while a voter has not taken a position, naming who is missing", () => {
    const d = decide(syria, syriaRegime, [
      position("RU", "violation", "SY-OPP"),
      position("TR", "violation", "SY-OPP"),
    ]);
    assert.equal(d.outcome, "undecided");
    assert.deepEqual(d.missing, ["IR"]);
    assert.match(d.reason, /waiting for IR/);
  });

  it("counts only each voter's latest position", () => {
    const first = position("TR", "violation", "SY-GOV", 2);
    const changed = position("TR", "violation", "SY-OPP", 5);
    const d = decide(syria, syriaRegime, [
      changed,
      position("RU", "violation", "SY-OPP"),
      first,
      position("IR", "violation", "SY-OPP"),
    ]);
    assert.equal(d.outcome, "violation");
    assert.ok(d.counted.includes(changed.id));
    assert.ok(!d.counted.includes(first.id));
  });

  it("refuses a position by a non-voter with TRUCE_E_NOT_A_VOTER", () => {
    assert.throws(
      () =>
        decide(syria, syriaRegime, [position("RU", "no_violation"), position("US", "violation", "SY-GOV")]),
      (error: unknown) =>
        error instanceof TruceError &&
        error.code === "TRUCE_E_NOT_A_VOTER" &&
        /US is not a voter/.test(error.message),
    );
  });

  it("refuses a party named on a position that is not a violation, and positions on two incidents", () => {
    assert.throws(
      () => decide(syria, syriaRegime, [position("RU", "no_violation", "SY-OPP")]),
      (error: unknown) => error instanceof TruceError && error.code === "TRUCE_E_POSITION_INVALID",
    );
    assert.throws(
      () =>
        decide(syria, syriaRegime, [
          position("RU", "no_violation"),
          { ...position("TR", "no_violation"), incidentId: "inc-2" },
        ]),
      (error: unknown) => error instanceof TruceError && error.code === "TRUCE_E_POSITION_INVALID",
    );
  });

  it("with no positions at all, waits for every voter", () => {
    const d = decide(syria, syriaRegime, []);
    assert.equal(d.outcome, "undecided");
    assert.equal(d.incidentId, null);
    assert.deepEqual(d.missing, ["RU", "TR", "IR"]);
  });
});

describe("decide: majority", () => {
  const majority = withRule("majority");

  it("two of three find a violation by the same party and one abstains: violation", () => {
    const d = decide(majority, syriaRegime, [
      position("RU", "violation", "SY-OPP"),
      position("TR", "insufficient_evidence"),
      position("IR", "violation", "SY-OPP"),
    ]);
    assert.equal(d.outcome, "violation");
    assert.equal(d.attributedParty, "SY-OPP");
    assert.equal(d.rule, "majority");
  });

  it("decides before the last voter once a strict majority is reached", () => {
    const d = decide(majority, syriaRegime, [position("RU", "no_violation"), position("TR", "no_violation")]);
    assert.equal(d.outcome, "no_violation");
    assert.deepEqual(d.missing, ["IR"]);
  });

  it("an abstention counts against: of four voters, two for and one against is no majority", () => {
    const four: Agreement = {
      ...majority,
      verdicts: { ...majority.verdicts, voters: ["RU", "TR", "IR", "UN"] },
    };
    const d = decide(four, syriaRegime, [
      position("RU", "violation", "SY-GOV"),
      position("TR", "violation", "SY-GOV"),
      position("IR", "no_violation"),
      position("UN", "insufficient_evidence"),
    ]);
    assert.equal(d.outcome, "undecided");
    assert.match(d.reason, /no position has 3 of 4/);
  });

  it("a majority for a violation but not by the same party is undecided", () => {
    const d = decide(majority, syriaRegime, [
      position("RU", "violation", "SY-OPP"),
      position("TR", "violation", "SY-GOV"),
      position("IR", "no_violation"),
    ]);
    assert.equal(d.outcome, "undecided");
  });
});

describe("decide: single (Minsk II: the OSCE SMM decides)", () => {
  const regime = mainRegime(minsk);

  it("the monitor's position is the decision", () => {
    const d = decide(minsk, regime, [{ ...position("OSCE-SMM", "violation", "UA-SEP"), incidentId: "ua-1" }]);
    assert.equal(d.outcome, "violation");
    assert.equal(d.attributedParty, "UA-SEP");
    assert.equal(d.rule, "single");
    assert.equal(d.incidentId, "ua-1");
  });

  it("a violation by an unidentified party stays unattributed", () => {
    const d = decide(minsk, regime, [position("OSCE-SMM", "violation", null)]);
    assert.equal(d.outcome, "violation");
    assert.equal(d.attributedParty, null);
  });

  it("insufficient evidence is undecided, and the guarantors (DE, FR) do not vote", () => {
    assert.equal(decide(minsk, regime, [position("OSCE-SMM", "insufficient_evidence")]).outcome, "undecided");
    assert.throws(
      () => decide(minsk, regime, [position("DE", "no_violation")]),
      (error: unknown) => error instanceof TruceError && error.code === "TRUCE_E_NOT_A_VOTER",
    );
  });
});

describe("decide: quorum", () => {
  it("{quorum: 2} of three: two agreeing voters decide", () => {
    const d = decide(withRule({ quorum: 2 }), syriaRegime, [
      position("RU", "violation", "SY-GOV"),
      position("TR", "violation", "SY-GOV"),
    ]);
    assert.equal(d.outcome, "violation");
    assert.equal(d.rule, "quorum:2");
  });

  it("{quorum: 1} with opposite positions is undecided", () => {
    const d = decide(withRule({ quorum: 1 }), syriaRegime, [
      position("RU", "violation", "SY-GOV"),
      position("TR", "no_violation"),
    ]);
    assert.equal(d.outcome, "undecided");
    assert.match(d.reason, /opposite positions/);
  });

  it("a quorum larger than the regime's guarantors can never be reached", () => {
    const d = decide(withRule({ quorum: 4 }), syriaRegime, [position("RU", "no_violation")]);
    assert.equal(d.outcome, "undecided");
    assert.match(d.reason, /needs 4 voters/);
  });
});
