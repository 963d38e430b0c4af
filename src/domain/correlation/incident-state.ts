// An incident as the correlator holds it: its reports and the summary features candidates are scored on.
import type { EvidenceGrade, Incident } from "../records/incident.js";
import type { ReportFeatures } from "./features.js";

/** Representatives kept per incident: enough to match spelling variants, bounded so big incidents stay cheap. */
const MAX_NAMES = 6;
const MAX_TEXTS = 4;

/** One source's figures for the incident, kept side by side and never averaged. */
export interface SourceFigures {
  readonly reportId: string;
  readonly source: string;
  readonly copyGroup: string;
  readonly perpetrator: string | null;
  readonly target: string | null;
  readonly killed: number | null;
}

export class IncidentState {
  readonly id: string;
  readonly members: ReportFeatures[] = [];
  /** The day the best-dated reports agree on (lower median), and the precision of those reports. */
  anchorDay = 0;
  anchorPrecision: 1 | 2 | 3 = 3;
  /** Coordinates from the most precisely placed report; NaN when no report has coordinates. */
  lat = Number.NaN;
  lon = Number.NaN;
  geoPrecision: 1 | 2 | 3 = 3;
  country = "";
  readonly admin1s: string[] = [];
  readonly locationKeys: string[] = [];
  readonly locationShingles: Uint32Array[] = [];
  readonly texts: Uint32Array[] = [];
  readonly textWeights: Float32Array[] = [];
  readonly subTypes: number[] = [];
  readonly perpetrators: string[] = [];
  readonly targets: string[] = [];
  /** Every class of site, means and time of day its reports name (bit sets, see details.ts). */
  sites = 0;
  means = 0;
  times = 0;
  /** Median of the independent sources' fatality figures, -1 when none states one. */
  killedBest = -1;
  /** Scratch for the candidate index: the last query that returned this incident (de-duplication). */
  mark = 0;

  constructor(id: string) {
    this.id = id;
  }

  get reportIds(): string[] {
    return this.members.map((m) => m.report.id);
  }

  add(f: ReportFeatures): void {
    this.members.push(f);
    const r = f.report;
    if (this.members.length === 1) this.country = f.country;
    this.#updateAnchor(f);
    if (!Number.isNaN(f.lat) && (Number.isNaN(this.lat) || f.geoPrecision < this.geoPrecision)) {
      this.lat = f.lat;
      this.lon = f.lon;
      // Names of vaguer reports ("near X", a province) would let the incident match other places: drop them.
      if (f.geoPrecision < this.geoPrecision) {
        this.locationKeys.length = 0;
        this.locationShingles.length = 0;
      }
      this.geoPrecision = f.geoPrecision;
    }
    if (f.admin1 !== null && !this.admin1s.includes(f.admin1)) this.admin1s.push(f.admin1);
    if (
      f.locationKey !== "" &&
      (f.geoPrecision === this.geoPrecision || Number.isNaN(f.lat)) &&
      this.locationKeys.length < MAX_NAMES &&
      !this.locationKeys.includes(f.locationKey)
    ) {
      this.locationKeys.push(f.locationKey);
      this.locationShingles.push(f.locationShingles);
    }
    if (this.texts.length < MAX_TEXTS && f.words.length > 0) {
      this.texts.push(f.words);
      this.textWeights.push(f.wordWeights);
    }
    this.sites |= f.details.sites;
    this.means |= f.details.means;
    this.times |= f.details.times;
    if (!this.subTypes.includes(f.subType)) this.subTypes.push(f.subType);
    if (r.perpetrator !== null && !this.perpetrators.includes(r.perpetrator))
      this.perpetrators.push(r.perpetrator);
    if (r.target !== null && !this.targets.includes(r.target)) this.targets.push(r.target);
    if (r.killed !== null) this.killedBest = this.killed()?.best ?? -1;
  }

  #updateAnchor(f: ReportFeatures): void {
    if (this.members.length === 1 || f.datePrecision < this.anchorPrecision) {
      this.anchorPrecision = f.datePrecision;
      this.anchorDay = f.day;
      return;
    }
    if (f.datePrecision > this.anchorPrecision) return;
    const days: number[] = [];
    for (const m of this.members) if (m.datePrecision === this.anchorPrecision) days.push(m.day);
    days.sort((a, b) => a - b);
    this.anchorDay = days[(days.length - 1) >> 1] as number;
  }

  /** Each report's figures, in arrival order. */
  figures(): SourceFigures[] {
    return this.members.map(({ report: r }) => ({
      reportId: r.id,
      source: r.source,
      copyGroup: r.copyGroup,
      perpetrator: r.perpetrator,
      target: r.target,
      killed: r.killed,
    }));
  }

  /** Number of independent sources: wire copies re-published by several outlets count once. */
  independentSources(): number {
    return new Set(this.members.map((m) => m.report.copyGroup)).size;
  }

  /**
   * Fatalities as low (least stated), high (most stated) and best: the lower median of one figure per
   * copy group, so that a wire story carried by five outlets does not outvote one independent source,
   * and so that best is always a figure some source actually gave (never an average).
   */
  killed(): { low: number; best: number; high: number } | null {
    const perGroup = new Map<string, number>();
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const { report: r } of this.members) {
      if (r.killed === null) continue;
      low = Math.min(low, r.killed);
      high = Math.max(high, r.killed);
      if (!perGroup.has(r.copyGroup)) perGroup.set(r.copyGroup, r.killed);
    }
    if (perGroup.size === 0) return null;
    const figures = [...perGroup.values()].sort((a, b) => a - b);
    return { low, best: figures[(figures.length - 1) >> 1] as number, high };
  }
}

/**
 * The incident record for the store. Classification and grading belong to later stages; correlation
 * gives a provisional grade from the number of independent sources only.
 */
export function toIncident(state: IncidentState, updatedAt: string): Incident {
  const best = bestDated(state);
  const first = best.report;
  const grade: EvidenceGrade = state.independentSources() > 1 ? "corroborated" : "single_source";
  return {
    id: state.id,
    reportIds: state.reportIds,
    date: first.date,
    admin1: state.admin1s[0] ?? null,
    country: state.country,
    location: bestPlaced(state).report.location,
    eventType: first.eventType,
    subEventType: first.subEventType,
    perpetrators: [...state.perpetrators],
    killed: state.killed(),
    classification: "undetermined",
    grade,
    status: "open",
    updatedAt,
    complainants: [
      ...new Set(state.members.filter((m) => m.report.kind !== "press").map((m) => m.report.source)),
    ],
    accused: null,
    lat: Number.isNaN(state.lat) ? null : state.lat,
    lon: Number.isNaN(state.lon) ? null : state.lon,
    coordinatesRestricted: state.members.some(
      (m) => m.report.coordinatesRestricted === true && m.lat === state.lat && m.lon === state.lon,
    ),
    publishedAt: null,
  };
}

function bestDated(state: IncidentState): ReportFeatures {
  let best = state.members[0];
  if (best === undefined) throw new RangeError(`incident ${state.id} has no reports`);
  for (const m of state.members) if (m.datePrecision < best.datePrecision) best = m;
  return best;
}

function bestPlaced(state: IncidentState): ReportFeatures {
  let best = state.members[0] as ReportFeatures;
  for (const m of state.members) if (m.geoPrecision < best.geoPrecision) best = m;
  return best;
}
