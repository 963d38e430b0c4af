// Allegations: who publicly accuses whom of violating the ceasefire or of a specific attack.
import type { ActorMention } from "./actors.js";
import type { EventMention } from "./events.js";
import type { Sentence, Token } from "./sentences.js";
import { isBreachWord } from "./triggers.js";

export interface Allegation {
  readonly accuser: string;
  readonly accused: string;
  readonly sentence: number;
}

const accuseWords = /^(accuse|accused|accuses|accusing|accusation|accusations|blame|blamed|blames|blaming|held|hold|holds|condemn|condemned|condemns|protest|protested)$/;
const speechWords =
  /^(said|says|say|told|tells|reported|reports|stated|claimed|claims|announced|added|insisted|alleged|alleges|charged|registered|recorded|noted|confirmed|warned|denounced)$/;
const mutualWords = /^(each|other|traded|trade|trading|mutual|both)$/;
const nonParties = new Set(["CIV", "OTHER"]);

export interface AllegationContext {
  readonly sentence: Sentence;
  readonly actors: readonly ActorMention[];
  readonly events: readonly EventMention[];
  /** The two parties most named in the article, for "both sides accused each other". */
  readonly mainParties: readonly string[];
}

export function findAllegations(ctx: AllegationContext): Allegation[] {
  const { sentence, actors } = ctx;
  const tokens = sentence.tokens;
  const found: Allegation[] = [];
  const add = (accuser: string | null, accused: string | null) => {
    if (!accuser || !accused || accuser === accused || accused === "CIV" || accuser === "CIV") return;
    if (!found.some((a) => a.accuser === accuser && a.accused === accused))
      found.push({ accuser, accused, sentence: sentence.index });
  };
  const accuseAt = tokens.findIndex((t) => accuseWords.test(t.lower));
  const mutual = tokens.some((t) => t.lower === "traded" || t.lower === "mutual") ||
    tokens.some((t, i) => t.lower === "each" && tokens[i + 1]?.lower === "other");
  const violationTalk = tokens.some(isBreachWord) || ctx.events.length > 0;

  if (mutual && (accuseAt >= 0 || tokens.some((t) => /^(blame|accusations|charges|claims)$/.test(t.lower)))) {
    const named = unique(actors.filter((a) => !nonParties.has(a.actorId ?? "")).map((a) => a.actorId));
    const pair = named.length >= 2 ? named.slice(0, 2) : ctx.mainParties.slice(0, 2);
    const [a, b] = pair;
    if (a && b) {
      add(a, b);
      add(b, a);
    }
    return found;
  }
  if (accuseAt >= 0 && (violationTalk || /^accus/.test(tokens[accuseAt]?.lower ?? ""))) {
    const subject = nearestBefore(actors, accuseAt, tokens);
    const object = actors.find((a) => a.firstToken > accuseAt && !nonParties.has(a.actorId ?? ""));
    const passiveAgent = actors.find((a) => a.firstToken > accuseAt && tokens[a.firstToken - 1]?.lower === "by");
    if (isPassive(tokens, accuseAt) && passiveAgent) add(passiveAgent.actorId, subject?.actorId ?? null);
    else add(subject?.actorId ?? null, object?.actorId ?? subjectOfEvents(ctx.events, subject?.actorId));
    return found;
  }
  if (!violationTalk) return found;
  const speaker = findSpeaker(tokens, actors);
  if (!speaker) return found;
  for (const event of ctx.events) add(speaker, event.perpetrator);
  const breachAt = tokens.findIndex(isBreachWord);
  if (breachAt >= 0) {
    const violator = nearestBefore(actors, breachAt, tokens, speaker);
    const byAgent = actors.find((a) => a.firstToken > breachAt && tokens[a.firstToken - 1]?.lower === "by");
    add(speaker, byAgent?.actorId ?? violator?.actorId ?? null);
  }
  return found;
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function isPassive(tokens: readonly Token[], at: number): boolean {
  const before = tokens[at - 1]?.lower ?? "";
  return /^(was|were|is|are|been|being)$/.test(before);
}

function nearestBefore(
  actors: readonly ActorMention[],
  at: number,
  tokens: readonly Token[],
  not?: string,
): ActorMention | undefined {
  return actors
    .filter((a) => a.endToken <= at && a.actorId !== not && !nonParties.has(a.actorId ?? ""))
    .filter((a) => !/^(on|against|at|of|with)$/.test(tokens[a.firstToken - 1]?.lower ?? ""))
    .sort((a, b) => b.endToken - a.endToken)[0];
}

function subjectOfEvents(events: readonly EventMention[], not: string | null | undefined): string | null {
  return events.find((e) => e.perpetrator && e.perpetrator !== not)?.perpetrator ?? null;
}

/** The actor a statement is attributed to: "X said", "according to X", "X's defence ministry reported". */
function findSpeaker(tokens: readonly Token[], actors: readonly ActorMention[]): string | null {
  for (const actor of actors) {
    if (nonParties.has(actor.actorId ?? "") && actor.actorId !== "OTHER") continue;
    const before = tokens[actor.firstToken - 1]?.lower;
    const before2 = tokens[actor.firstToken - 2]?.lower;
    if (before === "to" && before2 === "according") return actor.actorId;
    for (let i = actor.endToken; i < Math.min(tokens.length, actor.endToken + 4); i++) {
      const word = tokens[i]?.lower ?? "";
      if (speechWords.test(word)) return actor.actorId;
      if (tokens[i]?.pos === "VERB") break;
    }
  }
  return null;
}

export const isMutualWord = (word: string): boolean => mutualWords.test(word);
