// The names published material uses, read once from the shipped actor dictionary and gazetteer.
import { dataDir, dataFiles, readDataFile } from "../../adapters/data/data-files.js";
import { ActorDictionary } from "../../domain/actors/dictionary.js";
import { parseGazetteer } from "../../domain/places/gazetteer.js";
import { type Names, namesFrom } from "../../domain/publication/names.js";

let cached: Names | null = null;

export function shippedNames(): Names {
  if (cached === null) {
    const actorsPath = `${dataDir}actors/actors.yaml`;
    const dictionary = ActorDictionary.parse(readDataFile(actorsPath, "TRUCE_E_DATA_INVALID"), actorsPath);
    const placeFiles = dataFiles("places", [".json"]);
    const gazetteer = parseGazetteer(
      placeFiles.map((f) => readDataFile(f, "TRUCE_E_DATA_INVALID")),
      placeFiles,
    );
    cached = namesFrom(dictionary, gazetteer);
  }
  return cached;
}
