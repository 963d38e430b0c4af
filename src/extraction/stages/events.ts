// Event mentions: who did what to whom, where, read from one sentence's triggers, actors and places.
import { type EventType, eventTypeOf, type SubEventType } from "../../domain/ontology.js";
import type { Span } from "../../domain/text/span.js";
import type { ActorMention } from "./actors.js";
import type { PlaceMention } from "./places.js";
import type { Sentence, Token } from "./sentences.js";
import { findTriggers, isBreachWord, isKillingWord, type TriggerHit } from "./triggers.js";

export interface EventMention {
  readonly sentence: number;
  /** The trigger's span; the sentence's span is the evidence. */
  readonly span: Span;
  readonly trigger: string;
  /** Null when only a killing is reported: the type then comes from the events around it. */
  readonly eventType: EventType | null;
  readonly subEventType: SubEventType | null;
  readonly perpetrator: string | null;
  readonly target: string | null;
  readonly place: PlaceMention | null;
  /** Whether the mention is a count of ceasefire breaches rather than a described act. */
  readonly breach: boolean;
  readonly triggerToken: number;
}

export interface SentenceParts {
  readonly sentence: Sentence;
  readonly actors: readonly ActorMention[];
  readonly places: readonly PlaceMention[];
}

const targetPrepositions = /^(on|against|at|targeting|toward|towards|into|upon|with|of|near)$/;
const speechWords = /^(said|says|say|told|tells|reported|reports|stated|claimed|claims|according|announced|added|confirmed)$/;
const heldWords = /^(held|controlled|run|dominated|besieged|encircled|affiliated|backed|allied|led|linked|loyal|aligned)$/;
const locatorWords = /^(near|outside|from|towards?|toward|of|north|south|east|west|northwest|northeast|southwest|southeast|northern|southern|eastern|western|km|kilometres|kilometers|miles|border|borders|bordering)$/;
const civilianWords = /^(civilians?|residents?|people|children|women|families|villagers|worshippers|homes?|houses?|market|hospitals?|school|schools|neighbou?rhoods?|residential|camp|mosque|bakery|convoy)$/;

/** Reads the event mentions of one sentence. */
export function findEvents(parts: SentenceParts): EventMention[] {
  const { sentence } = parts;
  const hits = findTriggers(sentence);
  const breachAt = sentence.tokens.findIndex(isBreachWord);
  const killingAt = sentence.tokens.findIndex(isKillingWord);
  const strong = hits.filter((h) => !h.trigger.weak);
  const places = eventPlaces(sentence.tokens, parts.places);
  if (strong.length === 0 && hits.length > 0 && places.length === 0) return [];
  if (hits.length === 0 && breachAt < 0 && killingAt < 0) return [];

  const actorsHeld = parts.actors.filter((a) => isHeldQualifier(sentence.tokens, a));
  const actors = parts.actors.filter((a) => !actorsHeld.includes(a));
  const anchors: Anchor[] = hits.length
    ? hits.map((h) => ({ first: h.firstToken, end: h.endToken, hit: h }))
    : [{ first: killingAt >= 0 ? killingAt : breachAt, end: (killingAt >= 0 ? killingAt : breachAt) + 1, hit: null }];

  const targets = places.length ? places : [null];
  return targets.map((place) => {
    const anchor = nearestAnchor(anchors, place);
    const hit = anchor.hit;
    const subEventType = hit ? resolveSubEventType(hits, hit) : killingAt < 0 && breachAt >= 0 ? "Other" : null;
    const perpetrator = findPerpetrator(sentence.tokens, actors, anchor.first, anchor.end);
    const token = sentence.tokens[anchor.first] as Token;
    return {
      sentence: sentence.index,
      span: { start: token.start, end: (sentence.tokens[anchor.end - 1] as Token).end },
      trigger: token.text,
      eventType: subEventType ? eventTypeOf(subEventType) : null,
      subEventType: subEventType,
      perpetrator,
      target: findTarget(sentence.tokens, actors, actorsHeld, anchor.end, perpetrator),
      place,
      breach: hit === null && killingAt < 0,
      triggerToken: anchor.first,
    };
  });
}

interface Anchor {
  readonly first: number;
  readonly end: number;
  readonly hit: TriggerHit | null;
}

function nearestAnchor(anchors: readonly Anchor[], place: PlaceMention | null): Anchor {
  const first = anchors[0] as Anchor;
  if (!place) return first;
  let best = first;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const anchor of anchors) {
    // A trigger before the place is the usual order ("shelled Douma"); one after costs a little more.
    const distance = anchor.first <= place.firstToken ? place.firstToken - anchor.end : (anchor.first - place.endToken) * 1.5;
    if (distance < bestDistance) {
      best = anchor;
      bestDistance = distance;
    }
  }
  return best;
}

/** The means named near an act decide its type: a "rocket attack" is shelling, a "helicopter attack" an air strike. */
function resolveSubEventType(hits: readonly TriggerHit[], hit: TriggerHit): SubEventType {
  const near = hits.filter((h) => h.firstToken >= hit.firstToken - 6 && h.firstToken <= hit.endToken + 6);
  const types = near.map((h) => h.trigger.subEventType);
  const own = hit.trigger.subEventType;
  const specific = (t: SubEventType) =>
    near.some((h) => h.trigger.subEventType === t && (!h.trigger.weak || h === hit));
  if (own === "Disrupted weapons use" || own === "Chemical weapon" || own === "Suicide bomb") return own;
  if (own === "Remote explosive/landmine/IED" || own === "Abduction/forced disappearance") return own;
  if (specific("Air/drone strike")) return "Air/drone strike";
  if (specific("Shelling/artillery/missile attack")) return "Shelling/artillery/missile attack";
  if (own === "Government regains territory" || own === "Armed clash") return own;
  if (types.includes("Air/drone strike")) return "Air/drone strike";
  return own;
}

/** "rebel-held", "government-controlled", "held by the opposition": who holds a place, not who acts. */
function isHeldQualifier(tokens: readonly Token[], actor: ActorMention): boolean {
  const after = tokens[actor.endToken];
  const after2 = tokens[actor.endToken + 1];
  if (after && /^[-‐‑]$/.test(after.text) && after2 && heldWords.test(after2.lower)) return true;
  if (after && heldWords.test(after.lower.replace(/^-/, ""))) return true;
  const before = tokens[actor.firstToken - 1];
  const before2 = tokens[actor.firstToken - 2];
  return before?.lower === "by" && before2 !== undefined && heldWords.test(before2.lower);
}

function isSpeaker(tokens: readonly Token[], actor: ActorMention): boolean {
  const after = tokens[actor.endToken];
  const before = tokens[actor.firstToken - 1];
  const before2 = tokens[actor.firstToken - 2];
  if (after && speechWords.test(after.lower)) return true;
  return before?.lower === "to" && before2?.lower === "according";
}

const isTargetLike = (id: string | null) => id === "CIV";

function findPerpetrator(
  tokens: readonly Token[],
  actors: readonly ActorMention[],
  first: number,
  end: number,
): string | null {
  // Passive voice: "shelled by government forces", "killed in strikes by Russian jets".
  for (let i = end; i < Math.min(tokens.length, end + 8); i++) {
    if (tokens[i]?.lower !== "by") continue;
    const agent = actors.find((a) => a.firstToken > i && a.firstToken <= i + 3 && !isTargetLike(a.actorId));
    if (agent) return agent.actorId;
    break;
  }
  // Active voice or a modifier: the nearest actor before the act, unless it is a target or a speaker.
  const before = actors
    .filter((a) => a.endToken <= first && !isTargetLike(a.actorId) && !isSpeaker(tokens, a))
    .filter((a) => !targetPrepositions.test(tokens[a.firstToken - 1]?.lower ?? ""))
    .sort((a, b) => b.endToken - a.endToken);
  if (before[0]) return before[0].actorId;
  // An act named before its actor: "the shelling, carried out by regime forces".
  const inside = actors.find((a) => a.firstToken >= first && a.endToken <= end && !isTargetLike(a.actorId));
  return inside?.actorId ?? null;
}

function findTarget(
  tokens: readonly Token[],
  actors: readonly ActorMention[],
  held: readonly ActorMention[],
  end: number,
  perpetrator: string | null,
): string | null {
  const after = actors
    .filter((a) => a.firstToken >= end && a.firstToken <= end + 10 && a.actorId !== perpetrator)
    .sort((a, b) => a.firstToken - b.firstToken);
  const object = after.find(
    (a) => targetPrepositions.test(tokens[a.firstToken - 1]?.lower ?? "") || a.firstToken <= end + 2,
  );
  if (object && !isSpeaker(tokens, object)) return object.actorId;
  for (let i = end; i < Math.min(tokens.length, end + 12); i++) {
    if (civilianWords.test(tokens[i]?.lower ?? "")) return "CIV";
  }
  const holder = held.find((a) => a.actorId !== perpetrator);
  return holder?.actorId ?? null;
}

/**
 * Places where the event happened: not countries, not a governorate named only to locate a town in it
 * ("Kafr Zita in Hama"), not a landmark named only to locate another ("Barada valley near Damascus").
 */
export function eventPlaces(tokens: readonly Token[], places: readonly PlaceMention[]): PlaceMention[] {
  const located = places.filter((p) => p.candidates[0]?.kind !== "country");
  return located.filter((place, i) => {
    const best = place.candidates[0];
    if (!best) return false;
    const others = located.filter((o) => o !== place);
    const broad = best.kind === "governorate" || best.kind === "region";
    if (broad && others.some((o) => o.candidates[0]?.admin1 === best.admin1 && o.candidates[0]?.kind !== "governorate"))
      return false;
    const previous = located[i - 1];
    const lead = tokens[place.firstToken - 1]?.lower ?? "";
    const lead2 = tokens[place.firstToken - 2]?.lower ?? "";
    if (previous && place.firstToken - previous.endToken <= 6 && (locatorWords.test(lead) || locatorWords.test(lead2)))
      return lead === "of" ? locatorWords.test(lead2) === false : false;
    return true;
  });
}
