// Tests of merge and split as pure operations and the constraints they record.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ConstraintSet } from "./constraints.js";
import { merge, split } from "./decisions.js";

const who = { by: "monitor-tr", at: "2017-02-01T00:00:00Z" };

describe("merge and split", () => {
  it("merge keeps A's id, holds every report, and must-links every cross pair", () => {
    const m = merge({ id: "A", reportIds: ["a1", "a2"] }, { id: "B", reportIds: ["b1"] }, who);
    assert.deepEqual(m.incident, { id: "A", reportIds: ["a1", "a2", "b1"] });
    assert.equal(m.retired, "B");
    assert.equal(m.constraints.length, 2);
    assert.ok(m.constraints.every((c) => c.kind === "must_link" && c.decidedBy === "monitor-tr"));
  });

  it("split cannot-links across the cut and must-links the moved reports", () => {
    const s = split({ id: "A", reportIds: ["a", "b", "c", "d"] }, ["c", "d"], "N", who);
    assert.deepEqual(s.kept.reportIds, ["a", "b"]);
    assert.deepEqual(s.moved, { id: "N", reportIds: ["c", "d"] });
    assert.equal(s.constraints.filter((c) => c.kind === "cannot_link").length, 4);
    assert.equal(s.constraints.filter((c) => c.kind === "must_link").length, 1);
  });

  it("a split after a merge replaces the merge's must-links across the cut", () => {
    const set = new ConstraintSet();
    const m = merge({ id: "A", reportIds: ["a"] }, { id: "B", reportIds: ["b"] }, who);
    for (const c of m.constraints) set.add(c);
    assert.ok(set.mustGroup("a").has("b"));
    const s = split(m.incident, ["b"], "N", who);
    for (const c of s.constraints) set.add(c);
    assert.ok(!set.mustGroup("a").has("b"));
    assert.ok(set.keptApartFrom(set.mustGroup("a")).has("b"));
    set.check(["a", "b"]);
  });

  it("refuses a split that would leave a side empty or names a stranger", () => {
    assert.throws(() => split({ id: "A", reportIds: ["a"] }, ["a"], "N", who), /both sides/);
    assert.throws(() => split({ id: "A", reportIds: ["a", "b"] }, ["z"], "N", who), /not in incident/);
  });
});
