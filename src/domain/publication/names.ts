// What published material calls things: actor ids, ISO 3166-2 codes and country codes as a reader reads them.
import type { ActorDictionary, ActorKind } from "../actors/dictionary.js";
import type { Gazetteer } from "../places/gazetteer.js";

export interface Names {
  /** The actor's name ("Syrian government"), or the id itself when the dictionary does not know it. */
  actorName(id: string): string;
  /** The dictionary's kind of actor, or null when unknown. */
  actorKind(id: string): ActorKind | null;
  /** The country the actor belongs to (ISO 3166-1 alpha-2), when it has one. */
  actorCountry(id: string): string | null;
  /** The first-level division's name ("Idlib Governorate"), or null when unknown. */
  admin1Name(code: string): string | null;
  /** The country's English name ("Syria"), or the code when unknown. */
  countryName(code: string): string;
  /** The first-level divisions the gazetteer knows in a country (ISO 3166-2 codes, sorted). */
  admin1Codes(country: string): readonly string[];
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** Names drawn from the actor dictionary and the gazetteer; country names from the runtime's CLDR data. */
export function namesFrom(dictionary: ActorDictionary, gazetteer: Gazetteer): Names {
  return {
    actorName: (id) => dictionary.byId(id)?.name ?? id,
    actorKind: (id) => dictionary.byId(id)?.kind ?? null,
    actorCountry: (id) => dictionary.byId(id)?.country ?? null,
    admin1Name: (code) => gazetteer.admin1Name(code),
    admin1Codes: (country) =>
      [
        ...new Set(
          gazetteer
            .places()
            .filter((p) => p.kind === "governorate" && p.country === country && p.admin1 !== null)
            .map((p) => p.admin1 as string),
        ),
      ].sort(),
    countryName: (code) => {
      try {
        return regionNames.of(code) ?? code;
      } catch {
        // Not a well-formed region code: say what the record holds rather than fail the whole export.
        return code;
      }
    },
  };
}
