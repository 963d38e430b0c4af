// Casualty figures and counts read from English news prose ("killing at least 17 people", "no casualties").

import type { Span } from "../../domain/text/span.js";
import { COUNT_NOUNS, HARM_NOUN, isNoun, PERSON, STOP, VAGUE_LOW } from "./numbers/lexicon.js";
import {
  kindOfVerb,
  MONTH,
  MONTH_AFTER,
  NONE,
  NOT_PEOPLE_AFTER,
  QUANTITY,
  SUBSET_BEFORE,
  TOLL_BEFORE,
  VERB_ACTIVE_BEFORE,
  VERB_PASSIVE,
  YEAR_BEFORE,
} from "./numbers/patterns.js";
import { parseNumberWords } from "./numbers/words.js";

export { parseNumberWords };

export type CasualtyKind = "killed" | "injured" | "captured" | "displaced" | "count";
export type CasualtyWho = "civilians" | "children" | "fighters" | "soldiers" | "people" | "other";

export interface CasualtyMention {
  span: Span;
  text: string;
  kind: CasualtyKind;
  /** The figure as stated ("more than 20" → 20, a range → its low end); null for "dozens" or "killed or wounded". */
  value: number | null;
  /** Bounds the phrase implies: "at least 5" → low 5; "nearly 30" → high 30; exact figures set both. */
  low: number | null;
  high: number | null;
  /** Hedged, vague or ranged figure. */
  approximate: boolean;
  who: CasualtyWho | null;
}

interface Figure {
  value: number | null;
  low: number | null;
  high: number | null;
  approximate: boolean;
}

function figureOf(m: RegExpExecArray): Figure | null {
  const hedge = (m[1] ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  if (m[6]) {
    const word = m[6]
      .toLowerCase()
      .replace(/\s+of$/, "")
      .replace(/^a\s+/, "");
    return { value: null, low: VAGUE_LOW[word] ?? null, high: null, approximate: true };
  }
  if (m[7]) return hedge ? null : { value: 1, low: 1, high: 1, approximate: false };
  const a = parseNumberWords(m[2] ?? m[4] ?? "");
  const b = (m[3] ?? m[5]) ? parseNumberWords(m[3] ?? m[5] ?? "") : null;
  if (a === null) return null;
  if (b !== null) {
    if (b <= a) return null; // "one or two" fine; "2-1" is a score, not a range
    return { value: a, low: a, high: b, approximate: true };
  }
  switch (hedge) {
    case "":
    case "a total of":
      return { value: a, low: a, high: a, approximate: false };
    case "at least":
    case "no fewer than":
    case "no less than":
    case "not less than":
      return { value: a, low: a, high: null, approximate: true };
    case "more than":
    case "over":
    case "upwards of":
      return { value: a, low: a + 1, high: null, approximate: true };
    case "at most":
    case "up to":
    case "as many as":
    case "nearly":
    case "almost":
    case "less than":
    case "fewer than":
    case "close to":
      return { value: a, low: null, high: a, approximate: true };
    default:
      return { value: a, low: null, high: null, approximate: true };
  }
}

interface NounPhrase {
  end: number;
  noun: string;
  words: string[];
}

/**
 * Up to three modifiers then a head noun: "four Syrian army soldiers", "14 ceasefire violations". A noun
 * followed by another noun is a modifier of it ("rebel factions", "civilian woman", "people killed").
 */
function nounAfter(text: string, from: number): NounPhrase | null {
  const re = /\s*([A-Za-z\d][A-Za-z\d'’-]*)/y;
  re.lastIndex = from;
  const words: string[] = [];
  let found: NounPhrase | null = null;
  for (let i = 0; i < 5; i++) {
    const m = re.exec(text);
    if (!m?.[1]) break;
    const w = m[1].toLowerCase().replace(/['’]s$/, "");
    if (found && !isNoun(w)) break;
    words.push(w);
    if (isNoun(w)) {
      found = { end: re.lastIndex, noun: w, words: [...words] };
      continue;
    }
    if (i >= 3 || STOP.has(w) || VERB_PASSIVE.test(` ${w}`)) break;
  }
  return found;
}

function whoOf(words: readonly string[]): CasualtyWho | null {
  const head = words[words.length - 1] ?? "";
  const modifiers = words.slice(0, -1);
  if (PERSON[head] === "children") return "children";
  if (modifiers.includes("civilian") || modifiers.includes("family")) return "civilians";
  if (modifiers.some((w) => w === "rebel" || w === "opposition" || w === "militia")) return "fighters";
  if (modifiers.some((w) => w === "army" || w === "military" || w === "government" || w === "police")) {
    if (PERSON[head] === "people" || PERSON[head] === "fighters")
      return PERSON[head] === "fighters" ? "fighters" : "soldiers";
  }
  const who = PERSON[head];
  if (who) return who;
  return modifiers.map((w) => PERSON[w]).find((x) => x !== undefined) ?? null;
}

const mention = (
  text: string,
  start: number,
  end: number,
  kind: CasualtyKind,
  f: Figure,
  who: CasualtyWho | null,
): CasualtyMention => ({ span: { start, end }, text: text.slice(start, end), kind, ...f, who });

/** "12 killed or wounded" is an upper bound on each, a figure for neither. */
function both(
  text: string,
  start: number,
  end: number,
  f: Figure,
  who: CasualtyWho | null,
): CasualtyMention[] {
  const bound = f.high ?? f.value;
  const g: Figure = { value: null, low: null, high: bound, approximate: true };
  return [mention(text, start, end, "killed", g, who), mention(text, start, end, "injured", g, who)];
}

function readQuantity(text: string, m: RegExpExecArray): CasualtyMention[] {
  const start = m.index;
  const qEnd = start + m[0].length;
  const before = text.slice(Math.max(0, start - 60), start);
  const after = text.slice(qEnd, qEnd + 24);
  if (SUBSET_BEFORE.test(before) || /\bno\s+$/i.test(before)) return []; // "17 people including four children": the four are already in the 17
  if (!m[6] && !m[7]) {
    if (NOT_PEOPLE_AFTER.test(after) || MONTH.test(before) || MONTH_AFTER.test(after)) return [];
    const raw = m[2] ?? m[4] ?? "";
    if (/^(?:1[89]|20)\d\d$/.test(raw) && YEAR_BEFORE.test(before)) return [];
  }
  const f = figureOf(m);
  if (!f) return [];
  // Partitives: "one of the soldiers", "five of them".
  const partitive = /\s+of\s+(?:the|its|their|those|them)\b/iy;
  partitive.lastIndex = qEnd;
  const ofEnd = partitive.exec(text) ? partitive.lastIndex : qEnd;
  const np = nounAfter(text, ofEnd);
  if (m[7] && !(np && PERSON[np.noun])) return []; // a lone "a" counts only a person: "a civilian woman was killed"
  const who = np ? whoOf(np.words) : null;
  const phraseEnd = np?.end ?? ofEnd;

  const toll = TOLL_BEFORE.exec(before);
  const active = VERB_ACTIVE_BEFORE.exec(before);
  if (active?.[1] && (!np || !COUNT_NOUNS.has(np.noun))) {
    const s = start - active[0].length;
    if (active[2]) return both(text, s, phraseEnd, f, who);
    return [mention(text, s, phraseEnd, kindOfVerb(active[1]), f, who)];
  }
  if (toll && (!np || HARM_NOUN[np.noun] === "killed" || PERSON[np.noun])) {
    return [mention(text, start - toll[0].length, phraseEnd, "killed", f, who)];
  }
  if (np && HARM_NOUN[np.noun]) {
    const kind = HARM_NOUN[np.noun] ?? "killed";
    return [mention(text, start, phraseEnd, kind, f, whoOf(np.words.slice(0, -1)) ?? null)];
  }
  if (!np || PERSON[np.noun]) {
    // Passive: "two civilians were killed", "17 people, including four children, were killed", "5 killed".
    const tail = text.slice(phraseEnd, phraseEnd + 160);
    const aside =
      /^(?:\s*\([^)]{0,60}\)|\s*,[^,.;]{1,80},|,?\s+and\s+(?:\d|a\b|an\b|one|two|three|four|five|six|seven|eight|nine|ten|dozens|several)[^.;]{0,50}?(?=\s+(?:were|was|have|had)\b))?/i.exec(
        tail,
      );
    const rest = tail.slice(aside?.[0].length ?? 0);
    const v = VERB_PASSIVE.exec(rest);
    if (v?.[1]) {
      const end = phraseEnd + (aside?.[0].length ?? 0) + v[0].length;
      if (v[2]) return both(text, start, end, f, who);
      return [mention(text, start, end, kindOfVerb(v[1]), f, who)];
    }
  }
  if (np && !m[7] && ofEnd === qEnd && (COUNT_NOUNS.has(np.noun) || PERSON[np.noun])) {
    return [mention(text, start, np.end, "count", f, COUNT_NOUNS.has(np.noun) ? null : who)];
  }
  return [];
}

/** Casualty figures ("killed 13 people"), negated harm ("no casualties" → killed 0) and counts, in text order. */
export function findCasualties(text: string): CasualtyMention[] {
  const out: CasualtyMention[] = [];
  NONE.lastIndex = 0;
  for (let m = NONE.exec(text); m; m = NONE.exec(text)) {
    const who = (m[1] ?? m[2]) ? (/civilian/i.test(m[1] ?? m[2] ?? "") ? "civilians" : "soldiers") : null;
    out.push(
      mention(
        text,
        m.index,
        m.index + m[0].length,
        "killed",
        { value: 0, low: 0, high: 0, approximate: false },
        who,
      ),
    );
  }
  QUANTITY.lastIndex = 0;
  for (let m = QUANTITY.exec(text); m; m = QUANTITY.exec(text)) {
    if (m[0].length === 0) {
      QUANTITY.lastIndex++;
      continue;
    }
    const negated = out.some((o) => o.value === 0 && o.span.start <= m.index && m.index < o.span.end);
    if (!negated) out.push(...readQuantity(text, m));
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
