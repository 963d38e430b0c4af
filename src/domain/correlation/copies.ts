// Source independence: near-duplicate texts (wire copy re-published by several outlets) share one copy group.
import { hash32 } from "./similarity.js";

const HASHES = 64;
const BANDS = 16;
const ROWS = HASHES / BANDS;
/** Word 3-shingles: long enough that independent reports of one event rarely share many. */
const SHINGLE = 3;

/** Fixed seeds for the MinHash permutations (from a fixed LCG), so groups are the same on every run. */
const SEEDS = (() => {
  const out = new Uint32Array(HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < HASHES; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x;
  }
  return out;
})();

/** The MinHash signature of a text over its word 3-shingles. */
export function minhash(text: string): Uint32Array {
  const words = text
    .toLowerCase()
    .split(/[^a-z0-9\u00c0-\u024f]+/)
    .filter((w) => w.length > 0);
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n; i++) {
    const base = hash32(words.slice(i, i + SHINGLE).join(" "));
    for (let h = 0; h < HASHES; h++) {
      // One base hash remixed per seed: a cheap family of hash functions.
      let v = (base ^ (SEEDS[h] as number)) >>> 0;
      v = Math.imul(v ^ (v >>> 16), 0x85ebca6b);
      v = Math.imul(v ^ (v >>> 13), 0xc2b2ae35);
      v = (v ^ (v >>> 16)) >>> 0;
      if (v < (sig[h] as number)) sig[h] = v;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity of two texts' shingle sets from their signatures. */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/**
 * Assigns each text a copy group incrementally: the group of an earlier text it nearly duplicates
 * (estimated shingle Jaccard ≥ threshold), else a group of its own named by its id. Candidates come
 * from LSH banding (16 bands of 4 rows), so each text is compared with few others.
 */
export class CopyDetector {
  readonly #threshold: number;
  readonly #bands = new Map<string, string[]>();
  readonly #signatures = new Map<string, Uint32Array>();
  readonly #groups = new Map<string, string>();

  constructor(threshold = 0.6) {
    this.#threshold = threshold;
  }

  /** The copy group of the text with this id (the id of the first text of the group). */
  assign(id: string, text: string): string {
    const known = this.#groups.get(id);
    if (known !== undefined) return known;
    const sig = minhash(text);
    let best: string | null = null;
    let bestSim = 0;
    const keys: string[] = [];
    for (let b = 0; b < BANDS; b++) {
      const key = `${b}:${Array.from(sig.subarray(b * ROWS, (b + 1) * ROWS)).join(",")}`;
      keys.push(key);
      for (const other of this.#bands.get(key) ?? []) {
        const sim = estimatedSimilarity(sig, this.#signatures.get(other) as Uint32Array);
        if (sim > bestSim) {
          bestSim = sim;
          best = other;
        }
      }
    }
    const group = best !== null && bestSim >= this.#threshold ? (this.#groups.get(best) as string) : id;
    this.#signatures.set(id, sig);
    this.#groups.set(id, group);
    for (const key of keys) {
      const list = this.#bands.get(key);
      if (list === undefined) this.#bands.set(key, [id]);
      else list.push(id);
    }
    return group;
  }
}
