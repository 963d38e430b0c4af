// Escalation alerts: a period whose count is a spike against the trailing baseline of the periods before it.

export interface EscalationRule {
  /** How many periods before the one judged make its baseline (28 days, 12 weeks, 12 months). */
  readonly window: number;
  /** No alert until at least this many periods precede: a baseline of two days says nothing. */
  readonly minBaseline: number;
  /** How many standard deviations above the baseline's mean a count must lie. */
  readonly sigmas: number;
  /** A spike is at least this many incidents: from 0 to 1 is not an escalation, however flat the baseline. */
  readonly minCount: number;
}

/** The rule the dashboard and bulletins state: above mean + 3 sd of the trailing 28 days, and at least 3. */
export const dailyEscalationRule: EscalationRule = { window: 28, minBaseline: 14, sigmas: 3, minCount: 3 };
export const weeklyEscalationRule: EscalationRule = { window: 12, minBaseline: 6, sigmas: 3, minCount: 3 };
export const monthlyEscalationRule: EscalationRule = { window: 12, minBaseline: 6, sigmas: 3, minCount: 3 };

export interface Spike {
  /** The index of the period in the series. */
  readonly index: number;
  readonly count: number;
  /** The trailing baseline's mean and (population) standard deviation, and the count it had to exceed. */
  readonly mean: number;
  readonly sd: number;
  readonly threshold: number;
}

/** Says the rule in words, for the dashboard and the bulletin. */
export function describeRule(rule: EscalationRule, unit: string): string {
  return `a ${unit} with at least ${rule.minCount} incidents and more than the mean + ${rule.sigmas} standard deviations of the ${rule.window} ${unit}s before it (once ${rule.minBaseline} ${unit}s of baseline exist)`;
}

/**
 * The spikes of a series of counts, oldest first. The baseline of period i is the `window` periods before it
 * (fewer at the start, but at least `minBaseline`); the period itself is never part of its own baseline.
 * A count is a spike when it is at least `minCount` and strictly above mean + sigmas × sd.
 */
export function escalations(counts: readonly number[], rule: EscalationRule): Spike[] {
  if (!(rule.window >= 1 && rule.minBaseline >= 1 && rule.minBaseline <= rule.window)) {
    throw new RangeError("an escalation rule needs 1 ≤ minBaseline ≤ window");
  }
  const spikes: Spike[] = [];
  // Running sums over the trailing window keep the whole series linear in its length.
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < counts.length; i++) {
    const size = Math.min(i, rule.window);
    const count = counts[i] as number;
    if (size >= rule.minBaseline) {
      const mean = sum / size;
      const sd = Math.sqrt(Math.max(0, sumSquares / size - mean * mean));
      const threshold = mean + rule.sigmas * sd;
      // The tolerance keeps rounding in the running sums from turning a count equal to the threshold into a spike.
      if (count >= rule.minCount && count > threshold + 1e-9) {
        spikes.push({ index: i, count, mean, sd, threshold });
      }
    }
    sum += count;
    sumSquares += count * count;
    if (i >= rule.window) {
      const leaving = counts[i - rule.window] as number;
      sum -= leaving;
      sumSquares -= leaving * leaving;
    }
  }
  return spikes;
}
