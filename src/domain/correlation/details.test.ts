// Tests of event details read from a summary: what was hit, with what, and when in the day.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detailsOf, timesAround } from "./details.js";
import { tokens } from "./similarity.js";

const of = (text: string) => detailsOf(tokens(text));

describe("detailsOf", () => {
  it("reads site, means and time of day, one class per thing whatever the wording", () => {
    const a = of("Regime helicopters dropped barrel bombs on the main market of Saraqib at dawn.");
    const b = of("Explosive barrels hit the souk in Saraqib at first light, witnesses said.");
    assert.ok(a.sites !== 0 && a.means !== 0 && a.times !== 0);
    assert.deepEqual(a, b);
  });

  it("tells different sites, means and times apart", () => {
    const a = of("Shells hit a school in the afternoon; witnesses described mortar rounds.");
    const b = of("A bakery was struck overnight with cluster munitions.");
    assert.equal(a.sites & b.sites, 0);
    assert.equal(a.means & b.means, 0);
    assert.equal(a.times & b.times, 0);
  });

  it("counts a phrase once, by its longest wording", () => {
    // "car bomb" is a means, not a car (a site) followed by a bomb.
    const d = of("A car bomb went off near the checkpoint.");
    assert.equal(d.means, of("a roadside bomb").means);
    assert.equal(d.sites, of("checkpoint").sites);
  });

  it("names nothing when the text gives no detail", () => {
    assert.deepEqual(of("Clashes were reported in Idlib province on Monday."), {
      sites: 0,
      means: 0,
      times: 0,
    });
  });
});

describe("timesAround", () => {
  it("adds the neighbouring times of day, round the clock", () => {
    const dawn = of("at dawn").times;
    const morning = of("in the morning").times;
    const night = of("overnight").times;
    const afternoon = of("in the afternoon").times;
    assert.notEqual(timesAround(dawn) & morning, 0);
    assert.notEqual(timesAround(dawn) & night, 0);
    assert.equal(timesAround(dawn) & afternoon, 0);
    assert.equal(timesAround(0), 0);
  });
});
