// The evidence grade of an incident from its reports; recomputed from all of them whenever one arrives.
//
// Rules, in order of precedence (the first that applies decides):
//
//  1. Monitors speak first, because a monitor's own observation outranks every claim. A monitor's
//     observation is a report of kind "observation" whose source grades A (by default: a monitor that is
//     not itself a party). Each monitor's latest observation counts (a monitor may revise what it saw).
//     a. contested  — monitors' latest observations disagree (one saw it, another saw that it did not happen);
//     b. discounted — every monitor's latest observation denies the claim and no claim was recorded after
//        the last of them (a later monitor observation contradicts the claim);
//     c. contested  — every monitor denies it, but a claim was recorded after their last observation;
//     d. confirmed  — monitors observed it. Party denials and disputed perpetrators are kept in the reasons
//        (guarantors still judge attribution) but do not lower the grade.
//  2. discounted — every source's reliability is F (cannot be judged): nothing weighs for or against it.
//  3. contested  — a source denies it (stance "denies"), or independent sources name different perpetrators
//     (null names nobody and disagrees with no one).
//  4. corroborated — at least two independent sources affirm it. Independence is `independentSources`:
//     wire copies (one copy group) and one outlet or party speaking twice are one source, so two complaints
//     by the same interested party never corroborate each other.
//  5. single_source — otherwise.
//
// "Later" is the order in which reports were recorded (createdAt), the only clock every report has.
import type { EvidenceGrade } from "../records/incident.js";
import type { Report } from "../records/report.js";
import { independentSources, instant, latestBy } from "./independence.js";
import {
  assessSource,
  type InformationCredibility,
  type ReliabilityOptions,
  type SourceReliability,
  type SourceRole,
} from "./reliability.js";

/** Whether a report says the event happened (the default) or denies it ("no shelling took place"). */
export type Stance = "affirms" | "denies";

/** What grading reads of a report; a full Report fits, with the stance extraction found, if any. */
export type GradedReport = Pick<
  Report,
  "id" | "source" | "copyGroup" | "kind" | "perpetrator" | "createdAt"
> & {
  readonly stance?: Stance;
};

export type GradeOptions = ReliabilityOptions;

export interface SourceAssessment {
  readonly reportId: string;
  readonly source: string;
  readonly role: SourceRole;
  readonly reliability: SourceReliability;
  readonly stance: Stance;
  /** Index of the report's independent source among the incident's (wire copies share one). */
  readonly independentSource: number;
}

export interface GradeResult {
  readonly grade: EvidenceGrade;
  /** Admiralty information credibility that the grade amounts to. */
  readonly credibility: InformationCredibility;
  readonly reasons: readonly string[];
  readonly sources: readonly SourceAssessment[];
}

interface Assessed {
  readonly report: GradedReport;
  readonly stance: Stance;
  readonly reliability: SourceReliability;
  readonly role: SourceRole;
  readonly independentSource: number;
}

/** Grades an incident from every report linked to it (order does not matter except for ties in createdAt). */
export function gradeIncident(reports: readonly GradedReport[], options: GradeOptions = {}): GradeResult {
  if (reports.length === 0) throw new RangeError("an incident without reports cannot be graded");
  const groups = independentSources(reports);
  const groupOf = new Map<GradedReport, number>();
  groups.forEach((group, i) => {
    for (const r of group) groupOf.set(r, i);
  });
  const assessed: Assessed[] = reports.map((report) => {
    const { role, reliability } = assessSource(report, options);
    return {
      report,
      role,
      reliability,
      stance: report.stance ?? "affirms",
      independentSource: groupOf.get(report) ?? 0,
    };
  });
  const sources: SourceAssessment[] = assessed.map((a) => ({
    reportId: a.report.id,
    source: a.report.source,
    role: a.role,
    reliability: a.reliability,
    stance: a.stance,
    independentSource: a.independentSource,
  }));
  const result = (
    grade: EvidenceGrade,
    reasons: string[],
    credibility: InformationCredibility,
  ): GradeResult => ({
    grade,
    credibility,
    reasons,
    sources,
  });

  const denials = assessed.filter((a) => a.stance === "denies");
  const affirming = assessed.filter((a) => a.stance === "affirms");
  const perpetratorDispute = disputedPerpetrators(affirming);
  const notes = [
    ...denials
      .filter((a) => !isMonitorObservation(a))
      .map((a) => `${a.report.source} denies it (${a.report.id})`),
    ...(perpetratorDispute === null ? [] : [perpetratorDispute]),
  ];

  // 1. Monitors.
  const observations = assessed.filter(isMonitorObservation);
  if (observations.length > 0) {
    const latest = [...groupBy(observations, (a) => a.report.source).values()].flatMap((own) => {
      const last = latestBy(own, (a) => a.report.createdAt);
      return last === undefined ? [] : [last];
    });
    const saw = latest.filter((a) => a.stance === "affirms");
    const denied = latest.filter((a) => a.stance === "denies");
    if (saw.length > 0 && denied.length > 0) {
      return result(
        "contested",
        [
          `monitors disagree: ${describe(saw)} observed it; ${describe(denied)} observed that it did not happen`,
          ...notes,
        ],
        4,
      );
    }
    if (denied.length > 0) {
      const lastDenial = Math.max(...denied.map((a) => instant(a.report.createdAt)));
      const later = affirming.filter((a) => instant(a.report.createdAt) > lastDenial);
      if (later.length === 0) {
        return result("discounted", [`contradicted by the later observation of ${describe(denied)}`], 5);
      }
      return result(
        "contested",
        [`${describe(denied)} observed that it did not happen, but ${describe(later)} claimed it afterwards`],
        4,
      );
    }
    return result("confirmed", [`observed by ${describe(saw)}`, ...notes], 1);
  }

  // 2. Only sources that cannot be judged.
  if (assessed.every((a) => a.reliability === "F")) {
    return result(
      "discounted",
      [`only sources whose reliability cannot be judged (F): ${describe(assessed)}`],
      6,
    );
  }

  // 3. Denied or disputed.
  if (notes.length > 0) return result("contested", notes, 4);

  // 4. Independent sources agree.
  const independent = new Set(affirming.map((a) => a.independentSource));
  if (independent.size >= 2) {
    return result(
      "corroborated",
      [`reported by ${independent.size} independent sources: ${describe(affirming)}`],
      2,
    );
  }
  const copies = affirming.length > 1 ? " (the others are copies of it or the same source again)" : "";
  return result("single_source", [`reported by one independent source: ${describe(affirming)}${copies}`], 3);
}

const isMonitorObservation = (a: Assessed): boolean =>
  a.report.kind === "observation" && a.reliability === "A";

/** A reason when two independent sources name different perpetrators, else null. */
function disputedPerpetrators(affirming: readonly Assessed[]): string | null {
  const bySource = new Map<string, Set<number>>();
  for (const a of affirming) {
    if (a.report.perpetrator === null) continue;
    const groups = bySource.get(a.report.perpetrator) ?? new Set<number>();
    groups.add(a.independentSource);
    bySource.set(a.report.perpetrator, groups);
  }
  if (bySource.size < 2) return null;
  // One source naming two perpetrators is confused, not disputed: require two different sources.
  const allGroups = new Set([...bySource.values()].flatMap((g) => [...g]));
  if (allGroups.size < 2) return null;
  const named = [...bySource.entries()].map(([p, g]) => `${p} (${g.size} source${g.size === 1 ? "" : "s"})`);
  return `sources disagree on the perpetrator: ${named.join(", ")}`;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list === undefined) out.set(k, [item]);
    else list.push(item);
  }
  return out;
}

/** "SY-GOV (r1), Reuters (r2)" — sources with their report ids, so a reader can find them. */
const describe = (items: readonly Assessed[]): string =>
  items.map((a) => `${a.report.source} (${a.report.id}, ${a.reliability})`).join(", ");
