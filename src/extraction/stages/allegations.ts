// Allegations: who publicly accuses whom of violating the ceasefire or of a specific attack.
import type { ActorMention } from "./actors.js";
import { type EventMention, isHeldQualifier, isSpeaker } from "./events.js";
import type { Sentence, Token } from "./sentences.js";
import { isBreachWord } from "./triggers.js";

export interface Allegation {
  readonly accuser: string;
  readonly accused: string;
  readonly sentence: number;
}

export interface AllegationContext {
  readonly sentence: Sentence;
  readonly actors: readonly ActorMention[];
  readonly events: readonly EventMention[];
  /** The two parties the article is about, for "both sides accused each other". */
  readonly mainParties: readonly string[];
  /** Who the article last said carried out an act: "the bombardment" in a later sentence refers back to it. */
  readonly recentPerpetrator: string | null;
  /** Whether an actor is a party to a conflict (a state, its forces or an armed group), not a monitor or outlet. */
  readonly isParty: (actorId: string) => boolean;
}

const speechVerbs = /^(said|says|say|told|tells|reported|reports|stated|claimed|announced|added)$/;

const accuseWords = /^(accuse|accused|accuses|accusing|blame|blamed|blames|blaming)$/;
const condemnWords = /^(condemn|condemned|condemns|denounce|denounced|protest|protested|charged)$/;
const mutualMarkers = /^(traded|trade|trading|trades|mutual|exchanged)$/;
/** Actors that may accuse but are never the accused of a ceasefire violation. */
const neverAccused = new Set(["CIV", "OTHER", "UN"]);

export function findAllegations(ctx: AllegationContext): Allegation[] {
  const { sentence, actors } = ctx;
  const tokens = sentence.tokens;
  const found: Allegation[] = [];
  const add = (accuser: string | null | undefined, accused: string | null | undefined) => {
    if (!accuser || !accused || accuser === accused || accuser === "CIV" || neverAccused.has(accused)) return;
    if (!found.some((a) => a.accuser === accuser && a.accused === accused))
      found.push({ accuser, accused, sentence: sentence.index });
  };
  // "government-held areas" names who holds a place, not who speaks or is accused.
  const parties = actors.filter((a) => a.actorId !== "CIV" && !isHeldQualifier(tokens, a));

  const mutualAt = tokens.findIndex(
    (t, i) => mutualMarkers.test(t.lower) || (t.lower === "each" && tokens[i + 1]?.lower === "other"),
  );
  const bothSides = tokens.some(
    (t, i) => /^(both|two)$/.test(t.lower) && /^(sides|parties)$/.test(tokens[i + 1]?.lower ?? ""),
  );
  const talkOfBlame = tokens.some(
    (t) => accuseWords.test(t.lower) || /^(accusations|blame|charges)$/.test(t.lower),
  );
  if ((mutualAt >= 0 && talkOfBlame) || (bothSides && (talkOfBlame || tokens.some(isBreachWord)))) {
    const before = unique(
      parties.filter((a) => a.endToken <= Math.max(mutualAt, 0) || mutualAt < 0).map((a) => a.actorId),
    );
    const pair = before.length >= 2 && !bothSides ? before.slice(-2) : ctx.mainParties.slice(0, 2);
    const [a, b] = pair;
    add(a, b);
    add(b, a);
    return found;
  }

  const accuseAt = tokens.findIndex(
    (t, i) =>
      accuseWords.test(t.lower) ||
      (/^(holds?|held)$/.test(t.lower) && tokens.slice(i + 1, i + 6).some((x) => x.lower === "responsible")),
  );
  if (accuseAt >= 0) {
    const passive = /^(was|were|is|are|been|being)$/.test(tokens[accuseAt - 1]?.lower ?? "");
    // "X, which signed the truce, said … and accused Y": the speaker of the sentence is the accuser.
    const saidAt = tokens.findIndex(
      (t, i) => i < accuseAt && /^(said|says|saying|told|stated)$/.test(t.lower),
    );
    const subject =
      (saidAt >= 0 ? parties.find((a) => a.endToken <= saidAt) : undefined) ??
      nearestBefore(parties, accuseAt, tokens);
    const after = parties.filter((a) => a.firstToken > accuseAt);
    if (passive) add(after.find((a) => tokens[a.firstToken - 1]?.lower === "by")?.actorId, subject?.actorId);
    else add(subject?.actorId, after[0]?.actorId);
    return found;
  }

  // "X said Y violated the truce", "violations by Y, X reported", "X condemned Y's shelling".
  const breachAt = tokens.findIndex(isBreachWord);
  const condemnAt = tokens.findIndex((t) => condemnWords.test(t.lower));
  const speaker =
    parties.find((a) => isSpeaker(tokens, a)) ??
    (condemnAt >= 0 ? nearestBefore(parties, condemnAt, tokens) : undefined);
  if (!speaker?.actorId) return found;
  if (breachAt < 0 && condemnAt < 0) {
    // "Separatists shelled army positions, the Ukrainian military said": a party reporting an attack on its
    // side or on civilians accuses the attacker; a monitor or an outlet reporting it does not.
    if (!ctx.isParty(speaker.actorId)) return found;
    for (const e of ctx.events) {
      if (e.target === null || e.target === "CIV" || e.target === speaker.actorId)
        add(speaker.actorId, e.perpetrator);
    }
    return found;
  }
  const at = breachAt >= 0 ? breachAt : condemnAt;
  const byAgent = parties.find(
    (a) => a.firstToken > at && a.firstToken <= at + 3 && tokens[a.firstToken - 1]?.lower === "by",
  );
  // "… said the bombardment was a clear violation": the violator is whoever the article says bombarded.
  const violator =
    byAgent?.actorId ??
    nearestBefore(parties, at, tokens, speaker.actorId, speaker)?.actorId ??
    ctx.events.find((e) => e.perpetrator !== speaker.actorId)?.perpetrator ??
    ctx.recentPerpetrator ??
    parties.find((a) => a.firstToken > at && a !== speaker)?.actorId;
  add(speaker.actorId, violator);
  return found;
}

function unique(ids: readonly (string | null)[]): string[] {
  return [...new Set(ids.filter((id): id is string => id !== null))];
}

function nearestBefore(
  actors: readonly ActorMention[],
  at: number,
  tokens: readonly Token[],
  not?: string | null,
  speaker?: ActorMention,
): ActorMention | undefined {
  // Words between a speaker and its verb describe the speaker ("Jaish al-Islam, the main rebel faction, said").
  const saidAt = speaker
    ? tokens.findIndex((t, i) => i >= speaker.endToken && speechVerbs.test(t.lower))
    : -1;
  return actors
    .filter(
      (a) =>
        a.endToken <= at &&
        a.actorId !== not &&
        !(speaker && a.firstToken > speaker.firstToken && a.endToken <= saidAt),
    )
    .filter((a) => !/^(on|against|at|with)$/.test(tokens[a.firstToken - 1]?.lower ?? ""))
    .sort((a, b) => b.endToken - a.endToken)[0];
}
