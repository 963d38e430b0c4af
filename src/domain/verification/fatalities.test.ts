// Tests of fatality figures: low / best / high, copies counted once, 0 as a figure, null when none.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type FatalityReport, fatalities } from "./fatalities.js";

let seq = 0;
const report = (source: string, killed: number | null, copyGroup = `g-${source}`, h = 1): FatalityReport => {
  seq += 1;
  return {
    id: `r${seq}`,
    source,
    copyGroup,
    killed,
    createdAt: `2017-01-02T${String(h).padStart(2, "0")}:00:00Z`,
  };
};

describe("fatalities", () => {
  it("is null when no source gives a figure", () => {
    assert.equal(fatalities([report("Reuters", null), report("AFP", null)]), null);
    assert.equal(fatalities([]), null);
  });

  it("counts 0 (no casualties) as a figure", () => {
    assert.deepEqual(fatalities([report("SY-GOV", 0), report("Reuters", null)]), {
      low: 0,
      best: 0,
      high: 0,
    });
  });

  it("takes the median of independent sources as best, the extremes as low and high", () => {
    assert.deepEqual(fatalities([report("SOHR", 12), report("SANA", 2), report("Reuters", 7)]), {
      low: 2,
      best: 7,
      high: 12,
    });
  });

  it("counts a wire story re-published by many outlets once", () => {
    const wire = [report("AP", 20, "wire"), report("Yahoo", 20, "wire"), report("ABC", 20, "wire")];
    // Without de-duplication the median of 20, 20, 20, 3, 5 would be 20.
    assert.deepEqual(fatalities([...wire, report("SANA", 3), report("SOHR", 5)]), {
      low: 3,
      best: 5,
      high: 20,
    });
  });

  it("takes the lower middle figure with an even number of sources", () => {
    assert.equal(fatalities([report("A", 4), report("B", 10)])?.best, 4);
  });

  it("counts an outlet's raised toll once, at its latest figure", () => {
    const result = fatalities([report("SOHR", 3, "s1", 1), report("SOHR", 9, "s2", 5), report("SANA", 1)]);
    assert.deepEqual(result, { low: 1, best: 1, high: 9 });
    const three = fatalities([
      report("SOHR", 3, "s3", 1),
      report("SOHR", 9, "s4", 5),
      report("SANA", 1),
      report("AFP", 8),
    ]);
    assert.equal(three?.best, 8);
  });
});
