// Periods of a series: days, ISO weeks (their Monday) and months, and the axis between two days.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nextPeriod, periodOf, periodsBetween } from "./periods.js";

describe("periodOf", () => {
  it("a week is named by its Monday, across month and year ends", () => {
    assert.equal(periodOf("2017-01-01", "week"), "2016-12-26"); // a Sunday
    assert.equal(periodOf("2017-01-02", "week"), "2017-01-02"); // a Monday
    assert.equal(periodOf("2017-03-04", "week"), "2017-02-27"); // a Saturday
    assert.equal(periodOf("2017-03-04", "month"), "2017-03");
    assert.equal(periodOf("2017-03-04", "day"), "2017-03-04");
  });
});

describe("periodsBetween", () => {
  it("days, weeks and months, inclusive", () => {
    assert.deepEqual(periodsBetween("2016-12-30", "2017-01-02", "day"), [
      "2016-12-30",
      "2016-12-31",
      "2017-01-01",
      "2017-01-02",
    ]);
    assert.deepEqual(periodsBetween("2017-01-01", "2017-01-16", "week"), [
      "2016-12-26",
      "2017-01-02",
      "2017-01-09",
      "2017-01-16",
    ]);
    assert.deepEqual(periodsBetween("2016-11-15", "2017-02-01", "month"), [
      "2016-11",
      "2016-12",
      "2017-01",
      "2017-02",
    ]);
    assert.deepEqual(periodsBetween("2017-01-02", "2017-01-01", "day"), []);
  });

  it("a leap day and the month after 31 January", () => {
    assert.equal(nextPeriod("2016-02-28", "day"), "2016-02-29");
    assert.equal(nextPeriod("2017-01", "month"), "2017-02");
    assert.equal(nextPeriod("2016-12", "month"), "2017-01");
  });

  it("refuses a range too long to draw", () => {
    assert.throws(() => periodsBetween("1900-01-01", "2017-01-01", "day", 1000), RangeError);
  });
});
