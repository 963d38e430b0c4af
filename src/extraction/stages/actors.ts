// Actor mentions: names, aliases, adjectives, metonyms and people from the actor dictionary.
import type { Span } from "../../domain/text/span.js";
import type { Knowledge, KnownActorPhrase } from "../knowledge.js";
import type { Sentence, Token } from "./sentences.js";

export interface ActorMention {
  readonly span: Span;
  readonly text: string;
  readonly sentence: number;
  readonly firstToken: number;
  readonly endToken: number;
  /** Resolved canonical id; null while a generic phrase waits for the article's country. */
  readonly actorId: string | null;
  readonly how: KnownActorPhrase["how"];
  readonly phrase: KnownActorPhrase;
}

const witnessNameWords =
  /^(Observatory|Observer|Network|Civil|Red|Human|Orthodox|Catholic|Christian|Journalists?|Press|News|Agency|Television|TV|Radio|Post|Telegraph|Times|Daily|Doctors|Medical|Physicians|Relief|American|Writers|Refugees?|Children|Women)$/;

const locative =
  /^(in|at|from|to|across|inside|of|near|around|throughout|into|outside|over|between|towards?|via|reach|reached|entered|left|hit|struck|shelled|bombed)$/;
const placeNouns = /^(countryside|province|governorate|city|suburbs?|outskirts|airport|road|highway|time)$/;

/**
 * A capital is a place where the sentence puts something in it ("in Damascus", "Damascus countryside",
 * "between Aleppo and Damascus"); elsewhere ("Damascus accused Ankara", "Moscow and Ankara traded blame")
 * it speaks for its state.
 */
function isPlaceReading(tokens: readonly Token[], first: number, end: number): boolean {
  if (placeNouns.test(tokens[end]?.lower ?? "")) return true;
  let i = first - 1;
  // "in Homs and Damascus": a coordinated name takes the reading of the first.
  while (i > 0 && /^(and|or|,)$/.test(tokens[i]?.lower ?? "") && /^\p{Lu}/u.test(tokens[i - 1]?.text ?? "")) {
    i -= 2;
    while (i >= 0 && /^\p{Lu}/u.test(tokens[i]?.text ?? "") && !locative.test(tokens[i]?.lower ?? "")) i--;
  }
  const before = tokens[i]?.lower ?? "";
  return locative.test(before) || (before === "the" && locative.test(tokens[i - 1]?.lower ?? ""));
}

export function findActors(
  text: string,
  sentences: readonly Sentence[],
  knowledge: Knowledge,
): ActorMention[] {
  const mentions: ActorMention[] = [];
  for (const sentence of sentences) {
    const matches = [
      ...knowledge.actors.find(text, sentence.tokens),
      ...knowledge.actorAbbreviations.find(text, sentence.tokens),
    ].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
    let reached = 0;
    for (const match of matches) {
      if (match.span.start < reached) continue;
      reached = match.span.end;
      const phrase = pickPhrase(match.values);
      if (!phrase) continue;
      const next = sentence.tokens[match.endToken];
      // A capital named as a place ("in Damascus") is a place; as a subject ("Damascus said") it speaks for a state.
      if (phrase.how === "metonym" && isPlaceReading(sentence.tokens, match.firstToken, match.endToken))
        continue;
      // "Syrian Observatory", "Russian Television": a nationality inside the name of a witness, not a party.
      if (phrase.how === "adjective" && next && witnessNameWords.test(next.text)) continue;
      // "the Army of Conquest", "Forces of the Revolution": a generic word heading a proper name.
      if (
        phrase.how === "generic" &&
        next?.lower === "of" &&
        /^\p{Lu}/u.test(sentence.tokens[match.endToken + 1]?.text ?? "")
      )
        continue;
      mentions.push({
        span: match.span,
        text: match.text,
        sentence: sentence.index,
        firstToken: match.firstToken,
        endToken: match.endToken,
        actorId: phrase.actorId,
        how: phrase.how,
        phrase,
      });
    }
  }
  return dropModifiers(mentions);
}

/** "Syrian rebels", "Russian-backed forces": a nationality before another actor only qualifies it. */
function dropModifiers(mentions: readonly ActorMention[]): ActorMention[] {
  return mentions.filter((mention, i) => {
    const next = mentions[i + 1];
    return !(
      mention.how === "adjective" &&
      next &&
      next.sentence === mention.sentence &&
      next.firstToken === mention.endToken
    );
  });
}

function pickPhrase(values: readonly KnownActorPhrase[]): KnownActorPhrase | undefined {
  const order = ["name", "alias", "person", "generic", "adjective", "metonym"];
  return [...values].sort((a, b) => order.indexOf(a.how) - order.indexOf(b.how))[0];
}

/** Gives generic phrases ("rebels", "the army") the actor they mean in the article's country. */
export function resolveActors(mentions: readonly ActorMention[], country: string | null): ActorMention[] {
  const resolved: ActorMention[] = [];
  for (const mention of mentions) {
    if (mention.phrase.kind === "source") continue;
    if (mention.actorId) {
      resolved.push(mention);
      continue;
    }
    const actorId =
      (country ? mention.phrase.byCountry?.[country] : undefined) ?? mention.phrase.fallback ?? null;
    if (actorId) resolved.push({ ...mention, actorId });
  }
  return resolved;
}
