// How well a report fits an incident: a sum of evidence terms, positive for agreement, negative for conflict.
import { NEAR_KM } from "./candidate-index.js";
import { DAY_WINDOW, type ReportFeatures, subTypeId } from "./features.js";
import type { IncidentState } from "./incident-state.js";
import { jaccard, nearKm, weightedJaccard } from "./similarity.js";

/** A report joins the best-scoring candidate at or above this score; below it, it opens a new incident. */
export const LINK_THRESHOLD = 2.5;

/**
 * A report placed only by province (or country) fits every incident of its province and window about
 * equally; it is linked only when the best candidate beats the runner-up by this much.
 */
export const AMBIGUITY_MARGIN = 1;

/**
 * Sub-event types sources confuse for one another: a barrage is "shelling" to one outlet and "air strikes"
 * to the next; a clash that ends with a town taken is a clash, a government gain or a rebel advance.
 */
const CONFUSABLE: readonly (readonly string[])[] = [
  ["Shelling/artillery/missile attack", "Air/drone strike", "Remote explosive/landmine/IED", "Grenade"],
  ["Remote explosive/landmine/IED", "Suicide bomb"],
  ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  ["Attack", "Abduction/forced disappearance"],
  ["Armed clash", "Attack"],
];

const compatible = new Set<number>();
for (const group of CONFUSABLE) {
  for (const a of group) {
    for (const b of group) compatible.add(pairKey(subTypeId(a), subTypeId(b)));
  }
}

function pairKey(a: number, b: number): number {
  return a * 64 + b;
}

function typeScore(f: ReportFeatures, inc: IncidentState): number {
  let best = -2;
  for (const sub of inc.subTypes) {
    const s = sub === f.subType ? 1 : compatible.has(pairKey(sub, f.subType)) ? 0.2 : -2;
    if (s > best) best = s;
  }
  return best;
}

/**
 * Dates: two day-precise dates a day apart are weak evidence, two apart is against; coarser dates
 * carry less weight either way, since a month-precise date fits every day of its month.
 */
function dateScore(f: ReportFeatures, inc: IncidentState): number {
  const dd = Math.abs(f.day - inc.anchorDay);
  if (f.datePrecision === 1 && inc.anchorPrecision === 1) return dd === 0 ? 1 : dd === 1 ? 0 : -1.5;
  const tol = Math.max(DAY_WINDOW[f.datePrecision], DAY_WINDOW[inc.anchorPrecision]);
  const weight = f.datePrecision === 3 || inc.anchorPrecision === 3 ? 0.2 : 0.5;
  return weight * (1 - (2 * dd) / tol);
}

/**
 * Place, the strongest evidence: two reports that name the same town (after transliteration folding, or
 * trigram-similar for spellings folding misses) agree; two that name different towns at town precision
 * disagree, whatever else they share. With a "near X" report, distance against the radius of its
 * precision decides (as the crow flies). Province-level reports only agree or disagree on the province, which says little.
 */
function placeScore(f: ReportFeatures, inc: IncidentState): number {
  const coarseFirst = Math.max(f.geoPrecision, inc.geoPrecision);
  if (coarseFirst === 3 || Number.isNaN(f.lat) || Number.isNaN(inc.lat)) return provinceScore(f, inc);
  let nameSim = 0;
  for (let i = 0; i < inc.locationKeys.length; i++) {
    if (inc.locationKeys[i] === f.locationKey) {
      nameSim = 1;
      break;
    }
    const j = jaccard(f.locationShingles, inc.locationShingles[i] as Uint32Array);
    if (j > nameSim) nameSim = j;
  }
  const coarse = Math.max(f.geoPrecision, inc.geoPrecision) as 1 | 2 | 3;
  if (coarse < 3 && !Number.isNaN(f.lat) && !Number.isNaN(inc.lat)) {
    const km = nearKm(f.lat, f.lon, inc.lat, inc.lon);
    if (coarse === 1) {
      // Same coordinates or the same name: one place. A name 60 % alike at another spot is a typo.
      if (nameSim === 1 || km <= 0.5) return 3;
      if (nameSim >= 0.6) return 2;
      return km <= NEAR_KM[1] ? -1.5 : -3;
    }
    const near = NEAR_KM[2];
    const s = km <= near * 0.2 ? 1.5 : km <= near * 0.5 ? 0.5 : km <= near ? -0.5 : -3;
    return s + (nameSim === 1 ? 1 : 0);
  }
  return provinceScore(f, inc);
}

function provinceScore(f: ReportFeatures, inc: IncidentState): number {
  const sameAdmin1 = f.admin1 !== null && inc.admin1s.includes(f.admin1);
  if (f.admin1 !== null && inc.admin1s.length > 0 && !sameAdmin1) return -2;
  return sameAdmin1 ? 0.3 : 0;
}

/** Perpetrator and target: unknown is neutral; disagreement costs but does not veto (sources trade blame). */
function actorScore(f: ReportFeatures, inc: IncidentState): number {
  let s = 0;
  const p = f.report.perpetrator;
  if (p !== null && inc.perpetrators.length > 0) s += inc.perpetrators.includes(p) ? 0.5 : -0.5;
  const t = f.report.target;
  if (t !== null && inc.targets.length > 0) s += inc.targets.includes(t) ? 0.3 : -0.3;
  return s;
}

/** Fatalities: figures within a factor of two (or two people) agree; an order of magnitude apart disagree. */
function killedScore(f: ReportFeatures, inc: IncidentState): number {
  const a = f.killed;
  const b = inc.killedBest;
  if (a < 0 || b < 0) return 0;
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  if (hi - lo <= 1 || hi <= 1.5 * lo) return 0.8;
  if (hi <= 2.5 * lo) return 0;
  return -1.2;
}

const TEXT_WEIGHT = 3;
const TEXT_BASELINE = 0.15;

/** Shared content words of the summaries (actors, places, weapons): beyond chance overlap, evidence. */
function textScore(f: ReportFeatures, inc: IncidentState): number {
  if (f.wordWeights.length !== f.words.length) return 0;
  let best = 0;
  for (let i = 0; i < inc.texts.length; i++) {
    const j = weightedJaccard(
      f.words,
      f.wordWeights,
      inc.texts[i] as Uint32Array,
      inc.textWeights[i] as Float32Array,
    );
    if (j > best) best = j;
  }
  return TEXT_WEIGHT * (best - TEXT_BASELINE);
}

export interface ScoreBreakdown {
  readonly type: number;
  readonly date: number;
  readonly place: number;
  readonly actors: number;
  readonly killed: number;
  readonly text: number;
  readonly total: number;
}

/** The most the text term can add: lets the correlator skip it for candidates that cannot win anyway. */
export const TEXT_MAX = TEXT_WEIGHT * (1 - TEXT_BASELINE);

/** Every term but text: cheap, so it is computed for every candidate first. */
export function partialScore(f: ReportFeatures, inc: IncidentState): number {
  return placeScore(f, inc) + restScore(f, inc);
}

/** The most type, date, actors and toll can add together: bounds a candidate from its place term alone. */
export const REST_MAX = 1 + 1 + 0.8 + 0.8;

/** Type, date, actors and toll. */
export function restScore(f: ReportFeatures, inc: IncidentState): number {
  return typeScore(f, inc) + dateScore(f, inc) + actorScore(f, inc) + killedScore(f, inc);
}

export { placeScore, textScore };

export function score(f: ReportFeatures, inc: IncidentState): number {
  return partialScore(f, inc) + textScore(f, inc);
}

/** The same score, term by term, for explaining a link to a reviewer. */
export function explainScore(f: ReportFeatures, inc: IncidentState): ScoreBreakdown {
  const parts = {
    type: typeScore(f, inc),
    date: dateScore(f, inc),
    place: placeScore(f, inc),
    actors: actorScore(f, inc),
    killed: killedScore(f, inc),
    text: textScore(f, inc),
  };
  return {
    ...parts,
    total: parts.type + parts.date + parts.place + parts.actors + parts.killed + parts.text,
  };
}
