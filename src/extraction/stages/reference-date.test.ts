// Reference dates: publication dates read in their several shapes, a text's latest full date, and day arithmetic.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { addDays, daysBetween, referenceFromPublished, referenceFromText } from "./reference-date.js";

describe("referenceFromPublished", () => {
  it("reads a plain ISO day at day precision", () => {
    assert.deepEqual(referenceFromPublished("2017-02-15"), { date: "2017-02-15", precision: 1 });
  });

  it("reads the day of a timestamp, ignoring the time", () => {
    assert.deepEqual(referenceFromPublished("2017-02-15T23:10:00Z"), { date: "2017-02-15", precision: 1 });
  });

  it("reads a month alone as its middle, at month precision", () => {
    assert.deepEqual(referenceFromPublished("2018-10"), { date: "2018-10-15", precision: 3 });
  });

  it("gives null for a missing or unreadable publication date", () => {
    assert.equal(referenceFromPublished(null), null);
    assert.equal(referenceFromPublished(""), null);
    assert.equal(referenceFromPublished("last Tuesday"), null);
  });
});

describe("referenceFromText", () => {
  it("takes the latest full date the text states", () => {
    const text =
      "The truce signed on December 30, 2016 was breached on January 12, 2017, when rebels shelled Hama.";
    assert.deepEqual(referenceFromText(text), { date: "2017-01-12", precision: 2 });
  });

  it("gives null when the text states no full date", () => {
    assert.equal(referenceFromText("Rebels shelled Hama on Monday, a monitor said."), null);
  });
});

describe("daysBetween and addDays", () => {
  it("counts whole days, negative when going back", () => {
    assert.equal(daysBetween("2017-01-15", "2017-02-15"), 31);
    assert.equal(daysBetween("2017-02-15", "2017-01-15"), -31);
    assert.equal(daysBetween("2017-02-15", "2017-02-15"), 0);
  });

  it("crosses month ends and leap days", () => {
    assert.equal(daysBetween("2016-02-28", "2016-03-01"), 2);
    assert.equal(daysBetween("2016-12-31", "2017-01-01"), 1);
  });

  it("adds and subtracts days, inverting daysBetween", () => {
    assert.equal(addDays("2017-02-15", -31), "2017-01-15");
    assert.equal(addDays("2016-12-30", 3), "2017-01-02");
    assert.equal(daysBetween("2017-02-15", addDays("2017-02-15", 45)), 45);
  });
});
