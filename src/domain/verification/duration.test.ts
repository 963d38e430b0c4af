// Tests of ISO 8601 durations: the forms agreements use, calendar months, and refusals.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDuration, parseDuration } from "./duration.js";

const at = (iso: string) => new Date(iso);

describe("ISO 8601 durations", () => {
  it("adds days, hours and weeks exactly", () => {
    assert.equal(addDuration(at("2017-01-24T12:00:00Z"), "P7D").toISOString(), "2017-01-31T12:00:00.000Z");
    assert.equal(addDuration(at("2017-01-24T12:00:00Z"), "PT48H").toISOString(), "2017-01-26T12:00:00.000Z");
    assert.equal(addDuration(at("2017-01-24T12:00:00Z"), "P1W").toISOString(), "2017-01-31T12:00:00.000Z");
    assert.equal(addDuration(at("2017-01-24T12:00:00Z"), "PT0S").toISOString(), "2017-01-24T12:00:00.000Z");
    assert.equal(
      addDuration(at("2017-01-24T12:00:00Z"), "P1DT2H30M15S").toISOString(),
      "2017-01-25T14:30:15.000Z",
    );
  });

  it("adds months on the calendar, clamping to the month's end", () => {
    assert.equal(addDuration(at("2017-01-31T08:00:00Z"), "P1M").toISOString(), "2017-02-28T08:00:00.000Z");
    assert.equal(addDuration(at("2016-01-31T08:00:00Z"), "P1M").toISOString(), "2016-02-29T08:00:00.000Z");
    assert.equal(addDuration(at("2016-02-29T00:00:00Z"), "P1Y").toISOString(), "2017-02-28T00:00:00.000Z");
    assert.equal(addDuration(at("2016-11-15T00:00:00Z"), "P3M").toISOString(), "2017-02-15T00:00:00.000Z");
  });

  it("parses each component", () => {
    assert.deepEqual(parseDuration("P1Y2M3W4DT5H6M7S"), {
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7,
    });
  });

  it("refuses what the agreement schema refuses", () => {
    for (const bad of ["", "P", "PT", "7D", "P1.5D", "-P1D", "P1DT", "p7d", "P7D "]) {
      assert.throws(() => parseDuration(bad), RangeError, bad);
    }
  });
});
