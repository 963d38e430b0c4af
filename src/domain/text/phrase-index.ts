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

export class PhraseIndex<T> {
  private readonly phrases = new Map<string, T[]>();
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
    const words = phrase.split(/[\s-]+/).length + (phrase.match(/[-']/g)?.length ?? 0);
    this.longest = Math.min(this.maxTokens, Math.max(this.longest, words));
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
      if (!first || !wordLike.test(first.text) || !canStart(first)) {
        i++;
        continue;
      }
      let found: PhraseMatch<T> | null = null;
      for (let n = Math.min(this.longest, tokens.length - i); n >= 1 && !found; n--) {
        const last = tokens[i + n - 1];
        if (!last || !wordLike.test(last.text)) continue;
        const surface = text.slice(first.start, last.end);
        const values = this.phrases.get(this.normalise(surface));
        if (values) {
          found = {
            span: { start: first.start, end: last.end },
            text: surface,
            firstToken: i,
            endToken: i + n,
            values,
          };
        }
      }
      if (found) {
        matches.push(found);
        i = found.endToken;
      } else i++;
    }
    return matches;
  }
}
