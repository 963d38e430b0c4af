// A dictionary of multi-word phrases found in tokenised text by longest match, used for actors and places.
import type { Span } from "./span.js";

export interface TokenLike {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface PhraseMatch<T> {
  readonly span: Span;
  readonly text: string;
  /** Index of the first and one past the last token of the match in the token list. */
  readonly firstToken: number;
  readonly endToken: number;
  readonly values: readonly T[];
}

const wordLike = /[\p{L}\p{N}]/u;
const CACHE_LIMIT = 100_000;

export class PhraseIndex<T> {
  private readonly phrases = new Map<string, T[]>();
  /** First and last words of every key: most n-grams of a text fail these cheap tests before normalising. */
  private readonly firstWords = new Set<string>();
  private readonly lastWords = new Set<string>();
  private readonly wordCache = new Map<string, string>();
  private longest = 1;

  constructor(
    private readonly normalise: (phrase: string) => string,
    private readonly maxTokens = 6,
  ) {}

  add(phrase: string, value: T): void {
    const key = this.normalise(phrase);
    if (!key) return;
    const existing = this.phrases.get(key);
    if (existing) {
      if (!existing.includes(value)) existing.push(value);
    } else this.phrases.set(key, [value]);
    // Keyed both ways: as the phrase's key begins and ends, and as its first and last written words
    // normalise alone ("al" of "al-Foua", "Ezzor" of "Deir Ezzor" fold differently in context).
    const words = key.split(" ");
    const pieces = phrase.split(/[\s-]+/).filter((p) => p !== "");
    this.firstWords.add(words[0] as string).add(this.normalise(pieces[0] ?? ""));
    this.lastWords
      .add(words[words.length - 1] as string)
      .add(this.normalise(pieces[pieces.length - 1] ?? ""));
    const tokens = phrase.split(/[\s-]+/).length + (phrase.match(/[-']/g)?.length ?? 0);
    this.longest = Math.min(this.maxTokens, Math.max(this.longest, tokens));
  }

  get size(): number {
    return this.phrases.size;
  }

  lookup(phrase: string): readonly T[] {
    return this.phrases.get(this.normalise(phrase)) ?? [];
  }

  /**
   * Longest non-overlapping matches, left to right. `canStart` filters the tokens a phrase may begin
   * with (places must start with a capital, say), which also keeps the scan cheap.
   */
  find<K extends TokenLike>(
    text: string,
    tokens: readonly K[],
    canStart: (token: K) => boolean = () => true,
  ) {
    const matches: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length; ) {
      const first = tokens[i];
      const found =
        first && wordLike.test(first.text) && canStart(first) ? this.matchAt(text, tokens, i) : null;
      if (found) {
        matches.push(found);
        i = found.endToken;
      } else i++;
    }
    return matches;
  }

  private matchAt<K extends TokenLike>(text: string, tokens: readonly K[], i: number): PhraseMatch<T> | null {
    const first = tokens[i] as K;
    const firstWord = this.word(first.text);
    // A word the normaliser drops ("al" of "al-Bab") may start a phrase whose key begins with the next word.
    if (firstWord !== "" && !this.firstWords.has(firstWord)) return null;
    for (let n = Math.min(this.longest, tokens.length - i); n >= 1; n--) {
      const last = tokens[i + n - 1] as K;
      if (!wordLike.test(last.text)) continue;
      if (!this.lastWords.has(this.word(last.text))) continue;
      const surface = text.slice(first.start, last.end);
      const values = this.phrases.get(this.word(surface));
      if (values)
        return {
          span: { start: first.start, end: last.end },
          text: surface,
          firstToken: i,
          endToken: i + n,
          values,
        };
    }
    return null;
  }

  /** The normalised key of a word or phrase, remembered: the same names recur in every article. */
  private word(token: string): string {
    let key = this.wordCache.get(token);
    if (key === undefined) {
      if (this.wordCache.size > CACHE_LIMIT) this.wordCache.clear();
      key = this.normalise(token);
      this.wordCache.set(token, key);
    }
    return key;
  }
}
