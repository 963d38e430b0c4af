// Builds the extraction context from the shipped data: gazetteer, actor dictionary and agreements.
import { ActorDictionary, normaliseActorPhrase } from "../../domain/actors/dictionary.js";
import { type Agreement, parseAgreement } from "../../domain/agreement/schema.js";
import { normalisePlaceName } from "../../domain/places/transliterate.js";
import { PhraseIndex } from "../../domain/text/phrase-index.js";
import type { Knowledge, KnownActorPhrase, KnownPlace } from "../../extraction/knowledge.js";
import type { ExtractionContext } from "../../extraction/pipeline.js";
import { dataDir, dataFiles, readDataFile } from "./data-files.js";
import { readShippedGazetteer } from "./load-places.js";

export interface ContextOptions {
  /** Classify against this one agreement file instead of every shipped agreement. */
  readonly agreementFile?: string | undefined;
}

let shipped: Promise<Knowledge> | null = null;

export async function loadExtractionContext(options: ContextOptions): Promise<ExtractionContext> {
  shipped ??= Promise.resolve().then(loadKnowledge);
  const agreements = options.agreementFile ? [loadAgreement(options.agreementFile)] : loadShippedAgreements();
  return { knowledge: await shipped, agreements };
}

export function loadAgreement(path: string): Agreement {
  return parseAgreement(readDataFile(path, "TRUCE_E_AGREEMENT_INVALID"), path);
}

export function loadShippedAgreements(): Agreement[] {
  return dataFiles("agreements", [".yaml", ".yml", ".json"]).map(loadAgreement);
}

function loadKnowledge(): Knowledge {
  const gazetteer = readShippedGazetteer();
  const places = new PhraseIndex<KnownPlace>(normalisePlaceName, 6);
  for (const place of gazetteer.places()) {
    for (const name of [place.name, ...place.alt]) places.add(name, place);
  }

  const actorsPath = `${dataDir}actors/actors.yaml`;
  const dictionary = ActorDictionary.parse(readDataFile(actorsPath, "TRUCE_E_DATA_INVALID"), actorsPath);
  const actors = new PhraseIndex<KnownActorPhrase>((s) => normaliseActorPhrase(s), 6);
  const abbreviations = new PhraseIndex<KnownActorPhrase>(
    (s) => normaliseActorPhrase(s, { keepCase: true }),
    3,
  );
  const generic = new Map<string, { byCountry: Record<string, string>; fallback?: string }>();
  for (const entry of dictionary.entries()) {
    if (entry.how === "generic") {
      const g = generic.get(entry.phrase) ?? { byCountry: {} };
      if (entry.country) g.byCountry[entry.country] = entry.actorId;
      else g.fallback = entry.actorId;
      generic.set(entry.phrase, g);
      continue;
    }
    const actorId = dictionary.canonicalOf(entry.actorId) ?? entry.actorId;
    (entry.caseSensitive ? abbreviations : actors).add(entry.phrase, {
      actorId,
      how: entry.how,
      kind: entry.kind,
    });
  }
  const canonical = (id: string) => dictionary.canonicalOf(id) ?? id;
  for (const [phrase, g] of generic) {
    const byCountry = Object.fromEntries(Object.entries(g.byCountry).map(([c, id]) => [c, canonical(id)]));
    actors.add(phrase, {
      actorId: null,
      how: "generic",
      kind: "generic",
      byCountry,
      yieldsTo: dictionary.genericYieldsTo(phrase),
      ...(g.fallback ? { fallback: canonical(g.fallback) } : {}),
    });
  }
  const kinds = new Map<string, string>();
  for (const id of dictionary.ids()) {
    const kind = dictionary.byId(id)?.kind;
    if (kind && !kinds.has(canonical(id))) kinds.set(canonical(id), kind);
  }
  return { places, actors, actorAbbreviations: abbreviations, actorKind: (id) => kinds.get(id) ?? null };
}
