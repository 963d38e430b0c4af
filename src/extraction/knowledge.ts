// What the reading pipeline knows of the world: places, actors and agreements, indexed for scanning text.
import type { PhraseIndex } from "../domain/text/phrase-index.js";

export type PlaceKind =
  | "country"
  | "governorate"
  | "district"
  | "town"
  | "village"
  | "neighbourhood"
  | "area"
  | "region"
  | "facility"
  | "frontline";

export interface KnownPlace {
  readonly name: string;
  readonly kind: PlaceKind;
  readonly country: string;
  readonly admin1: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** Higher for the better-known of several places that share a name. */
  readonly prominence: number;
}

export type ActorPhraseKind = "name" | "alias" | "adjective" | "metonym" | "person" | "generic";

export interface KnownActorPhrase {
  /** The canonical actor, or null for a generic phrase ("rebels") resolved by the country. */
  readonly actorId: string | null;
  readonly how: ActorPhraseKind;
  /** For generic phrases: the actor they mean in each country. */
  readonly byCountry?: Readonly<Record<string, string>>;
}

export interface Knowledge {
  readonly places: PhraseIndex<KnownPlace>;
  readonly actors: PhraseIndex<KnownActorPhrase>;
  /** Actor ids that are states (their forces act in others' wars: "Russian jets"). */
  readonly actorKind: (actorId: string) => string | null;
}
