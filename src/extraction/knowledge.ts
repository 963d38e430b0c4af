// What the reading pipeline knows of the world: places, actors and agreements, indexed for scanning text.
import type { ActorEntryHow } from "../domain/actors/dictionary.js";
import type { Place } from "../domain/places/gazetteer.js";
import type { PhraseIndex } from "../domain/text/phrase-index.js";

export type KnownPlace = Place;

export interface KnownActorPhrase {
  /** The canonical actor, or null for a generic phrase ("rebels") resolved by the country. */
  readonly actorId: string | null;
  readonly how: ActorEntryHow;
  /** "source" for outlets and monitors of the press (SOHR): they report events, they are not parties to them. */
  readonly kind: string;
  /** For generic phrases: the actor they mean in each country, and where the country names none. */
  readonly byCountry?: Readonly<Record<string, string>>;
  readonly fallback?: string;
  /** Named actors the generic phrase refers back to when the text has just named one of them. */
  readonly yieldsTo?: readonly string[];
}

export interface Knowledge {
  readonly places: PhraseIndex<KnownPlace>;
  readonly actors: PhraseIndex<KnownActorPhrase>;
  /** Abbreviations that only count in their own letter case ("IS", not "is"). */
  readonly actorAbbreviations: PhraseIndex<KnownActorPhrase>;
  /** The dictionary's kind of a canonical actor ("state", "armed_group", …), or null when unknown. */
  readonly actorKind: (actorId: string) => string | null;
}
