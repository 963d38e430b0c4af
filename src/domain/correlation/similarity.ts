// Cheap similarity measures for correlation: hashed shingles, sorted-set Jaccard, haversine distance.

/** FNV-1a over a string's UTF-16 code units: a stable 32-bit hash, no allocation. */
export function hash32(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const EMPTY = new Uint32Array(0);

/** Sorted, distinct hashes of the character trigrams of a normalised name (padded so short names count). */
export function charShingles(key: string): Uint32Array {
  if (key === "") return EMPTY;
  const padded = ` ${key} `;
  const out: number[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) out.push(hash32(padded.slice(i, i + 3)));
  return sortedDistinct(out);
}

/** Words too common in event reporting to say anything about which event a text describes. */
const STOPWORDS = new Set(
  (
    "the a an and or of in on at to by for from with near into over after said says say were was is are " +
    "has have had been being that this their its his her they it as least people killed dead wounded " +
    "injured province countryside town village city area district syria syrian reported report reports " +
    "according sources source monitor observatory local activists on monday tuesday wednesday thursday " +
    "friday saturday sunday week month day"
  ).split(" "),
);

/** A text's words, lower-cased, split at anything but letters and digits. */
export function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9\u00c0-\u024f]+/);
}

/** Sorted, distinct hashes of a text's content words (lower-cased; stopwords and 1–2 letter words dropped). */
export function wordSet(text: string | readonly string[]): Uint32Array {
  const out: number[] = [];
  const words = typeof text === "string" ? tokens(text) : text;
  for (const w of words) {
    if (w.length < 3 || STOPWORDS.has(w)) continue;
    out.push(hash32(w));
  }
  return sortedDistinct(out);
}

function sortedDistinct(values: number[]): Uint32Array {
  const arr = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < arr.length; i++) {
    if (i === 0 || arr[i] !== arr[n - 1]) arr[n++] = arr[i] as number;
  }
  return n === arr.length ? arr : arr.slice(0, n);
}

/** Jaccard index of two sorted distinct hash sets: |A∩B| / |A∪B|, 0 when both are empty. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

/** Great-circle distance in kilometres. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLat = (lat2 - lat1) * RAD;
  const dLon = (lon2 - lon1) * RAD;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** Jaccard weighted by word rarity: Σ weights of shared words / Σ weights of all words of either text. */
export function weightedJaccard(a: Uint32Array, wa: Float32Array, b: Uint32Array, wb: Float32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  let all = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      const w = Math.min(wa[i] as number, wb[j] as number);
      common += w;
      all += Math.max(wa[i] as number, wb[j] as number);
      i++;
      j++;
    } else if (x < y) all += wa[i++] as number;
    else all += wb[j++] as number;
  }
  while (i < a.length) all += wa[i++] as number;
  while (j < b.length) all += wb[j++] as number;
  return all === 0 ? 0 : common / all;
}

/** Document frequencies of words, so that template words every outlet uses weigh nothing. */
export class WordRarity {
  readonly #df = new Map<number, number>();
  #docs = 0;

  /** Weights for a text's words as of now (log inverse document frequency), then counts the text. */
  weigh(words: Uint32Array): Float32Array {
    const out = new Float32Array(words.length);
    const n = this.#docs + 1;
    for (let i = 0; i < words.length; i++) {
      const w = words[i] as number;
      const df = this.#df.get(w) ?? 0;
      out[i] = Math.log((n + 1) / (df + 1));
      this.#df.set(w, df + 1);
    }
    this.#docs = n;
    return out;
  }
}

/**
 * Equirectangular approximation of the distance in kilometres: within 0.1 % of haversine at the tens of
 * kilometres correlation compares, for one cosine instead of five trigonometric calls.
 */
export function nearKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const x = (lon2 - lon1) * Math.cos(((lat1 + lat2) / 2) * RAD);
  const y = lat2 - lat1;
  return Math.sqrt(x * x + y * y) * RAD * EARTH_RADIUS_KM;
}
