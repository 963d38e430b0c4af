// Builds the inputs of the extraction stages (sentences, actors, places) for a text, with the shipped knowledge.
import { loadExtractionContext } from "../../src/adapters/data/load-context.js";
import type { Span } from "../../src/domain/text/span.js";
import type { Knowledge } from "../../src/extraction/knowledge.js";
import type { ExtractionContext } from "../../src/extraction/pipeline.js";
import { type ActorMention, findActors, resolveActors } from "../../src/extraction/stages/actors.js";
import { type EventMention, findEvents } from "../../src/extraction/stages/events.js";
import { datelineSpans, findPlaces, type PlaceMention } from "../../src/extraction/stages/places.js";
import { type Sentence, splitSentences } from "../../src/extraction/stages/sentences.js";

let context: Promise<ExtractionContext> | null = null;

/** The shipped gazetteer, actor dictionary and agreements, loaded once per test process. */
export function shippedContext(): Promise<ExtractionContext> {
  context ??= loadExtractionContext({});
  return context;
}

export async function shippedKnowledge(): Promise<Knowledge> {
  return (await shippedContext()).knowledge;
}

export interface StageFixture {
  readonly text: string;
  readonly sentences: readonly Sentence[];
  /** Actors resolved against `country` (generic phrases such as "rebels" get their country's actor). */
  readonly actors: readonly ActorMention[];
  /** Place mentions, datelines and names inside actors' names left out, as the pipeline does. */
  readonly places: readonly PlaceMention[];
  readonly knowledge: Knowledge;
}

/**
 * Runs sentences, actors and places over `text` the way the pipeline does, except that the article's country
 * is given rather than voted (Syria unless told) and places keep the gazetteer's prominence order.
 */
export async function stageFixture(text: string, country: string | null = "SY"): Promise<StageFixture> {
  const knowledge = await shippedKnowledge();
  const sentences = splitSentences(text);
  const raw = findActors(text, sentences, knowledge);
  const excluded: Span[] = [...datelineSpans(text), ...raw.map((a) => a.span)];
  const places = findPlaces(text, sentences, knowledge, excluded).map((p) => ({
    ...p,
    candidates: [...p.candidates].sort(
      (a, b) => (b.country === country ? 1 : 0) - (a.country === country ? 1 : 0),
    ),
  }));
  return { text, sentences, actors: resolveActors(raw, country), places, knowledge };
}

/** The sentence of a fixture at `index` (the first by default), failing loudly when there is none. */
export function sentenceOf(fixture: StageFixture, index = 0): Sentence {
  const sentence = fixture.sentences[index];
  if (!sentence) throw new Error(`no sentence ${index} in ${JSON.stringify(fixture.text)}`);
  return sentence;
}

/** The event mentions `findEvents` reads in one sentence of the fixture. */
export function eventsOf(fixture: StageFixture, index = 0): EventMention[] {
  const sentence = sentenceOf(fixture, index);
  return findEvents({
    sentence,
    actors: fixture.actors.filter((a) => a.sentence === sentence.index),
    places: fixture.places.filter((p) => p.sentence === sentence.index),
    isNonState: (id) => fixture.knowledge.actorKind(id) === "armed_group",
  });
}

/** Event mentions of a one-sentence text. */
export async function eventsIn(text: string, country: string | null = "SY"): Promise<EventMention[]> {
  return eventsOf(await stageFixture(text, country));
}
