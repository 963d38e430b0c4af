// Tests of source independence: wire copies and a source speaking twice are one source.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { independentSources, latestBy } from "./independence.js";

describe("independentSources", () => {
  it("joins reports sharing a copy group or a source, transitively, in first-appearance order", () => {
    const reports = [
      { id: "1", source: "AFP", copyGroup: "g1" },
      { id: "2", source: "SANA", copyGroup: "g2" },
      { id: "3", source: "Al Arabiya", copyGroup: "g1" },
      { id: "4", source: "AFP", copyGroup: "g3" },
      { id: "5", source: "SANA", copyGroup: "g4" },
    ];
    const ids = independentSources(reports).map((g) => g.map((r) => r.id));
    assert.deepEqual(ids, [
      ["1", "3", "4"],
      ["2", "5"],
    ]);
  });

  it("keeps distinct sources apart", () => {
    assert.equal(
      independentSources([
        { source: "a", copyGroup: "x" },
        { source: "b", copyGroup: "y" },
      ]).length,
      2,
    );
  });
});

describe("latestBy", () => {
  it("takes the latest timestamp, the later item on a tie", () => {
    const items = [
      { id: "a", at: "2017-01-02T00:00:00Z" },
      { id: "b", at: "2017-01-03T00:00:00Z" },
      { id: "c", at: "2017-01-03T00:00:00Z" },
    ];
    assert.equal(latestBy(items, (i) => i.at)?.id, "c");
    assert.equal(
      latestBy([], (i: { at: string }) => i.at),
      undefined,
    );
  });
});
