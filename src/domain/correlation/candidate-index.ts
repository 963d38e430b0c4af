// The blocking index: which incidents a new report could belong to, by time window and place.
import { DAY_WINDOW, type ReportFeatures } from "./features.js";
import type { IncidentState } from "./incident-state.js";

/**
 * Where the correlator finds candidate incidents. The in-memory index below serves one process; a
 * store-backed one answers the same questions from the store's "by date window and admin1" queries.
 */
export interface CandidateIndex {
  /**
   * Incidents that may describe the report's event: within the date window of either the report's or
   * the incident's precision, and in the same admin1, near enough, or in the same country when a side
   * does not know its admin1. The returned array may be reused by the next call.
   */
  candidates(report: ReportFeatures): readonly IncidentState[];
  add(incident: IncidentState): void;
  /** Call after an incident's date or place summary may have changed. */
  update(incident: IncidentState): void;
  remove(incident: IncidentState): void;
}

/** Days per time bucket: a day-precision query touches one or two buckets, a month-precision one about nine. */
const BUCKET_DAYS = 8;
const BUCKET_OFFSET = 1 << 14;
const BUCKETS_PER_PLACE = 1 << 16;
/**
 * Grid cells of 0.1° (~10 km). A report placed to the town or near one looks by distance only: in the
 * cells around it (±1 for a town, ±3 for "near"), where incidents placed "near" a town are registered
 * ±2 cells wide, so either side's radius is covered. Reports placed to the province look by admin1.
 */
const CELL_DEG = 0.1;
const QUERY_CELLS: Readonly<Record<1 | 2, number>> = { 1: 1, 2: 3 };
const SPREAD_CELLS: Readonly<Record<1 | 2, number>> = { 1: 0, 2: 2 };
const CELL_BASE = 1 << 20;

/** A radius beyond which two geo-precision 1–2 places are not the same event's place (km), by precision. */
export const NEAR_KM: Readonly<Record<1 | 2 | 3, number>> = { 1: 8, 2: 25, 3: 80 };

export class InMemoryCandidateIndex implements CandidateIndex {
  readonly #buckets = new Map<number, IncidentState[]>();
  readonly #keysOf = new Map<IncidentState, number[]>();
  readonly #placeIds = new Map<string, number>();
  readonly #out: IncidentState[] = [];
  #query = 0;

  get size(): number {
    return this.#keysOf.size;
  }

  candidates(f: ReportFeatures): readonly IncidentState[] {
    const out = this.#out;
    out.length = 0;
    const mark = ++this.#query;
    const w = DAY_WINDOW[f.datePrecision];
    const from = bucketOf(f.day - w);
    const to = bucketOf(f.day + w);
    const visit = (place: number): void => {
      for (let b = from; b <= to; b++) {
        const list = this.#buckets.get(place * BUCKETS_PER_PLACE + b);
        if (list === undefined) continue;
        for (const inc of list) {
          if (inc.mark === mark) continue;
          inc.mark = mark;
          if (Math.abs(f.day - inc.anchorDay) <= Math.max(w, DAY_WINDOW[inc.anchorPrecision])) out.push(inc);
        }
      }
    };
    if (f.admin1 === null) {
      visit(this.#placeId(`c|${f.country}`));
      return out;
    }
    visit(this.#placeId(`u|${f.country}`));
    if (!Number.isNaN(f.lat) && f.geoPrecision < 3) {
      // Incidents known only to the province are still candidates; well-placed ones are found by distance.
      visit(this.#placeId(`v|${f.admin1}`));
      const r = QUERY_CELLS[f.geoPrecision as 1 | 2];
      const cy = Math.floor(f.lat / CELL_DEG);
      const cx = Math.floor(f.lon / CELL_DEG);
      for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) visit(cellId(cy + dy, cx + dx));
    } else {
      visit(this.#placeId(`a|${f.admin1}`));
    }
    return out;
  }

  add(inc: IncidentState): void {
    const keys = this.#keys(inc);
    this.#keysOf.set(inc, keys);
    for (const k of keys) {
      const list = this.#buckets.get(k);
      if (list === undefined) this.#buckets.set(k, [inc]);
      else list.push(inc);
    }
  }

  update(inc: IncidentState): void {
    const old = this.#keysOf.get(inc);
    if (old === undefined) {
      this.add(inc);
      return;
    }
    const keys = this.#keys(inc);
    if (keys.length === old.length && keys.every((k, i) => k === old[i])) return;
    this.remove(inc);
    this.add(inc);
  }

  remove(inc: IncidentState): void {
    const keys = this.#keysOf.get(inc);
    if (keys === undefined) return;
    this.#keysOf.delete(inc);
    for (const k of keys) {
      const list = this.#buckets.get(k);
      if (list === undefined) continue;
      const i = list.indexOf(inc);
      if (i < 0) continue;
      list[i] = list[list.length - 1] as IncidentState;
      list.pop();
      if (list.length === 0) this.#buckets.delete(k);
    }
  }

  /**
   * Every bucket an incident lives in: its own date window × (its country; each admin1, or "admin1
   * unknown"; its cells when it is placed to a town or near one, else "vague in admin1").
   */
  #keys(inc: IncidentState): number[] {
    const w = DAY_WINDOW[inc.anchorPrecision];
    const from = bucketOf(inc.anchorDay - w);
    const to = bucketOf(inc.anchorDay + w);
    const places: number[] = [this.#placeId(`c|${inc.country}`)];
    if (inc.admin1s.length === 0) places.push(this.#placeId(`u|${inc.country}`));
    for (const a of inc.admin1s) places.push(this.#placeId(`a|${a}`));
    if (!Number.isNaN(inc.lat) && inc.geoPrecision < 3) {
      const r = SPREAD_CELLS[inc.geoPrecision as 1 | 2];
      const cy = Math.floor(inc.lat / CELL_DEG);
      const cx = Math.floor(inc.lon / CELL_DEG);
      for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) places.push(cellId(cy + dy, cx + dx));
    } else {
      for (const a of inc.admin1s) places.push(this.#placeId(`v|${a}`));
    }
    const keys: number[] = [];
    for (const p of places) for (let b = from; b <= to; b++) keys.push(p * BUCKETS_PER_PLACE + b);
    return keys;
  }

  #placeId(name: string): number {
    let id = this.#placeIds.get(name);
    if (id === undefined) {
      id = this.#placeIds.size + 1;
      this.#placeIds.set(name, id);
    }
    return id;
  }
}

function bucketOf(day: number): number {
  return Math.min(BUCKETS_PER_PLACE - 1, Math.max(0, Math.floor(day / BUCKET_DAYS) + BUCKET_OFFSET));
}

/** Cells are numbered above every interned place id (lat −90…90 → 0…1800, lon −180…180 → 0…3600). */
function cellId(cy: number, cx: number): number {
  return CELL_BASE + (cy + 900) * 3700 + (cx + 1800);
}
