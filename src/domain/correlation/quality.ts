// Pairwise precision, recall and F1 of a clustering against ground truth, counted from cluster sizes.

export interface PairwiseScores {
  /** Pairs of reports in one predicted incident that are in one true incident. */
  readonly truePositives: number;
  readonly predictedPairs: number;
  readonly truePairs: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * predicted[i] and truth[i] are the incident ids of report i. Pairs are counted per cluster with
 * n·(n−1)/2 over the predicted clusters, the true clusters and their intersections (the contingency
 * table), never by listing pairs, so 1 M reports cost one pass. Labels are compared by value only.
 */
export function pairwiseScores(predicted: readonly string[], truth: readonly string[]): PairwiseScores {
  if (predicted.length !== truth.length) {
    throw new RangeError(`predicted has ${predicted.length} labels, truth ${truth.length}`);
  }
  const predSize = new Map<string, number>();
  const trueSize = new Map<string, number>();
  const cells = new Map<string, number>();
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i] as string;
    const t = truth[i] as string;
    predSize.set(p, (predSize.get(p) ?? 0) + 1);
    trueSize.set(t, (trueSize.get(t) ?? 0) + 1);
    // \u0000 cannot occur in an id that came from JSON text or our generators, so the cell key is unambiguous.
    const cell = `${p}\u0000${t}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  let truePositives = 0;
  for (const n of cells.values()) truePositives += pairs(n);
  let predictedPairs = 0;
  for (const n of predSize.values()) predictedPairs += pairs(n);
  let truePairs = 0;
  for (const n of trueSize.values()) truePairs += pairs(n);
  // With no pairs on a side there is nothing to get wrong on that side.
  const precision = predictedPairs === 0 ? 1 : truePositives / predictedPairs;
  const recall = truePairs === 0 ? 1 : truePositives / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePositives, predictedPairs, truePairs, precision, recall, f1 };
}
