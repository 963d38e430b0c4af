// Sentences and tokens with part of speech and character spans, read by wink-nlp's English model.

import model from "wink-eng-lite-web-model";
import winkNLP, { type ItemSentence, type ItemToken } from "wink-nlp";
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

const nlp = winkNLP(model, ["sbd", "pos"]);
const its = nlp.its;

// wink-nlp's type declarations give `its.lemma` a signature `out()` does not accept, though it works at run time.
const readLemma = its.lemma as unknown as Parameters<ItemToken["out"]>[0];
const lemmaOf = (t: ItemToken): string => String(t.out(readLemma)).toLowerCase();

/**
 * Splits text into sentences and tokens. Paragraph breaks also end sentences, because headlines,
 * datelines and list items often carry no final full stop.
 */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of paragraphs(text)) splitBlock(text, block, sentences);
  return sentences;
}

interface Block {
  readonly start: number;
  readonly end: number;
  readonly paragraph: number;
}

function paragraphs(text: string): Block[] {
  const blocks: Block[] = [];
  const lineBreak = /\n\s*\n|\n(?=\s*[A-Z"“‘'(—-])/g;
  let start = 0;
  let paragraph = 0;
  for (const match of text.matchAll(lineBreak)) {
    const end = match.index ?? 0;
    if (text.slice(start, end).trim()) blocks.push({ start, end, paragraph: paragraph++ });
    start = end + match[0].length;
  }
  if (text.slice(start).trim()) blocks.push({ start, end: text.length, paragraph });
  return blocks;
}

function splitBlock(text: string, block: Block, out: Sentence[]): void {
  const blockText = text.slice(block.start, block.end);
  const doc = nlp.readDoc(blockText);
  const tokens: Token[] = [];
  let cursor = 0;
  doc.tokens().each((t: ItemToken) => {
    const value = t.out();
    cursor += t.out(its.precedingSpaces).length;
    // wink keeps the text losslessly; if it ever normalised a token, find it rather than drift.
    if (blockText.startsWith(value, cursor) === false) {
      const found = blockText.indexOf(value, cursor);
      if (found >= 0) cursor = found;
    }
    const start = block.start + cursor;
    cursor += value.length;
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      lemma: lemmaOf(t),
      pos: String(t.out(its.pos)),
      start,
      end: start + value.length,
    });
  });
  doc.sentences().each((s: ItemSentence) => {
    const [first, last] = s.out(its.span) as unknown as [number, number];
    const sentenceTokens = tokens.slice(first, last + 1);
    const head = sentenceTokens[0];
    const tail = sentenceTokens[sentenceTokens.length - 1];
    if (!head || !tail) return;
    out.push({
      index: out.length,
      span: { start: head.start, end: tail.end },
      text: text.slice(head.start, tail.end),
      tokens: sentenceTokens,
      paragraph: block.paragraph,
      prose: isProse(text.slice(head.start, tail.end)),
    });
  });
}

function isProse(sentence: string): boolean {
  if (!sentenceEnd.test(sentence)) return false;
  // Lists of teasers ("… Army General Command: … Syrian Army Eliminates…") cut off with ellipses.
  return (sentence.match(/\.\.\.|…/g)?.length ?? 0) < 2;
}
