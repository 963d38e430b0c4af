// Correlation quality on synthetic ground truth: pairwise F1 over 10,000 generated reports (fixed seed).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { generate } from "../../synthetic/generate.js";
import { Correlator } from "./engine.js";
import { pairwiseScores } from "./quality.js";

describe("correlation quality on 10,000 synthetic reports", () => {
  const all = generate({ incidents: 4200, seed: 20170130 });
  const reports = all.reports.slice(0, 10_000);
  const truth = all.truth.slice(0, 10_000);
  const c = new Correlator();
  for (const r of reports) c.add(r);
  const s = pairwiseScores(
    reports.map((r) => c.incidentOf(r.id)?.id ?? r.id),
    truth,
  );
  const figures = `P=${s.precision.toFixed(3)} R=${s.recall.toFixed(3)} F1=${s.f1.toFixed(3)}`;

  it(`has 10,000 reports and does not regress below the measured level (${figures})`, () => {
    assert.equal(reports.length, 10_000);
    assert.ok(s.f1 >= 0.905, figures);
    assert.ok(s.precision >= 0.89 && s.recall >= 0.89, figures);
  });

  // The bar. Weights were fitted on other seeds (see score.ts); seed 3, also never fitted on, gives 0.904.
  it("reaches pairwise F1 ≥ 0.90 (issue 3 bar)", () => {
    assert.ok(s.f1 >= 0.9, figures);
  });
});
