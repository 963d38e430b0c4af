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
  /** "near Damascus", "on the outskirts of Aleppo": the act was around the place rather than in it. */
  readonly vicinity: boolean;
  /** Whether the mention is a count of ceasefire breaches rather than a described act. */
  readonly breach: boolean;
  /** "the bombardment", "this attack": a mention that refers back to an act already reported. */
  readonly definite: boolean;
  /** The kind of act was read only from words as vague as "strikes hit": the article's other acts may say more. */
  readonly vagueType: boolean;
  readonly triggerToken: number;
}

export interface SentenceParts {
  readonly sentence: Sentence;
  readonly actors: readonly ActorMention[];
  readonly places: readonly PlaceMention[];
  /** Whether an actor is an armed group rather than a state's forces: who takes ground decides the sub-type. */
  readonly isNonState: (actorId: string) => boolean;
}

const targetPrepositions = /^(on|against|at|targeting|toward|towards|into|upon|with|of|near|from)$/;
const speechWords =
  /^(said|says|say|told|tells|reported|reports|stated|claimed|claims|according|announced|added|confirmed)$/;
const heldWords =
  /^(held|controlled|run|dominated|besieged|encircled|affiliated|backed|allied|led|linked|loyal|aligned)$/;
const locatorWords =
  /^(near|outside|around|from|towards?|toward|north|south|east|west|northwest|northeast|southwest|southeast|northern|southern|eastern|western|km|kilometres|kilometers|miles|border|borders|bordering)$/;
const civilianWords =
  /^(civilians?|residents?|people|children|women|families|villagers|worshippers|homes?|houses?|market|hospitals?|school|schools|neighbou?rhoods?|residential|camp|mosque|bakery|convoy)$/;

/** Reads the event mentions of one sentence. */
export function findEvents(parts: SentenceParts): EventMention[] {
  const { sentence } = parts;
  const hits = findTriggers(sentence);
  const breachAt = sentence.tokens.findIndex(isBreachWord);
  const killingAt = sentence.tokens.findIndex(isKillingWord);
  const strong = hits.filter((h) => !h.trigger.weak);
  const places = eventPlaces(sentence.tokens, parts.places);
  if (strong.length === 0 && hits.length > 0 && places.length === 0) return [];
  // A weapon named with no act ("a truck with a machine gun") reports nothing.
  if (hits.length > 0 && hits.every((h) => h.trigger.role === "means") && killingAt < 0) return [];
  // A breach counts as an incident in a bulletin's tally ("14 violations", "breached … 6 times", "in the
  // provinces of"), not in talk of violations in general.
  if (hits.length === 0 && killingAt < 0 && !isTally(sentence.tokens)) return [];
  if (hits.length === 0 && breachAt < 0 && killingAt < 0) return [];

  const actorsHeld = parts.actors.filter((a) => isHeldQualifier(sentence.tokens, a));
  const actors = parts.actors.filter((a) => !actorsHeld.includes(a));
  const anchors = anchorsOf(sentence.tokens, hits);

  const targets = places.length ? places : [null];
  return targets.map((place) => {
    const anchor = nearestAnchor(anchors, place);
    const hit = anchor.hit;
    const breach = anchor.kind === "breach";
    const resolvedType = hit ? resolveSubEventType(hits, hit) : breach ? "Other" : null;
    // The act before the place names the actor even when a weapon named later decides the type.
    const act = actBefore(anchors, place) ?? anchor;
    const perpetrator = breach
      ? findViolator(sentence.tokens, actors, anchor.first, anchor.end)
      : findPerpetrator(sentence.tokens, actors, act.first, act.end);
    const subEventType =
      resolvedType === "Government regains territory" && perpetrator && parts.isNonState(perpetrator)
        ? "Non-state actor overtakes territory"
        : resolvedType;
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
      vicinity: place !== null && isVicinity(sentence.tokens, place),
      breach,
      definite: hit !== null && place !== null && isDefiniteReference(sentence.tokens, hit, place),
      vagueType: hit !== null && hits.every((h) => h.trigger.weak),
      triggerToken: anchor.first,
    };
  });
}

interface Anchor {
  readonly first: number;
  readonly end: number;
  readonly hit: TriggerHit | null;
  readonly kind: "act" | "breach" | "killing";
}

/**
 * What a place can be tied to: the acts named; failing those, the words "violations"/"breaches" (a bulletin's
 * count), and killings reported without their means.
 */
function anchorsOf(tokens: readonly Token[], hits: readonly TriggerHit[]): Anchor[] {
  if (hits.length) return hits.map((h) => ({ first: h.firstToken, end: h.endToken, hit: h, kind: "act" }));
  const anchors: Anchor[] = [];
  tokens.forEach((token, i) => {
    if (isBreachWord(token)) anchors.push({ first: i, end: i + 1, hit: null, kind: "breach" });
    else if (isKillingWord(token)) anchors.push({ first: i, end: i + 1, hit: null, kind: "killing" });
  });
  return anchors;
}

function actBefore(anchors: readonly Anchor[], place: PlaceMention | null): Anchor | undefined {
  if (!place) return undefined;
  return anchors
    .filter((a) => a.hit?.trigger.role === "act" && a.end <= place.firstToken)
    .sort((a, b) => b.end - a.end)[0];
}

function nearestAnchor(anchors: readonly Anchor[], place: PlaceMention | null): Anchor {
  const first = anchors[0] as Anchor;
  if (!place) return first;
  let best = first;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const anchor of anchors) {
    // A trigger before the place is the usual order ("shelled Douma"); one after costs a little more.
    const distance =
      anchor.first <= place.firstToken
        ? place.firstToken - anchor.end
        : (anchor.first - place.endToken) * 1.5;
    if (distance < bestDistance) {
      best = anchor;
      bestDistance = distance;
    }
  }
  return best;
}

/** The means named near an act decide its type: a "rocket attack" is shelling, a "helicopter attack" an air strike. */
function resolveSubEventType(hits: readonly TriggerHit[], hit: TriggerHit): SubEventType {
  const own = hit.trigger.subEventType;
  if (own !== "Air/drone strike" && own !== "Shelling/artillery/missile attack" && own !== "Armed clash")
    return own;
  // "airstrikes on Idlib and shelling of Douma": an act named outright keeps its own kind.
  if (own !== "Armed clash" && !hit.trigger.weak && hit.trigger.role === "act") return own;
  const near = hits.filter((h) => h.firstToken >= hit.firstToken - 6 && h.firstToken <= hit.endToken + 6);
  const named = (t: SubEventType) => near.some((h) => h.trigger.subEventType === t && !h.trigger.weak);
  if (named("Air/drone strike")) return "Air/drone strike";
  if (named("Shelling/artillery/missile attack")) return "Shelling/artillery/missile attack";
  return own;
}

const countWords =
  /^(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens|several|many)$/;

function isTally(tokens: readonly Token[]): boolean {
  return tokens.some((t, i) => {
    const next = tokens[i + 1]?.lower ?? "";
    const next2 = tokens[i + 2]?.lower ?? "";
    if (
      countWords.test(t.lower) &&
      ((isBreachWord(tokens[i + 1] ?? t) && next !== t.lower) ||
        next === "times" ||
        (next === "ceasefire" && isBreachWord(tokens[i + 2] ?? t)))
    )
      return true;
    if (t.lower === "provinces" && next === "of") return true;
    return t.text === "(" && countWords.test(next) && tokens[i + 2]?.text === ")" && next2 !== "";
  });
}

/** "the bombardment was a violation" refers back; "the shelling of Douma" introduces its place. */
function isDefiniteReference(tokens: readonly Token[], hit: TriggerHit, place: PlaceMention): boolean {
  const first = tokens[hit.firstToken];
  if (first?.pos !== "NOUN") return false;
  // "the shelling of Umm Jalal" names the act's place; "the attacks in Ghouta are …" points back to it.
  const of = tokens.slice(hit.endToken, place.firstToken).some((t) => t.lower === "of");
  if (of && place.firstToken >= hit.endToken && place.firstToken - hit.endToken <= 4) return false;
  for (let i = hit.firstToken - 1; i >= Math.max(0, hit.firstToken - 3); i--) {
    const word = tokens[i]?.lower ?? "";
    if (/^(the|this|these|its|their)$/.test(word)) return true;
    if (tokens[i]?.pos !== "ADJ" && tokens[i]?.pos !== "NOUN" && tokens[i]?.pos !== "PROPN") return false;
  }
  return false;
}

/** "rebel-held", "government-controlled", "held by the opposition": who holds a place, not who acts. */
export function isHeldQualifier(tokens: readonly Token[], actor: ActorMention): boolean {
  const after = tokens[actor.endToken];
  const after2 = tokens[actor.endToken + 1];
  if (after && /^[-‐‑]$/.test(after.text) && after2 && heldWords.test(after2.lower)) return true;
  if (after?.text.startsWith("-") && heldWords.test(after.lower.slice(1))) return true;
  const before = tokens[actor.firstToken - 1];
  const before2 = tokens[actor.firstToken - 2];
  return before?.lower === "by" && before2 !== undefined && heldWords.test(before2.lower);
}

/** "Turkey said", "the Turkish Defence Ministry reported", "according to Russian officers": a voice, not an agent. */
export function isSpeaker(tokens: readonly Token[], actor: ActorMention): boolean {
  const before = tokens[actor.firstToken - 1];
  const before2 = tokens[actor.firstToken - 2];
  if (before?.lower === "to" && before2?.lower === "according") return true;
  let from = actor.endToken;
  // "Jaish al-Islam, the main rebel faction in Douma, said": step over an apposition.
  if (tokens[from]?.text === ",") {
    const close = tokens.findIndex((t, i) => i > from && i <= from + 12 && t.text === ",");
    if (close > 0) from = close + 1;
  }
  for (let i = from; i < Math.min(tokens.length, from + 4); i++) {
    const token = tokens[i] as Token;
    if (speechWords.test(token.lower)) return true;
    if (token.pos !== "NOUN" && token.pos !== "PROPN" && token.pos !== "ADJ") return false;
  }
  return false;
}

const isTargetLike = (id: string | null) => id === "CIV";

function findPerpetrator(
  tokens: readonly Token[],
  actors: readonly ActorMention[],
  first: number,
  end: number,
): string | null {
  // "clashes between rebels and government forces": the side named first is taken as the one that acted.
  const between = tokens.findIndex((t, i) => i >= end && i <= end + 8 && t.lower === "between");
  if (between >= 0) {
    const side = actors.find(
      (a) => a.firstToken > between && a.firstToken <= between + 4 && !isTargetLike(a.actorId),
    );
    if (side) return side.actorId;
  }
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
  if (inside) return inside.actorId;
  // "…, accusing Russian warplanes of carrying out the raids": the accused is the alleged perpetrator.
  const accused = actors.find((a) =>
    /^(accusing|accused|blaming|blamed)$/.test(tokens[a.firstToken - 1]?.lower ?? ""),
  );
  return accused?.actorId ?? null;
}

/** Who a count of breaches is charged to: "violations by X", "X violated", "X's breaches"; never a guess. */
function findViolator(
  tokens: readonly Token[],
  actors: readonly ActorMention[],
  first: number,
  end: number,
): string | null {
  if (tokens[end]?.lower === "by") {
    const agent = actors.find((a) => a.firstToken > end && a.firstToken <= end + 3);
    if (agent) return agent.actorId;
  }
  const subject = actors.find(
    (a) =>
      a.endToken <= first &&
      first - a.endToken <= 3 &&
      tokens
        .slice(a.endToken, first)
        .every((t) => /^(has|have|had|'s|’s|repeatedly|again|also|reportedly)$/.test(t.lower)),
  );
  return subject?.actorId ?? null;
}

function findTarget(
  tokens: readonly Token[],
  actors: readonly ActorMention[],
  held: readonly ActorMention[],
  end: number,
  perpetrator: string | null,
): string | null {
  const after = actors
    .filter((a) => a.firstToken >= end && a.firstToken <= end + 12 && a.actorId !== perpetrator)
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
    const narrower = located.filter((o) => o !== place && isNarrower(o.candidates[0], best));
    if (
      isProvince(tokens, place) &&
      located.some((o) => o !== place && o.candidates[0]?.admin1 === best.admin1 && !isProvince(tokens, o))
    )
      return false;
    const lead = tokens[place.firstToken - 1]?.lower ?? "";
    const lead2 = tokens[place.firstToken - 2]?.lower ?? "";
    const previous = located[i - 1];
    // "Douma in the Eastern Ghouta", "al-Foua, Idlib": a broader place right after a narrower one locates it.
    if (previous && narrower.includes(previous) && place.firstToken - previous.endToken <= 4) return false;
    // "Barada valley, northwest of Damascus", "east of Aleppo, around al-Bab": a landmark that locates another.
    const another = previous !== undefined;
    if (another && (locatorWords.test(lead) || (lead === "of" && locatorWords.test(lead2)))) return false;
    // "rockets launched from the countryside of Aleppo", "fighters from Idlib": where the act came from.
    if (tokens.slice(Math.max(0, place.firstToken - 6), place.firstToken).some((t) => t.lower === "from"))
      return false;
    // "the army spokesman in Jammu said", "a spokesman of the civil defence in Khan Shaykhun": where a voice
    // sits, not where the act was.
    const described = tokens.slice(Math.max(0, place.firstToken - 6), place.firstToken);
    if (described.some((t) => speakerNouns.test(t.lower)) && described.every((t) => t.pos !== "VERB"))
      return false;
    if (
      /^(spokesman|spokesperson|spokeswoman|official|officials|correspondent|reporter|based|headquartered|office|bureau|officer)$/.test(
        lead2,
      ) &&
      lead === "in"
    )
      return false;
    // "Ein al-Fijeh, which supplies Damascus": a place in a clause that describes an earlier one.
    if (
      previous &&
      tokens
        .slice(previous.endToken, place.firstToken)
        .some((t) => /^(which|that|where|whose)$/.test(t.lower))
    )
      return false;
    return true;
  });
}

const speakerNouns = /^(spokesman|spokesperson|spokeswoman|correspondent|reporter)$/;

const vicinityWords =
  /^(near|outside|around|outskirts|suburbs|suburb|countryside|vicinity|edge|edges|environs|north|south|east|west|northwest|northeast|southwest|southeast)$/;

function isVicinity(tokens: readonly Token[], place: PlaceMention): boolean {
  for (let i = place.firstToken - 1; i >= Math.max(0, place.firstToken - 3); i--) {
    if (vicinityWords.test(tokens[i]?.lower ?? "")) return true;
  }
  return false;
}

const provinceWords = /^(province|provinces|governorate|countryside|oblast|region|state|countrysides)$/;

/** "Hama province", "rural Idlib", "Idlib's countryside": the governorate, not its capital town. */
export function isProvince(tokens: readonly Token[], place: PlaceMention): boolean {
  const best = place.candidates[0];
  if (!best) return false;
  if (best.kind === "governorate") return true;
  const hasGovernorate = place.candidates.some((c) => c.kind === "governorate" && c.admin1 === best.admin1);
  if (!hasGovernorate) return false;
  const next = tokens[place.endToken]?.lower ?? "";
  const next2 = tokens[place.endToken + 1]?.lower ?? "";
  const before = tokens[place.firstToken - 1]?.lower ?? "";
  return (
    provinceWords.test(next) ||
    ((next === "'s" || next === "’s") && provinceWords.test(next2)) ||
    /^(rural|provinces?)$/.test(before) ||
    (before === "of" && /^provinces?$/.test(tokens[place.firstToken - 2]?.lower ?? ""))
  );
}

const breadth: Readonly<Record<string, number>> = {
  country: 9,
  governorate: 8,
  region: 7,
  district: 6,
  area: 5,
  frontline: 5,
  town: 3,
  village: 2,
  neighbourhood: 1,
  facility: 1,
};

function isNarrower(
  a: PlaceMention["candidates"][number] | undefined,
  b: PlaceMention["candidates"][number],
): boolean {
  if (!a || (a.admin1 !== b.admin1 && !(b.admin1s ?? []).includes(a.admin1 ?? ""))) return false;
  return (breadth[a.kind] ?? 5) < (breadth[b.kind] ?? 5);
}
