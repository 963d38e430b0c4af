// Escalation alerts: the rule checked against a direct reading of it, by example and with fast-check (fixed seed).
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { dailyEscalationRule, describeRule, type EscalationRule, escalations } from "./escalation.js";

const seed = 20170130;

/** The rule read literally, recomputing each baseline from scratch: what the fast version must agree with. */
function reference(counts: readonly number[], rule: EscalationRule): number[] {
  const out: number[] = [];
  for (let i = 0; i < counts.length; i++) {
    const baseline = counts.slice(Math.max(0, i - rule.window), i);
    if (baseline.length < rule.minBaseline) continue;
    const mean = baseline.reduce((a, b) => a + b, 0) / baseline.length;
    const sd = Math.sqrt(baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / baseline.length);
    const count = counts[i] as number;
    if (count >= rule.minCount && count > mean + rule.sigmas * sd + 1e-9) out.push(i);
  }
  return out;
}

const counts = fc.array(fc.nat({ max: 40 }), { maxLength: 120 });
const rules = fc
  .record({
    window: fc.integer({ min: 1, max: 30 }),
    sigmas: fc.constantFrom(1, 2, 3),
    minCount: fc.integer({ min: 1, max: 5 }),
  })
  .chain((r) => fc.integer({ min: 1, max: r.window }).map((minBaseline) => ({ ...r, minBaseline })));

describe("escalations", () => {
  it("a flat month then a day of 12: one alert, on that day", () => {
    const series = [...Array.from({ length: 28 }, (_, i) => (i % 2 === 0 ? 1 : 2)), 12, 2];
    const spikes = escalations(series, dailyEscalationRule);
    assert.deepEqual(
      spikes.map((s) => s.index),
      [28],
    );
    const [spike] = spikes;
    assert.equal(spike?.count, 12);
    assert.equal(spike?.mean, 1.5);
    assert.equal(spike?.sd, 0.5);
    assert.equal(spike?.threshold, 3);
  });

  it("no alert before the baseline is long enough, nor below the minimum count", () => {
    assert.deepEqual(escalations([0, 0, 0, 50], dailyEscalationRule), []);
    const quiet = [...Array.from({ length: 28 }, () => 0), 2];
    assert.deepEqual(escalations(quiet, dailyEscalationRule), []);
    const loud = [...Array.from({ length: 28 }, () => 0), 3];
    assert.deepEqual(
      escalations(loud, dailyEscalationRule).map((s) => s.index),
      [28],
    );
  });

  it("the rule in words", () => {
    assert.match(
      describeRule(dailyEscalationRule, "day"),
      /at least 3 incidents and more than the mean \+ 3 standard deviations of the 28 days before it/,
    );
  });

  it("refuses a rule whose baseline cannot be met", () => {
    assert.throws(() => escalations([1], { ...dailyEscalationRule, minBaseline: 40 }), RangeError);
  });

  it("agrees with the rule read literally, for any series and rule", () => {
    fc.assert(
      fc.property(counts, rules, (series, rule) => {
        assert.deepEqual(
          escalations(series, rule).map((s) => s.index),
          reference(series, rule),
        );
      }),
      { seed, numRuns: 500 },
    );
  });

  it("a constant series never alerts", () => {
    fc.assert(
      fc.property(fc.nat({ max: 1000 }), fc.nat({ max: 200 }), (level, length) => {
        assert.deepEqual(escalations(Array(length).fill(level), dailyEscalationRule), []);
      }),
      { seed, numRuns: 200 },
    );
  });

  it("the future never changes a past alert", () => {
    fc.assert(
      fc.property(counts, counts, rules, (past, future, rule) => {
        const before = escalations(past, rule).map((s) => s.index);
        const after = escalations([...past, ...future], rule)
          .map((s) => s.index)
          .filter((i) => i < past.length);
        assert.deepEqual(after, before);
      }),
      { seed, numRuns: 300 },
    );
  });

  it("a spike stays a spike when its count grows", () => {
    fc.assert(
      fc.property(counts, rules, fc.integer({ min: 1, max: 100 }), (series, rule, extra) => {
        for (const spike of escalations(series, rule)) {
          const louder = series.map((c, i) => (i === spike.index ? c + extra : c));
          assert.ok(escalations(louder, rule).some((s) => s.index === spike.index));
        }
      }),
      { seed, numRuns: 300 },
    );
  });
});
