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

const locative = /^(in|at|from|to|across|inside|of|near|around|throughout|into|outside|over)$/;

const verbLike = (token: Token | undefined): boolean =>
  token !== undefined && (token.pos === "VERB" || token.pos === "AUX");

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
      const previous = sentence.tokens[match.firstToken - 1];
      const next2 = sentence.tokens[match.endToken + 1];
      const asSubject =
        verbLike(next) ||
        /^['’]s?$/.test(next?.text ?? "") ||
        (next?.lower === "and" && /^(its|his|their)$/.test(next2?.lower ?? ""));
      if (phrase.how === "metonym" && (locative.test(previous?.lower ?? "") || !asSubject)) continue;
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
