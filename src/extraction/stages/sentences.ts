// Sentences and tokens with part of speech and character spans, read by wink-nlp's English model.

import { createRequire } from "node:module";
import winkNLP, { type ItemToken, type Model } from "wink-nlp";
import type { Span } from "../../domain/text/span.js";

export interface Token {
  readonly text: string;
  /** Lower-cased form, used by every dictionary lookup. */
  readonly lower: string;
  readonly lemma: string;
  readonly pos: string;
  readonly start: number;
  readonly end: number;
}

export interface Sentence {
  readonly index: number;
  readonly span: Span;
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Index of the paragraph (blank-line separated block) the sentence starts in. */
  readonly paragraph: number;
  /**
   * Whether it reads as running prose: ends like a sentence and is not link or menu debris. Headlines,
   * captions and navigation lines repeat or trail the story; the pipeline reads events from prose only.
   */
  readonly prose: boolean;
}

const sentenceEnd = /[.!?]["'”’)\]]*$|["”’]$/;

let loaded: {
  readonly nlp: ReturnType<typeof winkNLP>;
  readonly its: ReturnType<typeof winkNLP>["its"];
  readonly readLemma: Parameters<ItemToken["out"]>[0];
} | null = null;

/**
 * The English model, read on first use: it costs a process about 65 MB and 0.4 s, which a server worker that
 * only answers reads, or a command that never reads an article, need not pay.
 */
function english() {
  if (loaded === null) {
    const model = createRequire(import.meta.url)("wink-eng-lite-web-model") as Model;
    const nlp = winkNLP(model, ["sbd", "pos"]);
    // wink-nlp's type declarations give `its.lemma` a signature `out()` does not accept, though it works at run time.
    loaded = { nlp, its: nlp.its, readLemma: nlp.its.lemma as unknown as Parameters<ItemToken["out"]>[0] };
  }
  return loaded;
}

/**
 * Splits text into sentences and tokens. Line breaks before a capital (and blank lines) also end sentences,
 * because headlines, datelines and list items often carry no final full stop.
 */
export function splitSentences(text: string): Sentence[] {
  const { nlp, its, readLemma } = english();
  const doc = nlp.readDoc(text);
  const tokens = doc.tokens();
  const values = tokens.out();
  const spaces = tokens.out(its.precedingSpaces);
  const tags = tokens.out(its.pos);
  const lemmas = tokens.out(readLemma) as unknown as string[];
  const bounds = doc.sentences().out(its.span) as unknown as [number, number][];

  const sentences: Sentence[] = [];
  let paragraph = 0;
  let cursor = 0;
  let k = 0;
  for (const [first, last] of bounds) {
    let current: Token[] = [];
    const close = () => {
      const head = current[0];
      const tail = current[current.length - 1];
      if (head && tail) {
        const sentenceText = text.slice(head.start, tail.end);
        sentences.push({
          index: sentences.length,
          span: { start: head.start, end: tail.end },
          text: sentenceText,
          tokens: current,
          paragraph,
          prose: isProse(sentenceText),
        });
      }
      current = [];
    };
    for (; k <= last; k++) {
      const value = values[k] ?? "";
      cursor += (spaces[k] ?? "").length;
      // wink keeps the text losslessly; if it ever normalised a token, find it rather than drift.
      if (!text.startsWith(value, cursor)) {
        const found = text.indexOf(value, cursor);
        if (found >= 0) cursor = found;
      }
      const start = cursor;
      cursor += value.length;
      if (k < first) continue;
      if (tags[k] === "SPACE") {
        if (value.includes("\n") && (/\n\s*\n/.test(value) || startsLine(values[k + 1]))) {
          close();
          paragraph++;
        }
        continue;
      }
      current.push({
        text: value,
        lower: value.toLowerCase(),
        lemma: String(lemmas[k] ?? value).toLowerCase(),
        pos: String(tags[k]),
        start,
        end: cursor,
      });
    }
    close();
  }
  return sentences;
}

const startsLine = (next: string | undefined) => next !== undefined && /^[A-Z"“‘'(—-]/.test(next);

function isProse(sentence: string): boolean {
  if (!sentenceEnd.test(sentence)) return false;
  // Lists of teasers ("… Army General Command: … Syrian Army Eliminates…") cut off with ellipses.
  return (sentence.match(/\.\.\.|…/g)?.length ?? 0) < 2;
}
