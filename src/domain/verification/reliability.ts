// Admiralty-style source reliability (A–F) and information credibility (1–6), by who speaks and configuration.
import type { Agreement, Regime } from "../agreement/schema.js";
import { votersFor } from "../agreement/schema.js";
import type { Report } from "../records/report.js";

/** Admiralty (NATO AJP-2.1) source reliability. */
export type SourceReliability = "A" | "B" | "C" | "D" | "E" | "F";

/** Admiralty information credibility: how far the claim itself is borne out. */
export type InformationCredibility = 1 | 2 | 3 | 4 | 5 | 6;

export const reliabilityLabels: Readonly<Record<SourceReliability, string>> = {
  A: "completely reliable",
  B: "usually reliable",
  C: "fairly reliable",
  D: "not usually reliable",
  E: "unreliable",
  F: "reliability cannot be judged",
};

export const credibilityLabels: Readonly<Record<InformationCredibility, string>> = {
  1: "confirmed by other sources",
  2: "probably true",
  3: "possibly true",
  4: "doubtful",
  5: "improbable",
  6: "truth cannot be judged",
};

/**
 * Who a source is for this report. A party is interested in everything it says about the conflict, so
 * "party" wins over "monitor" and "guarantor": in Syria 2016 Russia and Turkey are guarantors *and* parties.
 */
export type SourceRole = "monitor" | "guarantor" | "party" | "press" | "unknown";

export const defaultReliabilityByRole: Readonly<Record<SourceRole, SourceReliability>> = {
  monitor: "A",
  guarantor: "B",
  party: "D",
  press: "C",
  unknown: "F",
};

export interface ReliabilityOptions {
  /** Actor ids bound by the regime; their statements are interested. */
  readonly parties?: readonly string[];
  /** Guarantors that are not parties report as B by default. */
  readonly guarantors?: readonly string[];
  /** Sources whose observations are a monitor's own; omit to treat every non-party observation as a monitor's. */
  readonly monitors?: readonly string[];
  /** Configuration: a grade per source, which wins over the role table (e.g. a press agency known to be poor). */
  readonly overrides?: Readonly<Record<string, SourceReliability>>;
  /** Configuration: replaces the default grade of a role. */
  readonly defaults?: Readonly<Partial<Record<SourceRole, SourceReliability>>>;
}

export type ReliabilityInput = Pick<Report, "source" | "kind">;

export interface ReliabilityAssessment {
  readonly role: SourceRole;
  readonly reliability: SourceReliability;
  readonly reason: string;
}

/** The role a report's source plays: first match of monitor observation, party, guarantor, press, unknown. */
export function sourceRole(report: ReliabilityInput, options: ReliabilityOptions = {}): SourceRole {
  const isParty = options.parties?.includes(report.source) ?? false;
  if (
    report.kind === "observation" &&
    !isParty &&
    (options.monitors === undefined || options.monitors.includes(report.source))
  ) {
    return "monitor";
  }
  if (isParty) return "party";
  if (options.guarantors?.includes(report.source)) return "guarantor";
  if (report.kind === "press") return "press";
  return "unknown";
}

/** Grades a report's source: the configured override for the source, else the (configurable) role table. */
export function assessSource(
  report: ReliabilityInput,
  options: ReliabilityOptions = {},
): ReliabilityAssessment {
  const role = sourceRole(report, options);
  const override = options.overrides?.[report.source];
  if (override !== undefined) {
    return {
      role,
      reliability: override,
      reason: `${report.source}: ${override} (configured for this source)`,
    };
  }
  const reliability = options.defaults?.[role] ?? defaultReliabilityByRole[role];
  return { role, reliability, reason: `${report.source}: ${reliability} (${roleReason[role]})` };
}

const roleReason: Readonly<Record<SourceRole, string>> = {
  monitor: "a monitor's own observation",
  guarantor: "a guarantor's report",
  party: "a party to the agreement, interested",
  press: "a press report",
  unknown: "a source Truce cannot place",
};

/** The source context an agreement gives under a regime: its parties, guarantors, and voters and observers as monitors. */
export function reliabilityOptionsFor(
  agreement: Agreement,
  regime: Regime,
  configuration: Pick<ReliabilityOptions, "overrides" | "defaults"> = {},
): ReliabilityOptions {
  return {
    parties: regime.parties,
    guarantors: regime.guarantors,
    monitors: [...new Set([...votersFor(agreement, regime), ...regime.observers])],
    ...configuration,
  };
}
