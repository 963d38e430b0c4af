// The agreement domain's one export point: the file format, the regime in force, and classification.

export {
  type ClassifiableIncident,
  type ClassificationResult,
  type ClassifyOptions,
  classify,
  classifyUnder,
  prohibitedActFor,
} from "./classify.js";
export {
  type Place,
  type RegimeInForce,
  regimeActiveOn,
  regimeCovers,
  regimeInForce,
  territoryContains,
  zoneContains,
} from "./in-force.js";
export {
  type Agreement,
  agreementSchema,
  type Clause,
  clauseById,
  type DecisionRule,
  isIsoDate,
  mainRegime,
  type ProhibitedAct,
  parseAgreement,
  type Regime,
  type Territory,
  votersFor,
  type Zone,
} from "./schema.js";
