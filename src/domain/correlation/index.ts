// Correlation: reports → incidents, with human decisions, source independence and quality measures.
export { type CandidateIndex, InMemoryCandidateIndex } from "./candidate-index.js";
export { ConstraintConflictError, ConstraintSet } from "./constraints.js";
export { CopyDetector, estimatedSimilarity, minhash } from "./copies.js";
export {
  type Decider,
  type IncidentReports,
  type MergeResult,
  merge,
  type SplitResult,
  split,
} from "./decisions.js";
export { Correlator, type CorrelatorOptions, type LinkResult } from "./engine.js";
export { DAY_WINDOW, featuresOf, type ReportFeatures } from "./features.js";
export { IncidentState, type SourceFigures, toIncident } from "./incident-state.js";
export { type PairwiseScores, pairwiseScores } from "./quality.js";
export { AMBIGUITY_MARGIN, explainScore, LINK_THRESHOLD, type ScoreBreakdown, score } from "./score.js";
