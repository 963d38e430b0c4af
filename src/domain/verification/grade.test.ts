// Tests of evidence grades: each rule, and the precedence between them.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type GradedReport, gradeIncident } from "./grade.js";
import type { ReliabilityOptions } from "./reliability.js";

const options: ReliabilityOptions = {
  parties: ["SY-GOV", "SY-OPP", "RU", "TR", "IR", "HEZBOLLAH"],
  guarantors: ["RU", "TR", "IR"],
  monitors: ["RU", "TR", "IR", "UN"],
};

let seq = 0;
/** A report with defaults: press, its own copy group, perpetrator SY-GOV, recorded at hour `h` of 2 Jan 2017. */
const report = (source: string, over: Partial<GradedReport> & { h?: number } = {}): GradedReport => {
  seq += 1;
  const { h = seq, ...rest } = over;
  return {
    id: `r${seq}`,
    source,
    copyGroup: `g-${source}-${seq}`,
    kind: "press",
    perpetrator: "SY-GOV",
    createdAt: `2017-01-02T${String(h).padStart(2, "0")}:00:00Z`,
    ...rest,
  };
};

const grade = (reports: GradedReport[]) => gradeIncident(reports, options);

describe("gradeIncident", () => {
  it("single_source: one press report", () => {
    const g = grade([report("Reuters")]);
    assert.equal(g.grade, "single_source");
    assert.equal(g.credibility, 3);
  });

  it("corroborated: two independent outlets", () => {
    const g = grade([report("Reuters"), report("AFP")]);
    assert.equal(g.grade, "corroborated");
    assert.equal(g.credibility, 2);
  });

  it("wire copies do not corroborate: two outlets carrying one wire story are one source", () => {
    const g = grade([
      report("Reuters", { copyGroup: "wire-1" }),
      report("Yahoo News", { copyGroup: "wire-1" }),
    ]);
    assert.equal(g.grade, "single_source");
    assert.match(g.reasons[0] ?? "", /copies/);
    assert.deepEqual(
      g.sources.map((s) => s.independentSource),
      [0, 0],
    );
  });

  it("two complaints by the same interested party do not corroborate", () => {
    const g = grade([report("SY-OPP", { kind: "complaint" }), report("SY-OPP", { kind: "complaint" })]);
    assert.equal(g.grade, "single_source");
  });

  it("complaints by two different parties do corroborate", () => {
    const g = grade([report("SY-OPP", { kind: "complaint" }), report("TR", { kind: "complaint" })]);
    assert.equal(g.grade, "corroborated");
  });

  it("confirmed: a monitor's observation", () => {
    const g = grade([report("SY-OPP", { kind: "complaint" }), report("UN", { kind: "observation" })]);
    assert.equal(g.grade, "confirmed");
    assert.equal(g.credibility, 1);
    assert.match(g.reasons[0] ?? "", /observed by UN/);
  });

  it("an observation by a monitor that is also a party does not confirm (it is interested)", () => {
    const g = grade([report("RU", { kind: "observation", perpetrator: "SY-OPP" })]);
    assert.equal(g.grade, "single_source");
    assert.equal(g.sources[0]?.reliability, "D");
  });

  it("contested: the accused party denies it", () => {
    const g = grade([
      report("Reuters"),
      report("AFP"),
      report("SY-GOV", { kind: "complaint", perpetrator: null, stance: "denies" }),
    ]);
    assert.equal(g.grade, "contested");
    assert.match(g.reasons.join(" "), /SY-GOV denies it/);
  });

  it("contested: independent sources name different perpetrators", () => {
    const g = grade([
      report("Reuters", { perpetrator: "SY-GOV" }),
      report("SANA", { perpetrator: "SY-OPP" }),
    ]);
    assert.equal(g.grade, "contested");
    assert.match(g.reasons[0] ?? "", /disagree on the perpetrator/);
  });

  it("an unnamed perpetrator disagrees with no one", () => {
    assert.equal(grade([report("Reuters"), report("AFP", { perpetrator: null })]).grade, "corroborated");
  });

  it("discounted: only sources whose reliability cannot be judged", () => {
    const g = grade([report("anon-1", { kind: "complaint" }), report("anon-2", { kind: "complaint" })]);
    assert.equal(g.grade, "discounted");
    assert.equal(g.credibility, 6);
  });

  it("discounted: a later monitor observation contradicts the claim", () => {
    const g = grade([
      report("SY-OPP", { kind: "complaint", h: 1 }),
      report("Reuters", { h: 2 }),
      report("UN", { kind: "observation", stance: "denies", perpetrator: null, h: 5 }),
    ]);
    assert.equal(g.grade, "discounted");
    assert.equal(g.credibility, 5);
  });

  it("a claim recorded after the monitor's contradicting observation makes it contested, not discounted", () => {
    const g = grade([
      report("UN", { kind: "observation", stance: "denies", perpetrator: null, h: 1 }),
      report("Reuters", { h: 3 }),
    ]);
    assert.equal(g.grade, "contested");
  });

  it("a monitor's later observation replaces its earlier one", () => {
    const saw = report("UN", { kind: "observation", h: 1 });
    const retracted = report("UN", { kind: "observation", stance: "denies", perpetrator: null, h: 4 });
    assert.equal(grade([report("Reuters", { h: 2 }), saw, retracted]).grade, "discounted");
    const reconfirmed = report("UN", { kind: "observation", h: 6 });
    assert.equal(grade([report("Reuters", { h: 2 }), saw, retracted, reconfirmed]).grade, "confirmed");
  });

  it("contested: two monitors disagree", () => {
    const g = gradeIncident(
      [
        report("UN", { kind: "observation" }),
        report("ICRC", { kind: "observation", stance: "denies", perpetrator: null }),
      ],
      { ...options, monitors: ["UN", "ICRC"] },
    );
    assert.equal(g.grade, "contested");
    assert.match(g.reasons[0] ?? "", /monitors disagree/);
  });

  describe("precedence", () => {
    it("confirmed outranks contested: a monitor saw it though the accused denies it and sources disagree", () => {
      const g = grade([
        report("UN", { kind: "observation" }),
        report("SANA", { perpetrator: "SY-OPP" }),
        report("SY-GOV", { kind: "complaint", perpetrator: null, stance: "denies" }),
      ]);
      assert.equal(g.grade, "confirmed");
      assert.match(g.reasons.join(" "), /SY-GOV denies it/);
      assert.match(g.reasons.join(" "), /disagree on the perpetrator/);
    });

    it("contested outranks corroborated", () => {
      const g = grade([
        report("Reuters"),
        report("AFP"),
        report("AP"),
        report("SY-GOV", { kind: "complaint", perpetrator: null, stance: "denies" }),
      ]);
      assert.equal(g.grade, "contested");
    });

    it("discounted (only F sources) outranks contested", () => {
      const g = grade([
        report("anon-1", { kind: "complaint", perpetrator: "SY-GOV" }),
        report("anon-2", { kind: "complaint", perpetrator: "SY-OPP" }),
      ]);
      assert.equal(g.grade, "discounted");
    });

    it("one F source among judged ones does not discount", () => {
      assert.equal(grade([report("anon", { kind: "complaint" }), report("Reuters")]).grade, "corroborated");
    });

    it("a contradicting monitor outranks corroboration", () => {
      const g = grade([
        report("Reuters", { h: 1 }),
        report("AFP", { h: 2 }),
        report("UN", { kind: "observation", stance: "denies", perpetrator: null, h: 3 }),
      ]);
      assert.equal(g.grade, "discounted");
    });
  });

  it("is the same whatever order the reports arrive in", () => {
    const reports = [
      report("SY-OPP", { kind: "complaint", h: 1 }),
      report("Reuters", { h: 2 }),
      report("SANA", { perpetrator: "SY-OPP", h: 3 }),
      report("UN", { kind: "observation", h: 4 }),
    ];
    const forward = grade(reports);
    const backward = grade([...reports].reverse());
    assert.equal(forward.grade, backward.grade);
  });

  it("refuses an incident with no reports", () => {
    assert.throws(() => grade([]), RangeError);
  });
});
