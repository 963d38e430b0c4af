// Place mentions: gazetteer names in the text, minus datelines, minus names inside actors' names.
import type { Span } from "../../domain/text/span.js";
import type { Knowledge, KnownPlace } from "../knowledge.js";
import type { Sentence, Token } from "./sentences.js";

export interface PlaceMention {
  readonly span: Span;
  readonly text: string;
  readonly sentence: number;
  readonly firstToken: number;
  readonly endToken: number;
  /** Candidates best first; the choice among them is made with the article's other places. */
  readonly candidates: readonly KnownPlace[];
}

const articlePrefix = /^(al|el|ad|ar|as|ash|az|an|at|ed|er|es|ez|et|adh|ath|dhi|ibn|abu|bani|beit|bayt|umm)$/;

const canStartPlace = (token: Token): boolean =>
  /^\p{Lu}/u.test(token.text) || articlePrefix.test(token.text);

/**
 * A dateline ("TEHRAN, Iran —", "MOSCOW, April 29. /TASS/.", "BEIRUT (Reuters) -") names where the story was
 * filed, not where anything happened.
 */
export function datelineSpans(text: string): Span[] {
  const spans: Span[] = [];
  const word = "[A-Z][\\p{L}'’.-]+";
  const dateline = new RegExp(
    `(^|\\n)[^\\S\\n]*(?:[—–-]+\\s*)?(?:${word}[^\\S\\n]+\\d{1,2},[^\\S\\n]+\\d{4}[^\\S\\n]+\\((?=[A-Z]))?` + // "March 16, 2018 (JUBA)"
      `(${word}(?:[^\\S\\n]+${word}){0,2})` + // the place
      `(?:,[^\\S\\n]*${word}(?:[^\\S\\n]+\\d{1,2}\\.?)?){0,2}` + // ", Iran" / ", April 29." / ", Syria, Feb 7"
      `[^\\S\\n]*(?:\\([^)\\n]{1,30}\\)|\\/[A-Z]+\\/\\.?)?` + // "(Reuters)" / "/TASS/"
      `\\)?[^\\S\\n]*(?:[—–_]|--|-\\s|\\.\\s*\\/[A-Z]+\\/|(?<=\\))[^\\S\\n]*:)`, // the separator
    "gu",
  );
  for (const m of text.matchAll(dateline)) {
    const start = (m.index ?? 0) + (m[1]?.length ?? 0);
    spans.push({ start, end: (m.index ?? 0) + m[0].length });
  }
  // "October 10, 2019 (JUBA) –": the place in capitals, in brackets after the date line.
  for (const m of text.matchAll(/(^|\n)[^\n]{0,40}?\d{4}[^\S\n]*\(([A-Z][A-Z .'-]+)\)/g)) {
    const end = (m.index ?? 0) + m[0].length;
    spans.push({ start: end - (m[2]?.length ?? 0) - 2, end });
  }
  return spans;
}

export function findPlaces(
  text: string,
  sentences: readonly Sentence[],
  knowledge: Knowledge,
  excluded: readonly Span[],
): PlaceMention[] {
  const mentions: PlaceMention[] = [];
  for (const sentence of sentences) {
    for (const match of knowledge.places.find(text, sentence.tokens, canStartPlace)) {
      if (excluded.some((x) => x.start <= match.span.start && match.span.end <= x.end)) continue;
      if (isPartOfName(sentence.tokens, match.firstToken, match.endToken)) continue;
      mentions.push({
        span: match.span,
        text: match.text,
        sentence: sentence.index,
        firstToken: match.firstToken,
        endToken: match.endToken,
        candidates: [...match.values].sort((a, b) => b.prominence - a.prominence),
      });
    }
  }
  return mentions;
}

const placeFollowers =
  /^(Province|Provinces|Governorate|Countryside|City|District|Oblast|Region|Sector|State|County|Valley|Plain|Mountains?|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)$/;

/** "Aleppo University", "Damascus Declaration", "Syrian Observatory": a capitalised word right after a place. */
function isPartOfName(tokens: readonly Token[], first: number, end: number): boolean {
  const next = tokens[end];
  const nameWords =
    /^(time|University|Declaration|Agreement|Accord|Accords|Process|Talks|Conference|Format|Group|Airlines|Airways|Observatory|Times|Post|Daily|News|Radio|TV|Today|Club|Stadium|Council|Brigade|Brigades|Front|Army|Regiment|Operations|Protocol|Memorandum|Committee|Commission)$/;
  if (next && nameWords.test(next.text)) return true;
  // "Kfar Novel", "Omar Shimali": a capitalised word right after the match means a longer name the gazetteer lacks.
  if (
    next &&
    next.pos === "PROPN" &&
    /^\p{Lu}/u.test(next.text) &&
    !placeFollowers.test(next.text) &&
    end - first === 1
  )
    return true;
  const previous = tokens[first - 1];
  return (
    previous !== undefined &&
    /^(Jaish|Liwa|Jabhat|Harakat|Faylaq|Ahrar|Jund|Ansar|Saraya|Kataib|Katibat)$/.test(previous.text)
  );
}
