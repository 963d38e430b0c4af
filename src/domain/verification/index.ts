// The verification domain's one export point: source reliability, evidence grades, fatalities, decisions, verdicts.

export { type Decision, decide, type Outcome, ruleName } from "./decide.js";
export { addDuration, type Duration, parseDuration } from "./duration.js";
export { type Fatalities, type FatalityReport, fatalities } from "./fatalities.js";
export {
  type GradedReport,
  type GradeOptions,
  type GradeResult,
  gradeIncident,
  type SourceAssessment,
  type Stance,
} from "./grade.js";
export { type IndependenceInput, independentSources } from "./independence.js";
export {
  assessSource,
  credibilityLabels,
  defaultReliabilityByRole,
  type InformationCredibility,
  type ReliabilityAssessment,
  type ReliabilityInput,
  type ReliabilityOptions,
  reliabilityLabels,
  reliabilityOptionsFor,
  type SourceReliability,
  type SourceRole,
  sourceRole,
} from "./reliability.js";
export {
  assertCanReply,
  canReply,
  type NextVerdictOptions,
  nextVerdict,
  type ReplyCheck,
} from "./verdict.js";
