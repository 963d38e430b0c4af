// The reading pipeline: an article's text in, its incidents and allegations out, each stage small and pure.

import { classify } from "../domain/agreement/classify.js";
import type { Agreement } from "../domain/agreement/schema.js";
import type { Article } from "../domain/article.js";
import type { Span } from "../domain/text/span.js";
import type { Knowledge, KnownPlace } from "./knowledge.js";
import type { ArticleReport, ExtractedAllegation, ExtractedIncident } from "./report.js";
import { type ActorMention, findActors, resolveActors } from "./stages/actors.js";
import { findAllegations } from "./stages/allegations.js";
import { cleanText } from "./stages/clean.js";
import { type DateMention, findDates } from "./stages/dates.js";
import { type EventMention, findEvents } from "./stages/events.js";
import { assembleIncidents, type DatedValue, type EventRecord } from "./stages/incidents.js";
import { modalityOf } from "./stages/modality.js";
import { type CasualtyMention, findCasualties } from "./stages/numbers.js";
import { datelineSpans, findPlaces, type PlaceMention } from "./stages/places.js";
import {
  daysBetween,
  type ReferenceDate,
  referenceFromPublished,
  referenceFromText,
} from "./stages/reference-date.js";
import { type Sentence, splitSentences, type Token } from "./stages/sentences.js";
import { isKillingWord } from "./stages/triggers.js";

export interface ExtractionContext {
  readonly knowledge: Knowledge;
  readonly agreements: readonly Agreement[];
}

/** Events older than this before publication are background, not incidents (the annotation guide's window). */
const MAX_AGE_DAYS = 31;

export function extractArticle(
  article: Pick<Article, "doc" | "title" | "published" | "text">,
  ctx: ExtractionContext,
): ArticleReport {
  const { text } = cleanText(article.text);
  const sentences = splitSentences(text);
  const published = referenceFromPublished(article.published);
  const reference = published ?? referenceFromText(text);
  const datelines = datelineSpans(text);
  // "BEIRUT, Feb 14 —" dates the filing, not the events.
  const dates = findDates(text, reference).filter(
    (d) => !datelines.some((s) => d.span.start >= s.start && d.span.start < s.end),
  );
  const casualties = findCasualties(text);

  const rawActors = findActors(text, sentences, ctx.knowledge);
  const excluded: Span[] = [...datelines, ...rawActors.map((a) => a.span)];
  const placeMentions = findPlaces(text, sentences, ctx.knowledge, excluded);
  const country = dominantCountry(placeMentions);
  const actors = resolveActors(rawActors, country);
  const places = choosePlaces(placeMentions, country).filter((p) => isHome(p, country, sentences));

  const bySentence = <T extends { sentence: number }>(items: readonly T[], i: number) =>
    items.filter((x) => x.sentence === i);
  const inSentence = <T extends { span: Span }>(items: readonly T[], s: Sentence) =>
    items.filter((x) => x.span.start >= s.span.start && x.span.end <= s.span.end);

  const isNonState = (id: string) => ctx.knowledge.actorKind(id) === "armed_group";
  const records: EventRecord[] = [];
  const eventsBySentence = new Map<number, EventMention[]>();
  let currentDate: DatedValue | null = null;
  for (const sentence of sentences) {
    const sentenceDates = inSentence(dates, sentence).filter((d) => d.date !== null && d.kind !== "since");
    const events = sentence.prose
      ? findEvents({
          sentence,
          actors: bySentence(actors, sentence.index),
          places: bySentence(places, sentence.index),
          isNonState,
        })
      : [];
    const kept = events.filter(
      (e) =>
        modalityOf(sentence, e.triggerToken) === "asserted" &&
        !(isPerfect(sentence, e.triggerToken) && sentenceDates.length === 0),
    );
    eventsBySentence.set(sentence.index, kept);
    const sentenceCasualties = inSentence(casualties, sentence);
    if (kept.length === 0) carryCasualties(records, sentence, sentenceCasualties);
    for (const event of kept) {
      const when = nearestDate(sentenceDates, event.span, sentence) ?? currentDate ?? undatedFrom(reference);
      if (when.date && reference && daysBetween(when.date, reference.date) > MAX_AGE_DAYS) continue;
      if (when.date && reference && daysBetween(reference.date, when.date) > 1) continue;
      const named = event.place?.candidates[0];
      if (!event.place || !named) continue;
      const place =
        event.vicinity && named.environs
          ? { ...named, admin1: named.environs, kind: "area" as const }
          : named;
      // The guide's incident has a place at least at admin1 level: "the Line of Control" or "Donbas" alone is not one.
      if (!place.admin1) continue;
      records.push({
        event,
        place,
        placeText: event.place.text,
        when,
        killed: killedNear(sentenceCasualties, event, kept),
        evidence: { span: sentence.span, text: sentence.text },
        paragraph: sentence.paragraph,
      });
    }
    // Only a sentence that reports an act moves the story's date, to the date told nearest that act:
    // background dates ("the truce that took effect on December 30") do not.
    const act = kept.find((e) => !e.definite);
    const stated = act ? nearestDate(sentenceDates, act.span, sentence) : null;
    if (stated) currentDate = stated;
  }

  const incidents = assembleIncidents(records).map((draft): ExtractedIncident => {
    const classification = classify(ctx.agreements, {
      date: draft.when.date,
      country: draft.place.country,
      admin1: draft.place.admin1,
      lon: draft.place.lon ?? undefined,
      lat: draft.place.lat ?? undefined,
      eventType: draft.eventType,
      subEventType: draft.subEventType,
      perpetrator: draft.perpetrator,
      target: draft.target,
    });
    return {
      date: draft.when.date,
      dateEnd: draft.when.end,
      datePrecision: draft.when.precision,
      country: draft.place.country,
      admin1: draft.place.admin1,
      location: draft.location,
      lat: draft.place.lat,
      lon: draft.place.lon,
      geoPrecision: draft.geoPrecision,
      eventType: draft.eventType,
      subEventType: draft.subEventType,
      perpetrator: draft.perpetrator,
      perpetratorFrom: draft.perpetratorFrom,
      target: draft.target,
      killed: draft.killed,
      classification: {
        classification: classification.classification,
        agreementId: classification.agreementId,
        regimeId: classification.regimeId,
        clause: classification.clause?.id ?? null,
        reason: classification.reason,
      },
      confidence: confidenceOf(draft.perpetratorFrom, draft.mentions, draft.when),
      evidence: draft.evidence,
    };
  });

  const mainParties = partiesByMentions(actors, [...eventsBySentence.values()].flat());
  const allegations: ExtractedAllegation[] = [];
  const isParty = (id: string) =>
    /^(state|government_forces|armed_group)$/.test(ctx.knowledge.actorKind(id) ?? "");
  let recentPerpetrator: string | null = null;
  for (const sentence of sentences) {
    const events = eventsBySentence.get(sentence.index) ?? [];
    const found = findAllegations({
      sentence,
      actors: bySentence(actors, sentence.index),
      events,
      mainParties,
      recentPerpetrator,
      isParty,
    });
    recentPerpetrator = events.find((e) => e.perpetrator)?.perpetrator ?? recentPerpetrator;
    for (const a of found) {
      if (allegations.some((x) => x.accuser === a.accuser && x.accused === a.accused)) continue;
      allegations.push({
        accuser: a.accuser,
        accused: a.accused,
        evidence: { span: sentence.span, text: sentence.text },
      });
    }
  }

  return {
    doc: article.doc,
    title: article.title,
    published: article.published,
    reference: reference ? { date: reference.date, from: published ? "published" : "text" } : null,
    sentences: sentences.length,
    incidents,
    allegations,
  };
}

const locativeBefore = /^(in|at|near|outside|around|inside|into|across|within|of|from)$/;

/**
 * A place abroad ("called on Moscow") is kept only where the sentence locates something in it: capitals of
 * foreign states are named in war reporting far more often as actors or datelines than as scenes.
 */
function isHome(place: PlaceMention, country: string | null, sentences: readonly Sentence[]): boolean {
  const best = place.candidates[0];
  if (!best || !country || best.country === country) return true;
  const before = sentences[place.sentence]?.tokens[place.firstToken - 1]?.lower ?? "";
  const before2 = sentences[place.sentence]?.tokens[place.firstToken - 2]?.lower ?? "";
  return locativeBefore.test(before) || (before === "the" && locativeBefore.test(before2));
}

/**
 * "Government troops have advanced to its southern districts": the present perfect with no time told sums
 * up a situation; a report of an act says when ("have shelled Douma since Monday morning").
 */
function isPerfect(sentence: Sentence, triggerToken: number): boolean {
  const before = sentence.tokens.slice(Math.max(0, triggerToken - 3), triggerToken).map((t) => t.lower);
  return before.some((w) => w === "has" || w === "have") && !before.includes("reportedly");
}

function dominantCountry(places: readonly PlaceMention[]): string | null {
  const votes = new Map<string, number>();
  for (const place of places) {
    const countries = new Set(place.candidates.map((c) => c.country));
    for (const country of countries) votes.set(country, (votes.get(country) ?? 0) + 1 / countries.size);
  }
  return [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Among places that share a name, the one in the article's country and provinces wins. */
function choosePlaces(places: readonly PlaceMention[], country: string | null): PlaceMention[] {
  const admin1Votes = new Map<string, number>();
  for (const place of places) {
    const only = place.candidates.length === 1 ? place.candidates[0] : undefined;
    if (only?.admin1) admin1Votes.set(only.admin1, (admin1Votes.get(only.admin1) ?? 0) + 1);
  }
  // The article's country first; then a well-known place over an obscure namesake (Hama the city, not
  // a village called al-Hamah), unless the article's other places keep pointing to the namesake's province.
  const score = (c: KnownPlace) =>
    (c.country === country ? 10 : 0) +
    Math.min(2, c.admin1 ? (admin1Votes.get(c.admin1) ?? 0) : 0) +
    3 * c.prominence +
    (c.kind === "governorate" ? 3 : 0);
  return places.map((place) => ({
    ...place,
    candidates: [...place.candidates].sort((a, b) => score(b) - score(a)),
  }));
}

/** The parties the article is about: those its acts are charged to or aimed at, then those it names most. */
function partiesByMentions(actors: readonly ActorMention[], events: readonly EventMention[]): string[] {
  const counts = new Map<string, number>();
  const count = (id: string | null, weight: number) => {
    if (!id || id === "CIV" || id === "OTHER" || id === "UN") return;
    counts.set(id, (counts.get(id) ?? 0) + weight);
  };
  for (const event of events) {
    count(event.perpetrator, 3);
    count(event.target, 3);
  }
  for (const actor of actors) count(actor.actorId, 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

const asDated = (d: DateMention): DatedValue => ({ date: d.date, end: d.end, precision: d.precision });

function undatedFrom(reference: ReferenceDate | null): DatedValue {
  return reference
    ? { date: reference.date, end: null, precision: 2 }
    : { date: null, end: null, precision: null };
}

/**
 * The date told nearest the act, unless another verb stands between them: in "the bombardment violated the truce
 * that Russia brokered on December 30" the date belongs to "brokered".
 */
function nearestDate(dates: readonly DateMention[], at: Span, sentence?: Sentence): DatedValue | null {
  const past = dates.filter((d) => d.past && !(sentence && verbBetween(sentence, at, d.span)));
  const best = past.sort((a, b) => Math.abs(a.span.start - at.start) - Math.abs(b.span.start - at.start))[0];
  return best ? asDated(best) : null;
}

function verbBetween(sentence: Sentence, act: Span, date: Span): boolean {
  const otherVerb = (t: Token) =>
    t.pos === "VERB" &&
    !isKillingWord(t) &&
    !/^(said|says|reported|told)$/.test(t.lower) &&
    !(t.start >= act.start && t.end <= act.end);
  const from = Math.min(act.end, date.end);
  const to = Math.max(act.start, date.start);
  // A participle before a noun ("allied militias") describes; a verb that takes the date ("brokered on") acts.
  const tokens = sentence.tokens;
  const between = tokens.filter(
    (t, i) =>
      t.start >= from && t.end <= to && otherVerb(t) && !/^(NOUN|PROPN|ADJ)$/.test(tokens[i + 1]?.pos ?? ""),
  );
  if (between.length > 0) return true;
  // "the truce that took effect on December 30, and fighting …": the verb just before a date governs it.
  const before = sentence.tokens.filter((t) => t.end <= date.start).slice(-4);
  const governor = [...before].reverse().find((t) => t.pos === "VERB");
  return governor !== undefined && otherVerb(governor) && date.start < act.start;
}

/** The dead of a sentence belong to the act nearest to where they are counted. */
function killedNear(
  casualties: readonly CasualtyMention[],
  event: EventMention,
  all: readonly EventMention[],
): number | null {
  const killed = casualties.filter((c) => c.kind === "killed" && c.value !== null);
  let best: number | null = null;
  // Gap between the toll and the act's place: "20 civilians were killed in Urum al-Kubra" is Urum's toll.
  const gap = (e: EventMention, c: CasualtyMention) => {
    const at = e.place?.span ?? e.span;
    return at.start >= c.span.end ? at.start - c.span.end : Math.max(0, c.span.start - at.end);
  };
  for (const c of killed) {
    const owner = [...all].sort((a, b) => gap(a, c) - gap(b, c))[0];
    if (owner !== event) continue;
    const value = c.value;
    if (value !== null && (best === null || value < best)) best = value;
  }
  return best;
}

/**
 * "Government forces shelled Douma on Monday. No casualties were reported.": a toll told in the sentence right
 * after an act, with no act of its own, belongs to that act.
 */
function carryCasualties(
  records: EventRecord[],
  sentence: Sentence,
  casualties: readonly CasualtyMention[],
): void {
  const toll = casualties.find((c) => c.kind === "killed" && c.value !== null);
  const last = records[records.length - 1];
  if (!toll || !last || last.killed !== null || last.paragraph !== sentence.paragraph) return;
  if (last.evidence.span.end > sentence.span.start || sentence.span.start - last.evidence.span.end > 3)
    return;
  records[records.length - 1] = { ...last, killed: toll.value };
}

function confidenceOf(perpetratorFrom: string | null, mentions: number, when: DatedValue): number {
  let confidence = 0.5;
  if (perpetratorFrom === "sentence") confidence += 0.2;
  if (when.precision === 1) confidence += 0.1;
  if (mentions > 1) confidence += 0.1;
  return Math.min(0.95, Number(confidence.toFixed(2)));
}
