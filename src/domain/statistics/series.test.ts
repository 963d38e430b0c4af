// Series from tally rows: zeros filled in, groups ordered by total, undated and off-axis rows left out.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { periodAxis, seriesByGroup, totalSeries } from "./series.js";

const rows = [
  { keys: ["2017-01-01", "SY-GOV"], count: 2 },
  { keys: ["2017-01-01", "SY-OPP"], count: 1 },
  { keys: ["2017-01-03", "SY-GOV"], count: 4 },
  { keys: ["2017-01-03", null], count: 5 },
  { keys: [null, "SY-GOV"], count: 7 },
];

describe("series", () => {
  it("the axis spans the rows' periods, or the bounds given", () => {
    assert.deepEqual(periodAxis(rows, "day"), ["2017-01-01", "2017-01-02", "2017-01-03"]);
    assert.deepEqual(periodAxis(rows, "day", { from: "2017-01-02", to: "2017-01-03" }), [
      "2017-01-02",
      "2017-01-03",
    ]);
    assert.deepEqual(periodAxis([], "day"), []);
    assert.deepEqual(periodAxis(rows, "week"), ["2016-12-26", "2017-01-02"]);
  });

  it("one series per group, zeros filled, the largest first; null groups only when asked", () => {
    const axis = periodAxis(rows, "day");
    assert.deepEqual(seriesByGroup(rows, axis), [
      { key: "SY-GOV", counts: [2, 0, 4], total: 6 },
      { key: "SY-OPP", counts: [1, 0, 0], total: 1 },
    ]);
    assert.deepEqual(
      seriesByGroup(rows, axis, { keepNull: true }).map((s) => [s.key, s.total]),
      [
        ["SY-GOV", 6],
        [null, 5],
        ["SY-OPP", 1],
      ],
    );
  });

  it("the total sums every dated row on the axis", () => {
    assert.deepEqual(totalSeries(rows, ["2017-01-01", "2017-01-02", "2017-01-03"]), {
      key: null,
      counts: [3, 0, 9],
      total: 12,
    });
  });
});
