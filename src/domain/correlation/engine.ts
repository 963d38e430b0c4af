// The correlator: links reports one at a time into incidents, under the human decisions it is given.
import type { LinkConstraint } from "../records/incident.js";
import type { Report } from "../records/report.js";
import { type CandidateIndex, InMemoryCandidateIndex } from "./candidate-index.js";
import { ConstraintConflictError, ConstraintSet } from "./constraints.js";
import { featuresOf, type ReportFeatures } from "./features.js";
import { IncidentState } from "./incident-state.js";
import {
  AMBIGUITY_MARGIN,
  LINK_THRESHOLD,
  placeScore,
  REST_MAX,
  restScore,
  TEXT_MAX,
  textScore,
} from "./score.js";
import { WordRarity } from "./similarity.js";

export interface CorrelatorOptions {
  readonly index?: CandidateIndex;
  readonly threshold?: number;
  /** How far the best candidate must lead the runner-up for a province-level report to link. */
  readonly margin?: number;
  /** Ids for new incidents; defaults to inc-1, inc-2, … */
  readonly newIncidentId?: () => string;
  /** Human decisions already taken (e.g. loaded from the store). */
  readonly constraints?: Iterable<LinkConstraint>;
}

export interface LinkResult {
  readonly incidentId: string;
  /** True when the report opened a new incident. */
  readonly created: boolean;
  /** The winning score, or null when a must-link decided or nothing was a candidate. */
  readonly score: number | null;
}

/** Placed only to the province or the country. */
function isVague(f: ReportFeatures): boolean {
  return f.geoPrecision === 3 || f.admin1 === null;
}

/** An incident none of whose reports is placed better than the province. */
function isVagueIncident(inc: IncidentState): boolean {
  return inc.members.every(isVague);
}

/** How many of the best candidates on the cheap terms get the text comparison. */
const TEXT_SHORTLIST = 8;
/** Vague incidents larger than this are left as they are when a well-placed report could adopt them. */
const ADOPT_MAX_MEMBERS = 4;

export class Correlator {
  readonly #index: CandidateIndex;
  readonly #threshold: number;
  readonly #margin: number;
  readonly #newId: () => string;
  readonly #constraints: ConstraintSet;
  readonly #incidentOf = new Map<string, IncidentState>();
  readonly #incidents = new Map<string, IncidentState>();

  constructor(options: CorrelatorOptions = {}) {
    this.#index = options.index ?? new InMemoryCandidateIndex();
    this.#threshold = options.threshold ?? LINK_THRESHOLD;
    this.#margin = options.margin ?? AMBIGUITY_MARGIN;
    let n = 0;
    this.#newId = options.newIncidentId ?? (() => `inc-${++n}`);
    this.#constraints = new ConstraintSet(options.constraints);
  }

  get incidentCount(): number {
    return this.#incidents.size;
  }

  incidentOf(reportId: string): IncidentState | undefined {
    return this.#incidentOf.get(reportId);
  }

  incident(id: string): IncidentState | undefined {
    return this.#incidents.get(id);
  }

  incidents(): IterableIterator<IncidentState> {
    return this.#incidents.values();
  }

  constraints(): LinkConstraint[] {
    return this.#constraints.all();
  }

  /**
   * Puts back an incident decided earlier (read from a store) with its id and reports, without judging it
   * again: the correlator then links new reports as if it had seen these all along.
   */
  restore(incidentId: string, reports: readonly Report[]): void {
    if (this.#incidents.has(incidentId)) throw new RangeError(`incident ${incidentId} was already restored`);
    const inc = new IncidentState(incidentId);
    for (const report of reports) {
      if (this.#incidentOf.has(report.id)) throw new RangeError(`report ${report.id} was already correlated`);
      const f = featuresOf(report);
      // Restored reports count towards word rarity too, and their texts need weights to be compared.
      f.wordWeights = this.#rarity.weigh(f.words);
      inc.add(f);
      this.#incidentOf.set(report.id, inc);
    }
    this.#incidents.set(inc.id, inc);
    this.#index.add(inc);
  }

  /** Links one report: to its must-linked reports' incident, else the best allowed candidate, else a new one. */
  add(report: Report): LinkResult {
    if (this.#incidentOf.has(report.id)) throw new RangeError(`report ${report.id} was already correlated`);
    const f = featuresOf(report);
    f.wordWeights = this.#rarity.weigh(f.words);
    if (this.#constraints.touches(report.id)) return this.#addConstrained(f);
    return this.#linkBest(f, null);
  }

  /**
   * Joins the best-scoring allowed candidate if it is good enough (and unambiguous), else opens an incident.
   * A report placed to the town never joins an incident known only to the province: that would let one
   * vague report decide which event a well-placed one belongs to. Instead, once the well-placed report
   * has its incident (new or joined), small vague incidents among its candidates are re-examined and brought
   * in if they fit it clearly better than anything else. Likewise, a well-placed report that fits two
   * incidents may be the link between halves of one event that its earlier reports opened apart: each
   * small other incident it fits is brought in when all its reports would now join the same one.
   */
  #linkBest(f: ReportFeatures, forbidden: ReadonlySet<IncidentState> | null): LinkResult {
    const precise = !isVague(f);
    const vagueSeen = this.#vagueSeen;
    vagueSeen.length = 0;
    const { best, bestScore, second } = this.#best(f, forbidden, precise ? vagueSeen : null, null);
    const alsoFit = precise ? this.#fits.filter((inc) => inc !== best) : [];
    const vague = best !== null && (!precise || best.geoPrecision === 3);
    let result: LinkResult;
    let home: IncidentState;
    if (best !== null && bestScore >= this.#threshold && (!vague || bestScore - second >= this.#margin)) {
      this.#join(best, f);
      home = best;
      result = { incidentId: best.id, created: false, score: bestScore };
    } else {
      home = this.#open(f);
      result = { incidentId: home.id, created: true, score: best === null ? null : bestScore };
    }
    for (const other of alsoFit) this.#reunite(home, other);
    // A new incident, or one that has just gained a report, may now be where a vague one clearly belongs
    // (its sibling reports often arrive after it); country-level ones (whose candidates are the whole
    // country) are left alone, which bounds the work per report.
    if (vagueSeen.length > 0)
      this.#adoptVague(
        home,
        vagueSeen.filter((v) => v.admin1s.length > 0),
      );
    return result;
  }

  readonly #vagueSeen: IncidentState[] = [];
  /** The candidates the last search scored at or above the threshold, best or not. */
  readonly #fits: IncidentState[] = [];
  readonly #topIncs: (IncidentState | null)[] = new Array(TEXT_SHORTLIST).fill(null);
  readonly #topPartials = new Float64Array(TEXT_SHORTLIST);
  readonly #rarity = new WordRarity();

  #best(
    f: ReportFeatures,
    forbidden: ReadonlySet<IncidentState> | null,
    vagueOut: IncidentState[] | null,
    self: IncidentState | null,
  ): { best: IncidentState | null; bestScore: number; second: number } {
    // Cheap terms for every candidate, then text for a shortlist in decreasing order of the cheap part,
    // stopping early once even a perfect text match could not come within the margin of the leader (or of
    // the threshold). Month-precise and province-level reports have hundreds of candidates; text only
    // refines among the few that place, date, type, actors and toll already favour.
    // Keep the TEXT_SHORTLIST best on the cheap terms, best first (insertion into a small sorted array).
    const top = this.#topIncs;
    const topP = this.#topPartials;
    let n = 0;
    for (const inc of this.#index.candidates(f)) {
      if (inc === self || forbidden?.has(inc)) continue;
      if (vagueOut !== null && inc.geoPrecision === 3 && isVagueIncident(inc)) {
        vagueOut.push(inc);
        continue;
      }
      // Place first: a candidate whose place alone keeps it off a full shortlist costs nothing more.
      const place = placeScore(f, inc);
      if (n === TEXT_SHORTLIST && place + REST_MAX <= (topP[n - 1] as number)) continue;
      const p = place + restScore(f, inc);
      if (n === TEXT_SHORTLIST && p <= (topP[n - 1] as number)) continue;
      let i = n < TEXT_SHORTLIST ? n++ : n - 1;
      while (i > 0 && (topP[i - 1] as number) < p) {
        topP[i] = topP[i - 1] as number;
        top[i] = top[i - 1] as IncidentState;
        i--;
      }
      topP[i] = p;
      top[i] = inc;
    }
    let best: IncidentState | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    let second = Number.NEGATIVE_INFINITY;
    const fits = this.#fits;
    fits.length = 0;
    for (let k = 0; k < n; k++) {
      const p = topP[k] as number;
      // Stop when no later candidate can come near the leader nor reach the threshold.
      if (p + TEXT_MAX < Math.min(Math.max(bestScore, this.#threshold) - this.#margin, this.#threshold))
        break;
      const inc = top[k] as IncidentState;
      const s = p + textScore(f, inc);
      if (s >= this.#threshold) fits.push(inc);
      if (s > bestScore) {
        second = bestScore;
        bestScore = s;
        best = inc;
      } else if (s > second) second = s;
    }
    top.fill(null);
    return { best, bestScore, second };
  }

  /**
   * Merges `other` into `home` when it is small and every one of its reports, judged again now, would join
   * `home` (with the margin, for a vague one): the incidents are then one event seen in two halves.
   */
  #reunite(home: IncidentState, other: IncidentState): void {
    if (other.members.length > ADOPT_MAX_MEMBERS || !this.#incidents.has(other.id)) return;
    if (other.members.some((m) => this.#constraints.touches(m.report.id))) return;
    for (const m of other.members) {
      const { best, bestScore, second } = this.#best(m, null, null, other);
      const vague = isVague(m) || home.geoPrecision === 3;
      if (best !== home || bestScore < this.#threshold) return;
      if (vague && bestScore - second < this.#margin) return;
    }
    this.#mergeStates(home, other);
  }

  /** Brings small vague incidents into `home` when their reports clearly fit it best. */
  #adoptVague(home: IncidentState, vagueIncidents: readonly IncidentState[]): void {
    for (const v of vagueIncidents) {
      if (v.members.length > ADOPT_MAX_MEMBERS || !this.#incidents.has(v.id)) continue;
      if (v.members.some((m) => this.#constraints.touches(m.report.id))) continue;
      const f = v.members[0] as ReportFeatures;
      // Most vague incidents of the province do not fit the new one at all: check that before a full search.
      if (placeScore(f, home) + restScore(f, home) + textScore(f, home) < this.#threshold) continue;
      const { best, bestScore, second } = this.#best(f, null, null, v);
      if (best === home && bestScore >= this.#threshold && bestScore - second >= this.#margin) {
        this.#mergeStates(home, v);
      }
    }
  }

  #addConstrained(f: ReportFeatures): LinkResult {
    const id = f.report.id;
    const group = this.#constraints.mustGroup(id);
    const apart = this.#constraints.keptApartFrom(group);
    for (const other of apart) {
      if (group.has(other))
        throw new ConstraintConflictError(`report ${id} is both must- and cannot-linked to ${other}`);
    }
    const forbidden = new Set<IncidentState>();
    for (const other of apart) {
      const inc = this.#incidentOf.get(other);
      if (inc !== undefined) forbidden.add(inc);
    }
    const required = new Set<IncidentState>();
    for (const other of group) {
      const inc = this.#incidentOf.get(other);
      if (inc !== undefined) required.add(inc);
    }
    if (required.size > 0) {
      const [target, ...rest] = [...required];
      let into = target as IncidentState;
      // Its must-linked reports sit in several incidents: the decision says they are one.
      for (const other of rest) into = this.#mergeStates(into, other);
      if (forbidden.has(into)) {
        throw new ConstraintConflictError(
          `report ${id} must join incident ${into.id}, which holds a report it is kept apart from`,
        );
      }
      this.#join(into, f);
      return { incidentId: into.id, created: false, score: null };
    }
    return this.#linkBest(f, forbidden);
  }

  /**
   * Records human decisions and restores every one of them in the current incidents: must-linked reports
   * are brought together (whole incidents merged when nothing forbids it), cannot-linked ones separated.
   */
  apply(constraints: Iterable<LinkConstraint>): void {
    const list = [...constraints];
    for (const c of list) this.#constraints.add(c);
    this.#constraints.check(list.flatMap((c) => [c.reportA, c.reportB]));
    // Separations first, so that a merge in the same batch does not meet a pair it has just been told to part.
    for (const c of list) if (c.kind === "cannot_link") this.#separate(c.reportA, c.reportB);
    for (const c of list) if (c.kind === "must_link") this.#bringTogether(c.reportA, c.reportB);
  }

  #separate(a: string, b: string): void {
    const inc = this.#incidentOf.get(a);
    if (inc === undefined || this.#incidentOf.get(b) !== inc) return;
    // b leaves with everything must-linked to it; the machine's other links stay where they were.
    const leaving = this.#constraints.mustGroup(b);
    const moved = inc.members.filter((m) => leaving.has(m.report.id));
    const stays = inc.members.filter((m) => !leaving.has(m.report.id));
    this.#rebuild(inc, stays);
    const fresh = new IncidentState(this.#newId());
    for (const m of moved) {
      fresh.add(m);
      this.#incidentOf.set(m.report.id, fresh);
    }
    this.#incidents.set(fresh.id, fresh);
    this.#index.add(fresh);
  }

  #bringTogether(a: string, b: string): void {
    const ia = this.#incidentOf.get(a);
    const ib = this.#incidentOf.get(b);
    if (ia === undefined || ib === undefined || ia === ib) return;
    if (this.#mayMerge(ia, ib)) {
      this.#mergeStates(ia, ib);
      return;
    }
    // The two incidents as a whole hold a pair kept apart: move only b's must-linked group across.
    const moving = this.#constraints.mustGroup(b);
    const moved = ib.members.filter((m) => moving.has(m.report.id));
    this.#rebuild(
      ib,
      ib.members.filter((m) => !moving.has(m.report.id)),
    );
    for (const m of moved) this.#join(ia, m);
  }

  #mayMerge(x: IncidentState, y: IncidentState): boolean {
    const ids = new Set(y.members.map((m) => m.report.id));
    for (const m of x.members) {
      if (!this.#constraints.touches(m.report.id)) continue;
      for (const other of this.#constraints.keptApartFrom(this.#constraints.mustGroup(m.report.id))) {
        if (ids.has(other)) return false;
      }
    }
    return true;
  }

  /** Moves every report of `from` into `into`; `from` ceases to exist. */
  #mergeStates(into: IncidentState, from: IncidentState): IncidentState {
    if (!this.#mayMerge(into, from)) {
      throw new ConstraintConflictError(
        `incidents ${into.id} and ${from.id} hold reports kept apart by a decision`,
      );
    }
    this.#index.remove(from);
    this.#incidents.delete(from.id);
    for (const m of from.members) {
      into.add(m);
      this.#incidentOf.set(m.report.id, into);
    }
    this.#index.update(into);
    return into;
  }

  /** Replaces an incident's members (after some left); an incident left empty is dropped. */
  #rebuild(inc: IncidentState, members: readonly ReportFeatures[]): void {
    this.#index.remove(inc);
    this.#incidents.delete(inc.id);
    if (members.length === 0) return;
    const fresh = new IncidentState(inc.id);
    for (const m of members) {
      fresh.add(m);
      this.#incidentOf.set(m.report.id, fresh);
    }
    this.#incidents.set(fresh.id, fresh);
    this.#index.add(fresh);
  }

  #join(inc: IncidentState, f: ReportFeatures): void {
    inc.add(f);
    this.#incidentOf.set(f.report.id, inc);
    this.#index.update(inc);
  }

  #open(f: ReportFeatures): IncidentState {
    const inc = new IncidentState(this.#newId());
    inc.add(f);
    this.#incidentOf.set(f.report.id, inc);
    this.#incidents.set(inc.id, inc);
    this.#index.add(inc);
    return inc;
  }
}
