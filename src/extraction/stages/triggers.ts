// Finds the words that report violent acts (and ceasefire breaches) in a sentence's tokens.
import type { SubEventType } from "../../domain/ontology.js";
import { breachWords, killingWords, type Trigger, triggers } from "../lexicon/triggers.js";
import type { Sentence, Token } from "./sentences.js";

export interface TriggerHit {
  readonly firstToken: number;
  readonly endToken: number;
  readonly trigger: Trigger;
}

interface Entry {
  readonly words: readonly string[];
  readonly trigger: Trigger;
}

const byFirstWord = new Map<string, Entry[]>();
for (const trigger of triggers) {
  for (const phrase of trigger.words) {
    const words = phrase.split(/[\s-]+/);
    const first = words[0] as string;
    const list = byFirstWord.get(first) ?? [];
    list.push({ words, trigger });
    list.sort((a, b) => b.words.length - a.words.length);
    byFirstWord.set(first, list);
  }
}

const isHyphen = (t: Token | undefined) => t !== undefined && /^[-‐‑–]$/.test(t.text);

/** Word tokens of the sentence with hyphens dropped, so "air-strike" and "air strike" read the same. */
function wordsFrom(tokens: readonly Token[], start: number, count: number): { words: string[]; end: number } {
  const words: string[] = [];
  let i = start;
  while (i < tokens.length && words.length < count) {
    const token = tokens[i] as Token;
    if (!isHyphen(token)) words.push(token.lower);
    i++;
  }
  return { words, end: i };
}

export function findTriggers(sentence: Sentence): TriggerHit[] {
  const hits: TriggerHit[] = [];
  const tokens = sentence.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const candidates = byFirstWord.get(token.lower) ?? byFirstWord.get(token.lemma);
    if (!candidates) continue;
    for (const entry of candidates) {
      const { words, end } = wordsFrom(tokens, i, entry.words.length);
      const same = entry.words.every((w, k) => w === words[k] || (k === 0 && w === token.lemma));
      if (!same || isFalseFriend(tokens, i, entry.trigger.subEventType)) continue;
      hits.push({ firstToken: i, endToken: end, trigger: entry.trigger });
      i = end - 1;
      break;
    }
  }
  return hits;
}

/** "ceasefire", "fire station", "hit hard", "strike a deal": trigger words that report no violence here. */
function isFalseFriend(tokens: readonly Token[], i: number, type: SubEventType): boolean {
  const token = tokens[i] as Token;
  const before = tokens[i - 1];
  const before2 = tokens[i - 2];
  const after = tokens[i + 1];
  if (token.lower === "fire" || token.lower === "firing" || token.lower === "fires") {
    if (before?.lower === "cease" || (isHyphen(before) && before2?.lower === "cease")) return true;
    if (after && /^(brigade|station|fighters|fighter|department|service|truck)s?$/.test(after.lower))
      return true;
  }
  if (
    type === "Shelling/artillery/missile attack" &&
    /^(hit|strike|strikes|struck|target|targeted)$/.test(token.lower)
  ) {
    if (
      after &&
      /^(a|the)$/.test(after.lower) &&
      /^(deal|agreement|balance|note|record)$/.test(tokens[i + 2]?.lower ?? "")
    )
      return true;
    if (after && /^(back|hard|out)$/.test(after.lower)) return true;
  }
  if (token.lower === "advance" && before && /^(in|an|the)$/.test(before.lower)) return true;
  // "militias fighting alongside government forces", "fighting positions": whose side, not a battle.
  if (
    token.lower === "fighting" &&
    after &&
    /^(alongside|for|positions?|season|force|forces|units?|age)$/.test(after.lower)
  )
    return true;
  return false;
}

export const isBreachWord = (token: Token): boolean => breachWords.has(token.lower);
export const isKillingWord = (token: Token): boolean =>
  killingWords.has(token.lower) || killingWords.has(token.lemma);
