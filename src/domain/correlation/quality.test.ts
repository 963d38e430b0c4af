// Tests of pairwise precision/recall/F1 against a hand count.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { pairwiseScores } from "./quality.js";

describe("pairwiseScores", () => {
  it("counts pairs per cluster", () => {
    // Truth: {0,1,2} {3,4}. Predicted: {0,1} {2,3,4}. True pairs 3+1=4; predicted 1+3=4; common (0,1),(3,4)=2.
    const s = pairwiseScores(["p", "p", "q", "q", "q"], ["t", "t", "t", "u", "u"]);
    assert.equal(s.truePairs, 4);
    assert.equal(s.predictedPairs, 4);
    assert.equal(s.truePositives, 2);
    assert.equal(s.precision, 0.5);
    assert.equal(s.recall, 0.5);
    assert.equal(s.f1, 0.5);
  });

  it("is perfect for identical clusterings whatever the labels, and rejects mismatched lengths", () => {
    assert.equal(pairwiseScores(["x", "x", "y"], ["1", "1", "2"]).f1, 1);
    assert.throws(() => pairwiseScores(["x"], []), RangeError);
  });

  it("all singletons predicted: precision 1 by convention, recall 0", () => {
    const s = pairwiseScores(["a", "b"], ["t", "t"]);
    assert.equal(s.precision, 1);
    assert.equal(s.recall, 0);
    assert.equal(s.f1, 0);
  });
});
