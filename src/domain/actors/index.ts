// The actor domain's one export point: the dictionary and phrase normalisation.

export {
  type Actor,
  ActorDictionary,
  type ActorEntry,
  type ActorEntryHow,
  type ActorFile,
  type ActorKind,
  actorFileSchema,
  actorKinds,
  type GenericPhrase,
  normaliseActorPhrase,
} from "./dictionary.js";
