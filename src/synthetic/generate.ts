// Synthetic ground truth: true incidents and the noisy, disagreeing, re-published reports sources make of them.
import { eventTypeOf, type GeoPrecision, type SubEventType, type TimePrecision } from "../domain/ontology.js";
import type { Report } from "../domain/records/report.js";
import { type PlacePool, type SyntheticPlace, syrianPlaces } from "./places.js";
import { Rng } from "./prng.js";
import {
  actorWords,
  type EventPattern,
  type Leaning,
  months,
  type Outlet,
  outlets,
  patterns,
  republishers,
  scapegoat,
  sideOf,
  sites,
  tails,
  timesOfDay,
  verbs,
  weapons,
  weekdays,
} from "./vocabulary.js";

export interface GenerateOptions {
  /** How many true incidents to make. */
  readonly incidents: number;
  readonly seed: number;
  /** First day of the period (YYYY-MM-DD); 2017-01-01 by default, the ceasefire's first days. */
  readonly start?: string;
  /** Length of the period in days (365 by default): incidents fall uniformly within it. */
  readonly days?: number;
  /** At most this many reports per incident (6 by default; 1 makes one report per incident). */
  readonly maxReportsPerIncident?: number;
  /** Share of incidents made as distractors of an earlier one: near in place and time (0.15 by default). */
  readonly distractorRate?: number;
  /** The places to use; the shipped Syrian gazetteer by default. */
  readonly places?: PlacePool;
}

export interface TrueIncident {
  readonly id: string;
  readonly date: string;
  readonly location: string;
  readonly admin1: string;
  readonly lat: number;
  readonly lon: number;
  readonly subEventType: SubEventType;
  readonly perpetrator: string;
  readonly target: string;
  readonly killed: number;
  /** The incident this one was made to be confused with, if it is a distractor. */
  readonly distractorOf: string | null;
  /** Details sources may mention: what was hit, with what, and when in the day. */
  readonly site: string;
  readonly weapon: string;
  readonly timeOfDay: string;
}

export interface SyntheticData {
  /** In arrival order (publication time), as a correlator would receive them. */
  readonly reports: Report[];
  /** truth[i] is the id of the true incident reports[i] describes. */
  readonly truth: string[];
  readonly incidents: TrueIncident[];
}

interface Draft {
  readonly report: Report;
  readonly truth: string;
  readonly arrival: number;
}

const DAY_MS = 86_400_000;
/** Reports per incident, 1 to 6: most events are reported once or twice, a few widely. */
const REPORT_COUNT_WEIGHTS = [30, 25, 18, 12, 8, 7];
const CONFUSIONS: Readonly<Partial<Record<SubEventType, readonly SubEventType[]>>> = {
  "Shelling/artillery/missile attack": ["Air/drone strike", "Remote explosive/landmine/IED"],
  "Air/drone strike": ["Shelling/artillery/missile attack"],
  "Armed clash": ["Government regains territory", "Non-state actor overtakes territory", "Attack"],
  "Government regains territory": ["Armed clash"],
  "Non-state actor overtakes territory": ["Armed clash"],
  "Remote explosive/landmine/IED": ["Suicide bomb", "Shelling/artillery/missile attack"],
  "Suicide bomb": ["Remote explosive/landmine/IED"],
  Attack: ["Armed clash", "Abduction/forced disappearance"],
};

/** Makes `incidents` true incidents and, for each, 1–6 reports from several outlets, with realistic noise. */
export function generate(options: GenerateOptions): SyntheticData {
  return new Generator(options).run();
}

class Generator {
  readonly #rng: Rng;
  readonly #pool: PlacePool;
  readonly #start: number;
  readonly #days: number;
  readonly #maxReports: number;
  readonly #distractorRate: number;
  readonly #count: number;
  readonly #incidents: TrueIncident[] = [];
  readonly #incidentDays: number[] = [];
  readonly #incidentPlaces: number[] = [];
  readonly #incidentPatterns: EventPattern[] = [];
  readonly #drafts: Draft[] = [];
  readonly #patternsByAdmin1 = new Map<string, EventPattern[]>();
  #reportSeq = 0;

  constructor(o: GenerateOptions) {
    if (!Number.isInteger(o.incidents) || o.incidents < 0)
      throw new RangeError("incidents must be a whole number ≥ 0");
    this.#rng = new Rng(o.seed);
    this.#pool = o.places ?? syrianPlaces();
    if (this.#pool.places.length === 0) throw new RangeError("the place pool is empty");
    this.#start = Math.floor(Date.parse(`${o.start ?? "2017-01-01"}T00:00:00Z`) / DAY_MS);
    this.#days = o.days ?? 365;
    this.#maxReports = Math.max(1, Math.min(6, o.maxReportsPerIncident ?? 6));
    this.#distractorRate = o.distractorRate ?? 0.15;
    this.#count = o.incidents;
    for (const p of patterns) {
      for (const a of p.admin1s) {
        const list = this.#patternsByAdmin1.get(a);
        if (list) list.push(p);
        else this.#patternsByAdmin1.set(a, [p]);
      }
    }
  }

  run(): SyntheticData {
    for (let k = 0; k < this.#count; k++) this.#incident(k);
    const order = this.#drafts.map((_, i) => i);
    order.sort((a, b) => (this.#drafts[a] as Draft).arrival - (this.#drafts[b] as Draft).arrival || a - b);
    const reports: Report[] = [];
    const truth: string[] = [];
    for (const i of order) {
      const d = this.#drafts[i] as Draft;
      reports.push(d.report);
      truth.push(d.truth);
    }
    return { reports, truth, incidents: this.#incidents };
  }

  #incident(k: number): void {
    const rng = this.#rng;
    const places = this.#pool.places;
    let placeIdx: number;
    let day: number;
    let pattern: EventPattern;
    let distractorOf: string | null = null;
    if (k > 0 && rng.chance(this.#distractorRate)) {
      // A hard case: another event near an earlier one in place and time, often of the same kind.
      const base = rng.int(0, k - 1);
      const basePlace = this.#incidentPlaces[base] as number;
      const near = (places[basePlace] as SyntheticPlace).neighbours;
      placeIdx =
        near.length > 0 && rng.chance(0.7)
          ? (near[rng.int(0, Math.min(near.length, 6) - 1)] as number)
          : basePlace;
      day = (this.#incidentDays[base] as number) + rng.int(-2, 2);
      const allowed = this.#allowed((places[placeIdx] as SyntheticPlace).admin1);
      pattern = rng.chance(0.5) ? (this.#incidentPatterns[base] as EventPattern) : this.#pattern(allowed);
      distractorOf = (this.#incidents[base] as TrueIncident).id;
    } else {
      placeIdx = rng.int(0, places.length - 1);
      day = this.#start + rng.int(0, this.#days - 1);
      pattern = this.#pattern(this.#allowed((places[placeIdx] as SyntheticPlace).admin1));
    }
    const place = places[placeIdx] as SyntheticPlace;
    const killed = this.#trueKilled(pattern);
    const incident: TrueIncident = {
      id: `t${k + 1}`,
      date: isoDay(day),
      location: place.name,
      admin1: place.admin1,
      lat: place.lat,
      lon: place.lon,
      subEventType: pattern.sub,
      perpetrator: pattern.perpetrator,
      target: pattern.target,
      killed,
      distractorOf,
      site: rng.pick(sites),
      weapon: rng.pick(weapons),
      timeOfDay: rng.pick(timesOfDay),
    };
    this.#incidents.push(incident);
    this.#incidentDays.push(day);
    this.#incidentPlaces.push(placeIdx);
    this.#incidentPatterns.push(pattern);

    const n = Math.min(this.#maxReports, rng.weighted([1, 2, 3, 4, 5, 6], REPORT_COUNT_WEIGHTS));
    const used = new Set<Outlet>();
    let made = 0;
    while (made < n) {
      const outlet = this.#outlet(used);
      used.add(outlet);
      const original = this.#report(incident, day, place, pattern, outlet);
      made++;
      if (outlet.wire && made < n && rng.chance(0.55)) {
        // The wire story is carried by other outlets: same text (lightly edited), same claims.
        const copies = Math.min(n - made, rng.int(1, 3));
        const taken = new Set<string>();
        for (let c = 0; c < copies; c++) {
          let name = rng.pick(republishers);
          while (taken.has(name)) name = rng.pick(republishers);
          taken.add(name);
          this.#copy(original, name, incident.id);
          made++;
        }
      }
    }
  }

  #allowed(admin1: string): readonly EventPattern[] {
    return this.#patternsByAdmin1.get(admin1) ?? patterns;
  }

  #pattern(allowed: readonly EventPattern[]): EventPattern {
    return this.#rng.weighted(
      allowed,
      allowed.map((p) => p.weight),
    );
  }

  #outlet(used: ReadonlySet<Outlet>): Outlet {
    const free = outlets.filter((o) => !used.has(o));
    return this.#rng.weighted(
      free,
      free.map((o) => o.weight),
    );
  }

  /** Heavy-tailed: many events kill nobody or a few, some kill dozens. */
  #trueKilled(p: EventPattern): number {
    const rng = this.#rng;
    if (
      p.sub === "Arrests" ||
      p.sub === "Looting/property destruction" ||
      p.sub === "Abduction/forced disappearance"
    ) {
      return 0;
    }
    if (rng.chance(0.3)) return 0;
    return Math.min(300, Math.max(1, Math.round(Math.exp(0.8 + 1.1 * rng.normal()))));
  }

  #report(
    t: TrueIncident,
    day: number,
    place: SyntheticPlace,
    pattern: EventPattern,
    outlet: Outlet,
  ): Report {
    const rng = this.#rng;
    // When: most outlets give the day (a few the publication day instead); some the week; monthly reports the month.
    const datePrecision: TimePrecision = rng.weighted([1, 2, 3] as const, [78, 15, 7]);
    let reportedDay = day;
    if (datePrecision === 1 && rng.chance(0.15)) reportedDay += rng.chance(0.7) ? 1 : -1;
    else if (datePrecision === 2) reportedDay += rng.int(-3, 3);
    else if (datePrecision === 3) reportedDay = midMonth(day);

    // Where: the town (often spelt otherwise), near a town, only the province, or only the country.
    const where = this.#where(place, rng.weighted([1, 2, 3, 0] as const, [72, 16, 10, 2]));

    const sub = rng.chance(0.12)
      ? (rng.pick(CONFUSIONS[pattern.sub] ?? [pattern.sub]) as SubEventType)
      : pattern.sub;
    const perpetrator = this.#perpetrator(pattern, outlet);
    const target = rng.chance(0.3) ? null : pattern.target;
    const killed = this.#stated(t.killed, pattern, outlet);
    const id = `r${++this.#reportSeq}`;
    const summary = `${this.#text(outlet.name, perpetrator, sub, where, killed, reportedDay, datePrecision)}${this.#details(t)}`;
    const delay = datePrecision === 3 ? rng.int(5, 25) : outlet.wire ? rng.int(0, 1) : rng.int(0, 3);
    const arrival = (day + delay) * 86_400 + rng.int(0, 86_399);
    const report: Report = {
      id,
      documentId: `d${this.#reportSeq}`,
      source: outlet.name,
      copyGroup: id,
      date: isoDay(reportedDay),
      dateEnd: null,
      datePrecision,
      country: this.#pool.country,
      admin1: where.admin1,
      location: where.location,
      lat: where.lat,
      lon: where.lon,
      geoPrecision: where.geoPrecision,
      eventType: eventTypeOf(sub),
      subEventType: sub,
      perpetrator,
      target,
      killed,
      kind: outlet.kind,
      spans: [],
      summary,
      createdAt: new Date(arrival * 1000).toISOString(),
    };
    this.#drafts.push({ report, truth: t.id, arrival });
    return report;
  }

  /** Each detail is mentioned by some sources, and now and then mis-reported. */
  #details(t: TrueIncident): string {
    const rng = this.#rng;
    const parts: string[] = [];
    const mention = <T>(value: T, pool: readonly T[]): T | null =>
      rng.chance(0.55) ? (rng.chance(0.1) ? rng.pick(pool) : value) : null;
    const site = mention(t.site, sites);
    const weapon = mention(t.weapon, weapons);
    const time = mention(t.timeOfDay, timesOfDay);
    if (site) parts.push(rng.chance(0.5) ? `The strike hit ${site}.` : `Witnesses said ${site} was damaged.`);
    if (weapon)
      parts.push(
        rng.chance(0.5) ? `Witnesses described ${weapon}.` : `Sources reported the use of ${weapon}.`,
      );
    if (time) parts.push(rng.chance(0.5) ? `It happened ${time}.` : `The attack began ${time}.`);
    return parts.length > 0 ? ` ${parts.join(" ")}` : "";
  }

  #copy(original: Report, outlet: string, truth: string): void {
    const rng = this.#rng;
    const id = `r${++this.#reportSeq}`;
    let text = original.summary;
    // Light edits re-publishers make: a dateline, a credit, a word changed, the last sentence cut.
    if (rng.chance(0.5))
      text = `${rng.pick(["BEIRUT", "DAMASCUS", "ISTANBUL", "AMMAN"])} (${original.source}) - ${text}`;
    if (rng.chance(0.4)) text = text.replace(" said", " reported").replace(" killing ", " leaving dead ");
    if (rng.chance(0.3)) text = text.replace(/ [^.]*\.$/, "");
    if (rng.chance(0.4)) text = `${text} ${outlet} contributed to this report.`;
    const arrival = Date.parse(original.createdAt) / 1000 + rng.int(600, 86_400);
    const report: Report = {
      ...original,
      id,
      documentId: `d${this.#reportSeq}`,
      source: outlet,
      copyGroup: original.id,
      kind: "press",
      summary: text,
      createdAt: new Date(arrival * 1000).toISOString(),
    };
    this.#drafts.push({ report, truth, arrival });
  }

  #where(
    place: SyntheticPlace,
    precision: 0 | 1 | 2 | 3,
  ): {
    location: string;
    admin1: string | null;
    lat: number | null;
    lon: number | null;
    geoPrecision: GeoPrecision;
  } {
    const rng = this.#rng;
    if (precision === 0) {
      return { location: rng.pick(this.#pool.vague), admin1: null, lat: null, lon: null, geoPrecision: 3 };
    }
    if (precision === 3) {
      const unit = this.#pool.admin1Units.get(place.admin1);
      const names = unit ? [unit.name, ...unit.alt] : [place.admin1];
      const base = rng.pick(names);
      const location = rng.chance(0.5) && !/province|governorate/i.test(base) ? `${base} province` : base;
      return {
        location,
        admin1: place.admin1,
        lat: unit?.lat ?? null,
        lon: unit?.lon ?? null,
        geoPrecision: 3,
      };
    }
    if (precision === 2) {
      const neighbours = place.neighbours;
      const named =
        neighbours.length > 0 && rng.chance(0.5)
          ? (this.#pool.places[
              neighbours[rng.int(0, Math.min(3, neighbours.length) - 1)] as number
            ] as SyntheticPlace)
          : place;
      const name = this.#spell(named);
      const location =
        named === place
          ? rng.pick([`${name} countryside`, `outskirts of ${name}`, `near ${name}`])
          : `near ${name}`;
      return { location, admin1: named.admin1, lat: named.lat, lon: named.lon, geoPrecision: 2 };
    }
    return {
      location: this.#spell(place),
      admin1: place.admin1,
      lat: place.lat,
      lon: place.lon,
      geoPrecision: 1,
    };
  }

  /** The name as an outlet spells it: the gazetteer's name, one of its variants, or now and then a typo. */
  #spell(place: SyntheticPlace): string {
    const rng = this.#rng;
    let name = place.alt.length > 0 && rng.chance(0.45) ? rng.pick(place.alt) : place.name;
    if (rng.chance(0.04) && name.length > 4) {
      const i = rng.int(1, name.length - 3);
      name = name.slice(0, i) + (name[i + 1] ?? "") + (name[i] ?? "") + name.slice(i + 2);
    }
    return name;
  }

  /** Who the outlet says did it: often unnamed; a leaning outlet may blame the other side for its own. */
  #perpetrator(p: EventPattern, outlet: Outlet): string | null {
    const rng = this.#rng;
    if (rng.chance(0.2)) return null;
    const side: Leaning | undefined = sideOf[p.perpetrator];
    if (outlet.leaning !== "neutral" && side === outlet.leaning && rng.chance(0.5)) {
      return rng.pick(scapegoat[outlet.leaning]);
    }
    return p.perpetrator;
  }

  /** The toll an outlet states: early counts, rounding, and each side's interest in its own figures. */
  #stated(trueKilled: number, p: EventPattern, outlet: Outlet): number | null {
    const rng = this.#rng;
    if (rng.chance(trueKilled === 0 ? 0.5 : 0.15)) return null;
    if (trueKilled === 0) return rng.chance(0.9) ? 0 : 1;
    let x = trueKilled * Math.exp(0.2 * rng.normal());
    if (outlet.leaning !== "neutral") {
      if (
        sideOf[p.target] === outlet.leaning ||
        (p.target === "CIV" && sideOf[p.perpetrator] !== outlet.leaning)
      )
        x *= 1.4;
      else if (sideOf[p.perpetrator] === outlet.leaning) x *= 0.6;
    }
    if (rng.chance(0.2)) x *= 0.6;
    return Math.max(0, Math.round(x));
  }

  #text(
    source: string,
    perpetrator: string | null,
    sub: SubEventType,
    where: { location: string; admin1: string | null; geoPrecision: GeoPrecision },
    killed: number | null,
    day: number,
    precision: TimePrecision,
  ): string {
    const rng = this.#rng;
    const who =
      perpetrator === null
        ? rng.pick(["unidentified attackers", "unknown forces", "gunmen"])
        : rng.pick(actorWords[perpetrator] ?? ["armed men"]);
    const verb = rng.pick(verbs[sub] ?? ["attacked"]);
    const unit = where.admin1 === null ? null : this.#pool.admin1Units.get(where.admin1);
    const province = unit ? `${unit.alt[0] ?? unit.name} province` : "the region";
    const loc = where.geoPrecision === 3 ? `villages in ${where.location}` : where.location;
    const date = dateWords(day, precision, rng);
    const toll =
      killed === null
        ? null
        : killed === 0
          ? "no one was killed"
          : `${killed} ${killed === 1 ? "person was" : "people were"} killed`;
    const tail = rng.pick(tails);
    let s: string;
    switch (rng.int(0, 3)) {
      case 0:
        s = `${cap(who)} ${verb} ${loc} in ${province} ${date}${toll ? `; ${toll}` : ""}, ${source} said.`;
        break;
      case 1:
        s = `${toll ? `${cap(toll)} ${date} when` : `${cap(date)},`} ${who} ${verb} ${loc}, ${province}, according to ${source}.`;
        break;
      case 2:
        s = `${source} reported that ${who} ${verb} ${loc} ${date}.${toll ? ` It said ${toll}.` : ""}`;
        break;
      default:
        s = `${cap(date)}, ${loc} (${province}): ${who} ${verb} the area.${toll ? ` ${cap(toll)}, ${source} said.` : ""}`;
    }
    return tail ? `${s} ${tail}` : s;
  }
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function dateWords(day: number, precision: TimePrecision, rng: Rng): string {
  const d = new Date(day * DAY_MS);
  if (precision === 3) return `in ${months[d.getUTCMonth()]}`;
  if (precision === 2)
    return rng.pick(["last week", "over the weekend", "earlier this week", "in recent days"]);
  return rng.chance(0.5)
    ? `on ${weekdays[d.getUTCDay()]}`
    : `on ${d.getUTCDate()} ${months[d.getUTCMonth()]}`;
}

function midMonth(day: number): number {
  const d = new Date(day * DAY_MS);
  return Math.floor(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 15) / DAY_MS);
}

function isoDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
